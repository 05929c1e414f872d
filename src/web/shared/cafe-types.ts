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

import type { HostList } from '../../features/events/contract.js';
export type Host = HostList['hosts'][number];

export {
  PROGRAMME_KINDS,
  type ProgrammeKind,
  REGISTRATIONS,
  type Registration,
} from '../../domain/event.js';
/** Sending the invitations (docs/sending-api.md). */
export { CHANNELS } from '../../domain/household.js';
export type {
  DateProblem as Problem,
  EventInput,
  EventView as CafeEvent,
} from '../../features/events/contract.js';
export type { Season, SeasonPlan, SeasonSlot as Slot } from '../../features/season/contract.js';
export type { VenueInput } from '../../features/venues/contract.js';
export type Channel = import('../../domain/household.js').Channel;

export {
  SENDING_STATUSES as MESSAGE_STATUSES,
  type SendingState,
  type SendingStatus as MessageStatus,
} from '../../domain/sending.js';

import type { SendingView } from '../../features/sending/contract.js';
export type SendingChannelRow = SendingView['byChannel'][number];
