// What other features may call of retention/: the daily run (src/app/jobs.ts schedules it).
export { RETENTION_CRON, runRetentionEverywhere } from './worker.js';
