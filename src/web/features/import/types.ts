import type { ImportMapping, RowProblem, RowStatus, SavedColumns } from '../../../domain/import-targets.js';

/** The shapes of the import API's answers (see src/features/import/routes.ts). */

export type { ImportJob } from '../../../features/import/contract.js';

import type { ImportJob } from '../../../features/import/contract.js';

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  repeated?: boolean;
}

export interface DryRunRow {
  row: number;
  key: string;
  name: string;
  status: RowStatus;
  changes: { field: string; before: unknown; after: unknown }[];
  problems: RowProblem[];
}

export interface DryRun {
  summary: Record<RowStatus, number>;
  rows: DryRunRow[];
}

export interface SavedMapping extends SavedColumns {
  id: string;
  name: string;
  updatedAt: string;
}

/** One line of the import's NDJSON answer. */
export type ProgressLine =
  | { type: 'start'; total: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; code: string; message: string; row: number | null };

/** What the mapping step shows and changes: the wizard holds the state. */
export interface MappingStepProps {
  job: ImportJob;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  saved: SavedMapping[];
  onSavedChange: (saved: SavedMapping[]) => void;
  busy: boolean;
  error: unknown;
  onCheck: () => void;
  onCancel: () => void;
}
