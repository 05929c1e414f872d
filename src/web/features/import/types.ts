import type { ImportMapping } from '../../../domain/import-targets.js';

/** The import wizard's own shapes; the API's are in src/features/import/contract.ts. */

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
