import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../channels/email.js';
import type { Channels } from '../channels/index.js';
import type { Database } from '../db/connection.js';
import type { Config } from './config.js';

/** What services need from the outside world; built once in app/build-app.ts, replaced in tests. */
export interface Deps {
  db: Database;
  config: Config;
  mailer: Mailer;
  log: FastifyBaseLogger;
  channels: Channels;
  jobs: Jobs;
}

export interface SendJob {
  municipalityId: number;
  eventId: string;
  /**
   * Also make the invitations of households in the audience that have none: only when the team
   * sends (now, or at the planned time). A wake-up for a confirmation or a reminder sends what is
   * queued and invites nobody new.
   */
  prepare?: boolean;
}

export interface Jobs {
  /** Sends the event's due messages now, or at `startAfter`. */
  sendMessages(job: SendJob, startAfter?: Date): Promise<void>;
  /** Tells a partner's households that the host of their joint cohort cancelled this session. */
  tellCohortCancellation(job: { municipalityId: number; eventId: string }): Promise<void>;
  stop(): Promise<void>;
}
