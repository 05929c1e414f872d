import { type Static, Type } from '@sinclair/typebox';
import { ALT_MAX, EVENT_KINDS, EVENT_STATUSES, PROGRAMME_KINDS, REGISTRATIONS } from '../../domain/event.js';
import { Int, literals, Nullable, Uuid } from '../../server/schemas.js';

// Dates and times are checked by the service with the rest of the form, so every problem is
// reported at once.
export const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const Time = Type.String({ maxLength: 5, description: 'HH:MM, Europe/Oslo' });
const ShortText = (maxLength: number) => Type.String({ maxLength });

/** What is wrong with a date (domain/season.ts DateProblem), for the page to word. */
export const DateProblem = Type.Object({
  code: Type.String(),
  severity: literals(['error', 'warning', 'info'] as const),
  params: Type.Record(Type.String(), Type.Unknown()),
});
export type DateProblem = Static<typeof DateProblem>;

export const ProgrammeItemInput = Type.Object({
  kind: Type.Union([Type.Literal('talk'), Type.Literal('leader'), Type.Literal('other')]),
  title: ShortText(200),
  minutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 600 }))),
  speaker: Type.Optional(Nullable(ShortText(200))),
});
export type ProgrammeItemInput = Static<typeof ProgrammeItemInput>;

export const Registration = Type.Union([
  Type.Literal('none'),
  Type.Literal('optional'),
  Type.Literal('required'),
]);
export type Registration = Static<typeof Registration>;

/** The event form. */
export const EventInput = Type.Object({
  id: Type.Optional(Uuid),
  kind: Type.Optional(Type.Union([Type.Literal('cafe'), Type.Literal('gathering')])),
  title: ShortText(200),
  date: Day,
  startTime: Time,
  endTime: Time,
  venueId: Type.Optional(Nullable(Uuid)),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  food: Type.Boolean(),
  registration: Registration,
  deadline: Type.Optional(Nullable(Day)),
  programme: Type.Optional(Type.Array(ProgrammeItemInput, { maxItems: 20 })),
  hostUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
  confirmDate: Type.Optional(Type.Boolean({ description: 'true: hold it on a public or school holiday' })),
});
export type EventInput = Static<typeof EventInput>;

/** The event form sent again to replace an event: with the version it was read at. */
export const EventUpdate = Type.Intersect([EventInput, Type.Object({ version: Int({ minimum: 1 }) })]);
export type EventUpdate = Static<typeof EventUpdate>;

export const EventView = Type.Object({
  id: Type.String(),
  kind: literals(EVENT_KINDS),
  title: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  endTime: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  venue: Nullable(Type.Object({ id: Type.String(), name: Type.String(), place: Nullable(Type.String()) })),
  capacity: Nullable(Type.Integer()),
  food: Type.Boolean(),
  registration: literals(REGISTRATIONS),
  deadline: Nullable(Type.String()),
  programme: Type.Array(
    Type.Object({
      kind: literals(PROGRAMME_KINDS),
      title: Type.String(),
      minutes: Nullable(Type.Integer()),
      speaker: Nullable(Type.String()),
    }),
  ),
  hosts: Type.Array(Type.Object({ id: Type.String(), firstName: Type.String() })),
  status: literals(EVENT_STATUSES),
  problems: Type.Array(DateProblem),
  version: Type.Integer(),
  image: Nullable(Type.Object({ alt: Type.String(), updatedAt: Type.String() })),
});
export type EventView = Static<typeof EventView>;

export const EventList = Type.Object({ events: Type.Array(EventView) });
export type EventList = Static<typeof EventList>;

export const EventListQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) });
export type EventListQuery = Static<typeof EventListQuery>;

export const EventParams = Type.Object({ eventId: Uuid });
export type EventParams = Static<typeof EventParams>;

/** Caseworkers and team leaders who may host an event. */
export const HostList = Type.Object({
  hosts: Type.Array(Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String() })),
});
export type HostList = Static<typeof HostList>;

// --- The event's image ---------------------------------------------------------------------------

// Its limits (IMAGE_MAX_BYTES, IMAGE_TYPES, ALT_MAX) are domain/event.ts.

export const EventImageView = Type.Object({
  contentType: Type.String(),
  alt: Type.String(),
  updatedAt: Type.String(),
});
export type EventImageView = Static<typeof EventImageView>;

// Optional here and required by the service after the event is found, so another municipality's
// event answers 404 whatever is sent.
export const EventImageQuery = Type.Object({ alt: Type.Optional(Type.String({ maxLength: ALT_MAX })) });
export type EventImageQuery = Static<typeof EventImageQuery>;
