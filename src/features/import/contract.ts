import { type Static, Type } from '@sinclair/typebox';
import { HOUSEHOLD_KINDS, RELATIONS } from '../../domain/household.js';
import {
  IMPORT_KEYS,
  IMPORT_RULES,
  IMPORT_WARNINGS,
  ROW_STATUSES,
  TARGETS,
} from '../../domain/import-targets.js';
import { literals, Nullable, Uuid } from '../../server/schemas.js';

/** A file may have at most this many columns (400 import.unreadable too_many_columns). */
export const MAX_COLUMNS = 200;

const Target = literals(TARGETS);

/** Which column fills which field, how a row finds its household, and the kind and relation when none is given. */
export const Mapping = Type.Object({
  columns: Type.Array(Type.Union([Target, Type.Null()]), { maxItems: MAX_COLUMNS }),
  key: literals(IMPORT_KEYS),
  defaults: Type.Object({ kind: literals(HOUSEHOLD_KINDS), relation: literals(RELATIONS) }),
});
export type Mapping = Static<typeof Mapping>;

/** Something imported but worth a second look, told as the column of the file it came from. */
export const RowWarning = Type.Object({
  field: Type.String(),
  column: Nullable(Type.String()),
  rule: literals(IMPORT_WARNINGS),
});

/** What an import did, by household. */
export const ImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  /** The imported rows with warnings, by row of the file (absent in results of older imports). */
  warnings: Type.Optional(Type.Array(Type.Object({ row: Type.Integer(), warnings: Type.Array(RowWarning) }))),
  /** The import had been applied before (a second click, a reload): nothing was written again. */
  repeated: Type.Optional(Type.Boolean()),
});
export type ImportResult = Static<typeof ImportResult>;

/** One line of the apply answer (application/x-ndjson), as the wizard reads it. */
export type ImportProgressLine =
  | { type: 'start'; total: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; code: string; message: string; row: number | null };

/** An uploaded file waiting to be imported: its headers, a few sample rows and the suggested mapping. */
export const ImportJob = Type.Object({
  id: Type.String(),
  status: Type.String(),
  fileName: Nullable(Type.String()),
  format: Type.String(),
  encoding: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  headers: Type.Array(Type.String()),
  rowCount: Type.Integer(),
  sample: Type.Array(Type.Array(Type.String())),
  suggested: Type.Array(Nullable(Target)),
  mapping: Type.Union([Mapping, Type.Null()]),
  result: Type.Union([ImportResult, Type.Null()]),
  createdAt: Type.String(),
  expiresAt: Type.String(),
});
export type ImportJob = Static<typeof ImportJob>;

/** A problem with one field of a row, told as the column of the file it came from. */
export const RowProblem = Type.Object({
  field: Type.String(),
  column: Nullable(Type.String()),
  rule: literals(IMPORT_RULES),
  rows: Type.Optional(Type.Array(Type.Integer())),
  differs: Type.Optional(Type.Array(Type.String())),
});

/** What the import would do with each row, and how many rows of each kind. */
export const DryRun = Type.Object({
  summary: Type.Object({
    create: Type.Integer(),
    update: Type.Integer(),
    unchanged: Type.Integer(),
    repeat: Type.Integer(),
    rejected: Type.Integer(),
  }),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      key: Type.String(),
      name: Type.String(),
      status: literals(ROW_STATUSES),
      changes: Type.Array(
        Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() }),
      ),
      problems: Type.Array(RowProblem),
      warnings: Type.Array(RowWarning),
      /** For 'repeat': the earlier row of the file this row copies. */
      repeatOf: Nullable(Type.Integer()),
    }),
  ),
});
export type DryRun = Static<typeof DryRun>;

/** A column mapping saved by name, by the headers it maps, to be used with the next export of the same kind. */
export const SavedMapping = Type.Object({
  id: Type.String(),
  name: Type.String(),
  columns: Type.Array(Type.Object({ header: Type.String(), target: Target })),
  key: literals(IMPORT_KEYS),
  defaults: Type.Object({ kind: literals(HOUSEHOLD_KINDS), relation: literals(RELATIONS) }),
  updatedAt: Type.String(),
});
export type SavedMapping = Static<typeof SavedMapping>;

export const SavedMappingList = Type.Object({ mappings: Type.Array(SavedMapping) });
export type SavedMappingList = Static<typeof SavedMappingList>;

export const SaveMappingBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  columns: Type.Array(Type.Object({ header: Type.String({ maxLength: 2000 }), target: Target }), {
    maxItems: MAX_COLUMNS,
  }),
  key: literals(IMPORT_KEYS),
  defaults: Type.Object({ kind: literals(HOUSEHOLD_KINDS), relation: literals(RELATIONS) }),
});
export type SaveMappingBody = Static<typeof SaveMappingBody>;

export const UploadQuery = Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 255 })) });
export const ImportParams = Type.Object({ importId: Uuid });
export const MappingParams = Type.Object({ mappingId: Uuid });

export const DryRunBody = Type.Object({ mapping: Mapping });
export type DryRunBody = Static<typeof DryRunBody>;

export const ApplyBody = Type.Object({ mapping: Mapping, skipRejected: Type.Boolean({ default: false }) });
export type ApplyBody = Static<typeof ApplyBody>;
