import { type Static, Type } from '@sinclair/typebox';
import { SUPERVISION_MAX_DAYS, SUPERVISION_NOTE_MAX } from '../../domain/supervision.js';
import { Day, Int, Nullable, Text, Uuid } from '../../server/schemas.js';

// Supervision talks between a network's caseworkers and its resource family (SPEC section 3,
// docs/supervision-api.md). Dates are Oslo calendar days (YYYY-MM-DD). Staff only: the note is
// never shown to the resource family.

const ShownDay = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });

export const SupervisionParams = Type.Object({ networkId: Uuid });
export type SupervisionParams = Static<typeof SupervisionParams>;

const Person = Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String() });

export const Participant = Type.Object({
  kind: Type.Union([Type.Literal('caseworker'), Type.Literal('adult')]),
  id: Type.String(),
  name: Type.String(),
});
export type Participant = Static<typeof Participant>;

export const TalkView = Type.Object({
  id: Type.String(),
  heldOn: ShownDay,
  participants: Type.Array(Participant),
  /** staff-only */
  note: Nullable(Type.String()),
});
export type TalkView = Static<typeof TalkView>;

/** When the next talk is due, for the network page and the start page. */
export const SupervisionDue = Type.Object({
  intervalDays: Type.Integer(),
  startedOn: ShownDay,
  lastTalkOn: Nullable(ShownDay),
  nextDueOn: ShownDay,
  /** days past nextDueOn; 0 = not overdue */
  daysOverdue: Type.Integer(),
});
export type SupervisionDue = Static<typeof SupervisionDue>;

export const SupervisionView = Type.Object({
  networkId: Type.String(),
  due: SupervisionDue,
  /** who can take part: the network's caseworkers and the resource family's adults */
  caseworkers: Type.Array(Person),
  adults: Type.Array(Person),
  /** newest first, at most 50 */
  talks: Type.Array(TalkView),
});
export type SupervisionView = Static<typeof SupervisionView>;

export const TalkInput = Type.Object({
  /** made by the browser: the same form sent twice logs one talk */
  id: Uuid,
  heldOn: Day,
  caseworkerIds: Type.Array(Uuid, { maxItems: 10 }),
  adultIds: Type.Array(Uuid, { maxItems: 10 }),
  note: Type.Optional(Nullable(Text(SUPERVISION_NOTE_MAX))),
});
export type TalkInput = Static<typeof TalkInput>;

export const IntervalInput = Type.Object({
  days: Int({ minimum: 1, maximum: SUPERVISION_MAX_DAYS }),
});
export type IntervalInput = Static<typeof IntervalInput>;

/** The networks the user supervises, with the next talk due (the start page). */
export const SupervisedNetwork = Type.Object({
  networkId: Type.String(),
  name: Type.String(),
  due: SupervisionDue,
});
export const SupervisedList = Type.Object({ networks: Type.Array(SupervisedNetwork) });
export type SupervisedList = Static<typeof SupervisedList>;
