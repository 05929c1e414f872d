// What the app may call of network-summary/: the daily reminder job (app/jobs.ts).

export { SUMMARY_REMINDER_CRON, sendSummaryReminders } from './worker.js';
