/**
 * The plan of an inter-municipal programme (seed 002): its five phases, the short checklist of
 * each as a member municipality's staff tick it, and its groups. The words are in the staff
 * catalogues (programmes.phases.*, programmes.items.*, programmes.groups.*).
 */
export const PHASES = [
  { phase: 1, items: ['project_group', 'mapped', 'evenings_planned'] },
  { phase: 2, items: ['start_package', 'evaluation_tool'] },
  { phase: 3, items: ['contact_persons_trained', 'pilot_held'] },
  { phase: 4, items: ['pilot_evaluated', 'adjusted'] },
  { phase: 5, items: ['implemented', 'in_routine'] },
] as const;
export const CHECK_ITEMS: readonly string[] = PHASES.flatMap((p) => p.items);

/** The programme's groups: the steering group, the working group, the adviser (RKBU). */
export const GROUPS = ['steering', 'working', 'adviser'] as const;
