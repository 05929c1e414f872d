// What other parts may call of family-home-meetings/: the reminder run (app/jobs.ts).

export { MEETING_REMINDERS_CRON, sendMeetingReminders } from './worker.js';
