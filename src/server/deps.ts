import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../channels/email.js';
import type { Channels } from '../channels/index.js';
import type { Database } from '../db/connection.js';
import type { Jobs } from '../jobs/boss.js';
import type { Config } from './config.js';

/** What services need from the outside world; built once in app.ts, replaced in tests. */
export interface Deps {
  db: Database;
  config: Config;
  mailer: Mailer;
  log: FastifyBaseLogger;
  channels: Channels;
  jobs: Jobs;
}
