// What the app may call of network-summary/: the daily reminder job (app/jobs.ts).
// Also what a household's access request holds from here (features/registry-data).

export { summariesOfHousehold } from './queries/access-request.js';
export { SUMMARY_REMINDER_CRON, sendSummaryReminders } from './worker.js';
