import { type Static, Type } from '@sinclair/typebox';
import { GROUPS } from '../../domain/programme.js';
import { Int, literals, Nullable, Text, Uuid } from '../../server/schemas.js';

export const ProgrammeParams = Type.Object({ programmeId: Uuid });
export type ProgrammeParams = Static<typeof ProgrammeParams>;
export const CheckParams = Type.Object({ programmeId: Uuid, item: Text(64) });
export const PersonParams = Type.Object({ programmeId: Uuid, personId: Text(64) });

/** How the caller sees a programme: as its coordinator, or as staff of a member municipality. */
export const Access = literals(['coordinator', 'member'] as const);

export const ProgrammeList = Type.Object({
  programmes: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), access: Access })),
});
export type ProgrammeList = Static<typeof ProgrammeList>;

export const Person = Type.Object({
  id: Type.String(),
  name: Type.String(),
  organisation: Type.String(),
  role: Type.String(),
  email: Nullable(Type.String()),
  groups: Type.Array(literals(GROUPS)),
  representsMunicipality: Nullable(Type.Integer()),
});
export type Person = Static<typeof Person>;

export const NewPerson = Type.Object(
  {
    name: Text(120, { minLength: 1 }),
    organisation: Text(120, { minLength: 1 }),
    role: Text(120, { minLength: 1 }),
    email: Type.Optional(Nullable(Text(254))),
    groups: Type.Array(literals(GROUPS), { minItems: 1, maxItems: 3, uniqueItems: true }),
    representsMunicipality: Type.Optional(Nullable(Int({ minimum: 1 }))),
  },
  { additionalProperties: false },
);
export type NewPerson = Static<typeof NewPerson>;

/** GET /api/programmes/:programmeId: the plan, the members' phases and checklists, the groups. */
export const Plan = Type.Object({
  id: Type.String(),
  name: Type.String(),
  access: Access,
  /** the caller's own municipality when it is a member (it may set its phase and tick items) */
  ownMunicipality: Nullable(Type.Integer()),
  members: Type.Array(
    Type.Object({
      municipalityId: Type.Integer(),
      name: Type.String(),
      phase: Type.Integer(),
      joinedOn: Type.String(),
      done: Type.Array(Type.String()),
    }),
  ),
  people: Type.Array(Person),
});
export type Plan = Static<typeof Plan>;

export const SetPhase = Type.Object(
  { phase: Int({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);
export const SetCheck = Type.Object({ done: Type.Boolean() }, { additionalProperties: false });

export const Count = Type.Union(
  [Type.Integer(), Type.Object({ under: Type.Integer() }), Type.Object({ hidden: Type.Literal(true) })],
  {
    description:
      'A count; { under: 5 } when small; { hidden: true } when hidden so a small one cannot be worked out',
  },
);
export type Count = Static<typeof Count>;
export const Rate = Type.Object({
  moves: Count,
  placementYears: Count,
  per100: Nullable(Type.Number()),
  low: Nullable(Type.Number()),
  high: Nullable(Type.Number()),
});
export type Rate = Static<typeof Rate>;

/** GET /api/programmes/:programmeId/stability */
export const Stability = Type.Object({
  /** programme: pooled over every member (the coordinator); municipality: the caller's own */
  scope: literals(['programme', 'municipality'] as const),
  hidden: Type.Boolean(),
  years: Type.Array(Type.Integer()),
  municipalities: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  cells: Type.Array(Type.Array(Rate)),
  byMunicipality: Type.Array(Rate),
  byYear: Type.Array(Rate),
  total: Rate,
  participation: Type.Array(
    Type.Object({
      kind: literals(['good_start', 'network', 'cafe'] as const),
      tookPart: Rate,
      didNot: Rate,
      unknown: Rate,
      verdict: literals(['too_thin', 'fewer', 'more'] as const),
    }),
  ),
});
export type Stability = Static<typeof Stability>;

/** The figures of the stability page; each names its download (`…/stability/<id>.xlsx|.csv`). */
export const STABILITY_FIGURES = ['by-year', 'by-municipality', 'took-part'] as const;
export type StabilityFigureId = (typeof STABILITY_FIGURES)[number];

/** GET /api/programmes/:programmeId/cohorts: En god start's cohorts, attendance per session as counts. */
export const Cohorts = Type.Object({
  cohorts: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      startsOn: Type.String(),
      municipalityId: Type.Integer(),
      municipality: Type.String(),
      /** households in the cohort */
      members: Count,
      sessions: Type.Array(
        Type.Object({
          theme: Type.Integer({ minimum: 1, maximum: 6 }),
          date: Type.String(),
          invited: Count,
          attended: Count,
        }),
      ),
    }),
  ),
});
export type Cohorts = Static<typeof Cohorts>;
