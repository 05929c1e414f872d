-- The platform operator takes a municipality out of a programme, or a coordinator off it (npm run
-- programme -- remove-municipality / remove-coordinator, src/app/programme.ts), as landsby_system
-- as the rest of the set-up. A member's ticked checklist items go with its membership (ON DELETE
-- CASCADE, 0021); its cohorts stay its own and leave the programme's figures, which count members
-- only. The coordinator's account stays; it loses the role when it coordinates no programme.
GRANT DELETE ON programme_municipality, programme_coordinator TO landsby_system;
