-- Retention of the programmes' personal data (issue 17.10, continued; src/domain/retention.ts,
-- docs/operations.md gives the reason for each default and bound). Five more periods per
-- municipality, the bounds checked here as well as in the service:
--   stopped_candidates  family-home candidates stopped, resource-family candidates declined: deleted
--   supervision_notes   the staff-only note of a supervision talk: removed (the talk and who took part stay)
--   follow_up_notes     the note of a family home's follow-up entry: removed (date and kind stay)
--   evaluation_answers  the evaluation answers of an En god start cohort that has finished: deleted
--   attendance          who was checked in at an event that has ended: deleted
ALTER TABLE retention_setting
  ADD COLUMN stopped_candidates_months int NOT NULL DEFAULT 12
    CHECK (stopped_candidates_months BETWEEN 3 AND 36),
  ADD COLUMN supervision_notes_months int NOT NULL DEFAULT 24
    CHECK (supervision_notes_months BETWEEN 6 AND 60),
  ADD COLUMN follow_up_notes_months int NOT NULL DEFAULT 24
    CHECK (follow_up_notes_months BETWEEN 6 AND 60),
  ADD COLUMN evaluation_answers_months int NOT NULL DEFAULT 36
    CHECK (evaluation_answers_months BETWEEN 12 AND 120),
  ADD COLUMN attendance_months int NOT NULL DEFAULT 60
    CHECK (attendance_months BETWEEN 24 AND 120);

-- The run removes a talk's note (the app role could only insert talks). The other tables it
-- touches already grant what it needs: DELETE on family_home_candidate, resource_family_candidate,
-- evaluation_answer and attendance, UPDATE on family_home_follow_up.
GRANT UPDATE (note) ON supervision_talk TO landsby_app;
