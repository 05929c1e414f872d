// What other parts may call of family-home-meetings/: the reminder run (app/jobs.ts) and the demo
// municipality's meetings (features/demo).
// Also what a household's access request holds from here (features/registry-data).

export { meetingsOfHousehold } from './queries/access-request.js';
export { seedDemoMeetings } from './service/seed-demo.js';
export { MEETING_REMINDERS_CRON, sendMeetingReminders } from './worker.js';
