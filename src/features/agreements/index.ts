// What other parts may call of agreements/: the daily reminder (src/app/jobs.ts).
// Also what a household's access request holds from here (features/registry-data).

export { agreementsOfHousehold } from './queries/access-request.js';
export { AGREEMENT_REMINDER_CRON, remindEndingAgreements } from './worker.js';
