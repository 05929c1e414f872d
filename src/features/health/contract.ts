import { type Static, Type } from '@sinclair/typebox';

/** 200: the database answers. `database` names its kind (pglite or postgres). */
export const Healthy = Type.Object({ status: Type.Literal('ok'), database: Type.String() });
export type Healthy = Static<typeof Healthy>;

/** 503: the database does not answer. */
export const Unavailable = Type.Object({ status: Type.Literal('unavailable'), database: Type.String() });
export type Unavailable = Static<typeof Unavailable>;
