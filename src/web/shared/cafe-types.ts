/** The café API's shapes (docs/cafe-api.md). */
import type { HouseholdKind, Relation } from '../../domain/household.js';

export { HOUSEHOLD_KINDS } from '../../domain/household.js';
export type { HouseholdKind, Relation };

export interface Problem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  params: Record<string, unknown>;
}

export interface Venue {
  id: string;
  name: string;
  address: { line: string | null; postcode: string | null; place: string | null };
  capacity: number | null;
  kitchen: boolean;
  parking: boolean;
  stepFree: boolean;
  notes: string | null;
  archived: boolean;
  version: number;
  eventsHeld: number;
  lastUsed: string | null;
  averageAttendance: number | null;
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

export interface Host {
  id: string;
  firstName: string;
  lastName: string;
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

export interface SchoolHolidayRules {
  winterWeek: number | null;
  autumnWeek: number | null;
  easter: boolean;
  christmas: { start: string; end: string } | null;
  summer: { start: string; end: string } | null;
  extra: unknown[];
}

export interface SchoolHolidays {
  rules: SchoolHolidayRules;
  periods: { kind: string; start: string; end: string; week?: number; label?: string }[];
}

export interface AudienceRule {
  maxTravel: number;
  care: boolean;
  oversight: boolean;
  kinds: HouseholdKind[];
}

export interface AudienceHousehold {
  id: string;
  name: string;
  kind: HouseholdKind;
  relation: Relation;
  travelMinutes: number | null;
  languages: string[];
  included: boolean;
  source: 'rule' | 'added' | 'removed';
  note: string | null;
}

export interface Audience {
  rule: AudienceRule;
  count: number;
  households: AudienceHousehold[];
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

export interface SendingHousehold {
  id: string;
  name: string;
  /** The channel its invitation goes (or went) by. */
  channel: Channel;
  /** The team's choice for this household; null = as the others. */
  choice: Channel | null;
  /** The channels it has the contact data for. */
  usable: Channel[];
  status: MessageStatus;
  reason: string | null;
  sentAt: string | null;
}

export interface SendingView {
  eventId: string;
  sendAt: string | null;
  defaultSendAt: string;
  state: SendingState;
  channel: Channel | null;
  counts: SendingCounts;
  byChannel: SendingChannelRow[];
  households: SendingHousehold[];
  lettersToPrint: number;
}
