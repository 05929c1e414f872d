// What other parts may call of family-home-meetings/: the reminder run (app/jobs.ts) and the demo
// municipality's meetings (features/demo).

export { seedDemoMeetings } from './service/seed-demo.js';
export { MEETING_REMINDERS_CRON, sendMeetingReminders } from './worker.js';
