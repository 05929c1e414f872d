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

export interface Problem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  params: Record<string, unknown>;
}

export interface VenueInput {
  name: string;
  address: { line: string | null; postcode: string | null };
  capacity: number | null;
  kitchen: boolean;
  parking: boolean;
  stepFree: boolean;
  notes: string | null;
}

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

export interface CafeEvent {
  id: string;
  kind: 'cafe' | 'gathering';
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  venue: { id: string; name: string; place: string | null } | null;
  capacity: number | null;
  food: boolean;
  registration: Registration;
  deadline: string | null;
  programme: ProgrammeItem[];
  hosts: { id: string; firstName: string }[];
  status: 'planned' | 'cancelled';
  problems: Problem[];
  version: number;
}

export interface EventInput {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venueId: string | null;
  capacity: number | null;
  food: boolean;
  registration: Registration;
  deadline: string | null;
  programme: ProgrammeItem[];
  hostUserIds: string[];
  confirmDate?: boolean;
}

export type Season = 'spring' | 'autumn';

export interface Slot {
  month: number;
  status: 'proposed' | 'kept' | 'none' | 'removed' | 'invalid';
  date?: string;
  startsAt?: string;
  endsAt?: string;
  eventId?: string;
  venueId?: string | null;
  problems: Problem[];
  alternatives?: string[];
  reason?: { code: string; params?: Record<string, unknown> } | string;
}

export interface SeasonPlan {
  season: Season;
  year: number;
  slots: Slot[];
}

/** Sending the invitations (docs/sending-api.md). */
export { CHANNELS } from '../../domain/household.js';
export type Channel = import('../../domain/household.js').Channel;

export const MESSAGE_STATUSES = [
  'not_sent',
  'queued',
  'sending',
  'sent',
  'delivered',
  'printed',
  'failed',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export type SendingState = 'not_planned' | 'scheduled' | 'sending' | 'done';

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
