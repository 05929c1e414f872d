import { type Static, Type } from '@sinclair/typebox';
import { Day } from '../../server/schemas.js';

/** The largest page of the audit log's search. */
export const AUDIT_PAGE_MAX = 200;
/** A CSV export holds at most this many rows; the admin narrows the search for more. */
export const AUDIT_EXPORT_MAX = 50_000;

/** The search: `subject` is a person's id or part of a user's name; days are whole days in Europe/Oslo, `to` inclusive. */
export const AuditFilter = Type.Object({
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  actor: Type.Optional(Type.String({ format: 'uuid' })),
  record: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
});
export type AuditFilter = Static<typeof AuditFilter>;

export const AuditQuery = Type.Composite([
  AuditFilter,
  Type.Object({
    limit: Type.Integer({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  }),
]);
export type AuditQuery = Static<typeof AuditQuery>;

/** One entry of the audit log: who did what to which record, about whom, from where. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  recordType: Type.String(),
  recordId: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  subjectName: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({ total: Type.Integer(), entries: Type.Array(AuditEntry) });
export type AuditPage = Static<typeof AuditPage>;

/** How many refused attempts the admin's page lists (the newest). */
export const SECURITY_EVENTS_MAX = 100;

/**
 * A refused attempt on an object that is not in the user's municipality (a route naming an event,
 * a household, … answered 404): who tried, on which route, when and what kind of object. Never
 * the object's id, nor anything about the other municipality.
 */
export const SecurityEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  method: Type.String(),
  route: Type.String({ description: 'The route pattern, e.g. /api/events/:eventId' }),
  targetType: Type.String({ description: 'The kind of object the route names: event, household, …' }),
});
export type SecurityEvent = Static<typeof SecurityEvent>;

export const SecurityEvents = Type.Object({ events: Type.Array(SecurityEvent) });
export type SecurityEvents = Static<typeof SecurityEvents>;
