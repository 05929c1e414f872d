import type { ImportMapping } from '../../../domain/import-targets.js';

/** The import API's shapes come from its contract (src/features/import/contract.ts); the wizard's own below. */

export type {
  DryRun,
  ImportJob,
  ImportProgressLine as ProgressLine,
  ImportResult,
  SavedMapping,
} from '../../../features/import/contract.js';

import type { DryRun, ImportJob, SavedMapping } from '../../../features/import/contract.js';

/** One row of the dry run. */
export type DryRunRow = DryRun['rows'][number];

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
