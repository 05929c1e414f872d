/** The café API's shapes (docs/cafe-api.md). */
import type { HouseholdKind, Relation } from '../../domain/household.js';

export { HOUSEHOLD_KINDS } from '../../domain/household.js';
export type {
  AudienceHousehold,
  AudienceRule,
  AudienceView as Audience,
} from '../../features/audience/contract.js';
export type { SchoolHolidayRules, SchoolHolidays } from '../../features/school-holidays/contract.js';
export type { SendingHousehold, SendingView } from '../../features/sending/contract.js';
export type { VenueView as Venue } from '../../features/venues/contract.js';
export type { HouseholdKind, Relation };

import type { SendingStatus as MessageStatus } from '../../domain/sending.js';

import type { HostList } from '../../features/events/contract.js';
export type Host = HostList['hosts'][number];
export type {
  DateProblem as Problem,
  EventInput,
  EventView as CafeEvent,
} from '../../features/events/contract.js';
export type { SeasonPlan, SeasonSlot as Slot } from '../../features/season/contract.js';
export type { VenueInput } from '../../features/venues/contract.js';

export const PROGRAMME_KINDS = ['talk', 'leader', 'other'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const REGISTRATIONS = ['none', 'optional', 'required'] as const;
export type Registration = (typeof REGISTRATIONS)[number];

export interface ProgrammeItem {
  kind: ProgrammeKind;
  title: string;
  minutes: number | null;
  speaker: string | null;
}

export type Season = 'spring' | 'autumn';

/** Sending the invitations (docs/sending-api.md). */
export { CHANNELS } from '../../domain/household.js';
export type Channel = import('../../domain/household.js').Channel;

export {
  SENDING_STATUSES as MESSAGE_STATUSES,
  type SendingState,
  type SendingStatus as MessageStatus,
} from '../../domain/sending.js';

export type SendingCounts = Record<MessageStatus, number> & { households: number };

export interface SendingChannelRow {
  channel: Channel;

  households: number;
  queued: number;
  sending: number;
  sent: number;
  delivered: number;
  printed: number;
  failed: number;
}
