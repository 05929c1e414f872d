import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SCHOOL_HOLIDAY_KINDS } from '../../domain/holidays.js';
import { HOUSEHOLD_KINDS } from '../../domain/household.js';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { literals, Nullable, Uuid, withErrors } from '../../server/schemas.js';
import { eventImageRoutes } from './image-routes.js';
import {
  acceptSeason,
  archiveVenue,
  cancelEvent,
  createEvent,
  createVenue,
  getAudience,
  getEvent,
  getSchoolHolidays,
  listEvents,
  listHosts,
  listVenues,
  saveAudienceRule,
  saveSchoolHolidays,
  seasonPlan,
  setInvitee,
  setInviteeNote,
  updateEvent,
  updateVenue,
} from './service.js';

// Dates and times are checked by the service with the rest of the form, so every problem is
// reported at once.
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const Time = Type.String({ maxLength: 5, description: 'HH:MM, Europe/Oslo' });
const ShortText = (maxLength: number) => Type.String({ maxLength });
const Version = Type.Integer({ minimum: 1 });

const VenueInput = Type.Object({
  name: ShortText(200),
  address: Type.Optional(
    Type.Object({
      line: Type.Optional(Nullable(ShortText(200))),
      postcode: Type.Optional(Nullable(ShortText(10))),
    }),
  ),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  kitchen: Type.Boolean(),
  parking: Type.Boolean(),
  stepFree: Type.Boolean(),
  notes: Type.Optional(Nullable(ShortText(2000))),
});

const Venue = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Type.Object({
    line: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    place: Nullable(Type.String()),
  }),
  capacity: Nullable(Type.Integer()),
  kitchen: Type.Boolean(),
  parking: Type.Boolean(),
  stepFree: Type.Boolean(),
  notes: Nullable(Type.String()),
  archived: Type.Boolean(),
  version: Type.Integer(),
  eventsHeld: Type.Integer(),
  lastUsed: Nullable(Type.String()),
  averageAttendance: Nullable(Type.Number()),
});

const MonthDayRange = Nullable(Type.Object({ start: ShortText(5), end: ShortText(5) }));
const SchoolHolidayPeriod = Type.Object({
  kind: literals(SCHOOL_HOLIDAY_KINDS),
  start: Day,
  end: Day,
  week: Type.Optional(Type.Integer({ minimum: 1, maximum: 53 })),
  label: Type.Optional(ShortText(100)),
});
const SchoolHolidayRules = Type.Object({
  winterWeek: Nullable(Type.Integer({ minimum: 1, maximum: 53 })),
  autumnWeek: Nullable(Type.Integer({ minimum: 1, maximum: 53 })),
  easter: Type.Boolean(),
  christmas: MonthDayRange,
  summer: MonthDayRange,
  extra: Type.Array(SchoolHolidayPeriod, { maxItems: 50 }),
});
const SchoolHolidays = Type.Object({ rules: SchoolHolidayRules, periods: Type.Array(SchoolHolidayPeriod) });

const Problem = Type.Object({ code: Type.String(), severity: Type.String(), params: Type.Unknown() });

const Slot = Type.Object({
  month: Type.Integer(),
  status: Type.String(),
  date: Type.Optional(Type.String()),
  startsAt: Type.Optional(Type.String()),
  endsAt: Type.Optional(Type.String()),
  eventId: Type.Optional(Type.String()),
  venueId: Type.Optional(Nullable(Type.String())),
  problems: Type.Array(Problem),
  alternatives: Type.Optional(Type.Array(Type.String())),
  reason: Type.Optional(Type.String()),
});

const ProgrammeItem = Type.Object({
  kind: Type.Union([Type.Literal('talk'), Type.Literal('leader'), Type.Literal('other')]),
  title: ShortText(200),
  minutes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 600 }))),
  speaker: Type.Optional(Nullable(ShortText(200))),
});
const Registration = Type.Union([Type.Literal('none'), Type.Literal('optional'), Type.Literal('required')]);

const EventInput = Type.Object({
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
  programme: Type.Optional(Type.Array(ProgrammeItem, { maxItems: 20 })),
  hostUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
  confirmDate: Type.Optional(Type.Boolean({ description: 'true: hold it on a public or school holiday' })),
});

const Event = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  endTime: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  venue: Nullable(Type.Object({ id: Type.String(), name: Type.String(), place: Nullable(Type.String()) })),
  capacity: Nullable(Type.Integer()),
  food: Type.Boolean(),
  registration: Type.String(),
  deadline: Nullable(Type.String()),
  programme: Type.Array(
    Type.Object({
      kind: Type.String(),
      title: Type.String(),
      minutes: Nullable(Type.Integer()),
      speaker: Nullable(Type.String()),
    }),
  ),
  hosts: Type.Array(Type.Object({ id: Type.String(), firstName: Type.String() })),
  status: Type.String(),
  problems: Type.Array(Problem),
  version: Type.Integer(),
  image: Nullable(Type.Object({ alt: Type.String(), updatedAt: Type.String() })),
});

const HouseholdKind = literals(HOUSEHOLD_KINDS);
const AudienceRule = Type.Object({
  maxTravel: Type.Integer({ minimum: 0, maximum: 1440 }),
  care: Type.Boolean(),
  oversight: Type.Boolean(),
  kinds: Type.Array(HouseholdKind, { maxItems: 4 }),
});
const Audience = Type.Object({
  rule: Type.Object({
    maxTravel: Type.Integer(),
    care: Type.Boolean(),
    oversight: Type.Boolean(),
    kinds: Type.Array(Type.String()),
  }),
  count: Type.Integer(),
  households: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      relation: Type.String(),
      travelMinutes: Nullable(Type.Integer()),
      languages: Type.Array(Type.String()),
      included: Type.Boolean(),
      source: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
});

const VenueParams = Type.Object({ venueId: Uuid });
const EventParams = Type.Object({ eventId: Uuid });
// The household is checked by the service (after the event), so another municipality's event
// answers 404 whatever the second id is.
const InviteeParams = Type.Object({ eventId: Uuid, householdId: ShortText(64) });

const manage = { permission: 'events:manage' as const };
const venue = { ...manage, tenantObject: 'venue' as const };
const event = { ...manage, tenantObject: 'event' as const };
const tags = ['cafe'];

export const cafeRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  // Venues ------------------------------------------------------------------------------------
  app.get(
    '/api/venues',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Venues of the municipality',
        querystring: Type.Object({
          archived: Type.Union([Type.Literal('false'), Type.Literal('true'), Type.Literal('all')], {
            default: 'false',
          }),
        }),
        response: withErrors({ 200: Type.Object({ venues: Type.Array(Venue) }) }),
      },
    },
    async (request) => listVenues(deps, tenantOf(request), request.query.archived),
  );

  app.post(
    '/api/venues',
    { config: manage, schema: { tags, body: VenueInput, response: withErrors({ 201: Venue }) } },
    async (request, reply) =>
      reply.status(201).send(await createVenue(deps, tenantOf(request), request.body)),
  );

  app.put(
    '/api/venues/:venueId',
    {
      config: venue,
      schema: {
        tags,
        summary: 'Replaces a venue; 409 cafe.conflict when `version` is not the stored one',
        params: VenueParams,
        body: Type.Intersect([VenueInput, Type.Object({ version: Version })]),
        response: withErrors({ 200: Venue }),
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return updateVenue(deps, tenantOf(request), request.params.venueId, input, version);
    },
  );

  app.post(
    '/api/venues/:venueId/archive',
    { config: venue, schema: { tags, params: VenueParams, response: withErrors({ 200: Venue }) } },
    async (request) => archiveVenue(deps, tenantOf(request), request.params.venueId),
  );

  // School holidays ---------------------------------------------------------------------------
  app.get(
    '/api/cafe/school-holidays',
    {
      config: manage,
      schema: {
        tags,
        summary: "The municipality's school-holiday rules and the periods of a year",
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: withErrors({ 200: SchoolHolidays }),
      },
    },
    async (request) =>
      getSchoolHolidays(deps, tenantOf(request), request.query.year ?? new Date().getUTCFullYear()),
  );

  app.put(
    '/api/cafe/school-holidays',
    {
      config: manage,
      schema: { tags, body: SchoolHolidayRules, response: withErrors({ 200: SchoolHolidays }) },
    },
    async (request) => saveSchoolHolidays(deps, tenantOf(request), request.body),
  );

  // Season plan -------------------------------------------------------------------------------
  app.get(
    '/api/cafe/season-plan',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Proposed café dates of a season, with the events already planned kept',
        querystring: Type.Object({
          season: Type.Union([Type.Literal('spring'), Type.Literal('autumn')]),
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
        }),
        response: withErrors({
          200: Type.Object({ season: Type.String(), year: Type.Integer(), slots: Type.Array(Slot) }),
        }),
      },
    },
    async (request) => seasonPlan(deps, tenantOf(request), request.query.season, request.query.year),
  );

  app.post(
    '/api/cafe/season-plan/accept',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Creates one café per date, all or nothing; a date with a planned café gives that one',
        body: Type.Object({
          dates: Type.Array(Type.Object({ date: Day, venueId: Type.Optional(Nullable(Uuid)) }), {
            minItems: 1,
            maxItems: 24,
          }),
        }),
        response: withErrors({ 201: Type.Object({ events: Type.Array(Event) }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await acceptSeason(deps, tenantOf(request), request.body.dates)),
  );

  app.get(
    '/api/cafe/hosts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Caseworkers and team leaders who may host an event',
        response: withErrors({
          200: Type.Object({
            hosts: Type.Array(
              Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String() }),
            ),
          }),
        }),
      },
    },
    async (request) => listHosts(deps, tenantOf(request)),
  );

  // Events ------------------------------------------------------------------------------------
  app.get(
    '/api/events',
    {
      config: manage,
      schema: {
        tags,
        querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }),
        response: withErrors({ 200: Type.Object({ events: Type.Array(Event) }) }),
      },
    },
    async (request) => listEvents(deps, tenantOf(request), request.query),
  );

  app.post(
    '/api/events',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Creates an event; sending the same id again returns the first (200) instead of a copy',
        body: EventInput,
        response: withErrors({ 200: Event, 201: Event }),
      },
    },
    async (request, reply) => {
      const { event: created, created: isNew } = await createEvent(deps, tenantOf(request), request.body);
      return reply.status(isNew ? 201 : 200).send(created);
    },
  );

  app.get(
    '/api/events/:eventId',
    { config: event, schema: { tags, params: EventParams, response: withErrors({ 200: Event }) } },
    async (request) => getEvent(deps, tenantOf(request), request.params.eventId),
  );

  app.put(
    '/api/events/:eventId',
    {
      config: event,
      schema: {
        tags,
        summary: 'Replaces an event; 409 cafe.conflict when `version` is not the stored one',
        params: EventParams,
        body: Type.Intersect([EventInput, Type.Object({ version: Version })]),
        response: withErrors({ 200: Event }),
      },
    },
    async (request) => {
      const { version, id: _id, ...input } = request.body;
      return updateEvent(deps, tenantOf(request), request.params.eventId, input, version);
    },
  );

  app.post(
    '/api/events/:eventId/cancel',
    { config: event, schema: { tags, params: EventParams, response: withErrors({ 200: Event }) } },
    async (request) => cancelEvent(deps, tenantOf(request), request.params.eventId),
  );

  // Audience ----------------------------------------------------------------------------------
  app.get(
    '/api/events/:eventId/audience',
    { config: event, schema: { tags, params: EventParams, response: withErrors({ 200: Audience }) } },
    async (request) => getAudience(deps, tenantOf(request), request.params.eventId),
  );

  app.get(
    '/api/events/:eventId/audience/preview',
    {
      config: event,
      schema: {
        tags,
        summary: 'The audience under a rule, without saving it (a live count as the rule changes)',
        params: EventParams,
        querystring: Type.Object({
          maxTravel: Type.Integer({ minimum: 0, maximum: 1440, default: 90 }),
          care: Type.Boolean({ default: true }),
          oversight: Type.Boolean({ default: true }),
          kind: Type.Optional(Type.Array(HouseholdKind, { maxItems: 4 })),
        }),
        response: withErrors({ 200: Audience }),
      },
    },
    async (request) => {
      const { maxTravel, care, oversight, kind } = request.query;
      return getAudience(deps, tenantOf(request), request.params.eventId, {
        maxTravel,
        care,
        oversight,
        kinds: kind ?? ['foster', 'emergency', 'family_home'],
      });
    },
  );

  app.put(
    '/api/events/:eventId/audience/rule',
    {
      config: event,
      schema: { tags, params: EventParams, body: AudienceRule, response: withErrors({ 200: Audience }) },
    },
    async (request) => saveAudienceRule(deps, tenantOf(request), request.params.eventId, request.body),
  );

  app.put(
    '/api/events/:eventId/audience/:householdId',
    {
      config: event,
      schema: {
        tags,
        summary: 'Adds (included: true) or removes (false) one household by hand',
        params: InviteeParams,
        body: Type.Object({ included: Type.Boolean() }),
        response: withErrors({ 200: Audience }),
      },
    },
    async (request) =>
      setInvitee(
        deps,
        tenantOf(request),
        request.params.eventId,
        request.params.householdId,
        request.body.included,
      ),
  );

  app.put(
    '/api/events/:eventId/audience/:householdId/note',
    {
      config: event,
      schema: {
        tags,
        summary: 'The personal one-line note for the household’s invitation (≤ 140 characters)',
        params: InviteeParams,
        body: Type.Object({ note: Nullable(ShortText(140)) }),
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await setInviteeNote(
        deps,
        tenantOf(request),
        request.params.eventId,
        request.params.householdId,
        request.body.note,
      );
      return reply.status(204).send(null);
    },
  );

  // The event's image: its own plugin, so its raw-body parsers do not reach the routes above.
  await app.register(eventImageRoutes, { deps });
};
