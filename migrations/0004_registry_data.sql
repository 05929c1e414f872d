-- Erasure of a household that has left (GDPR art. 17), keeping only what the statistics need.
--
-- Erasing removes the household row and, through ON DELETE CASCADE, its adults, children,
-- placements and history: names, contact data, address, the case system's reference, birth
-- dates and every before/after value of the history go. Two tables keep the rest, with no
-- personal data in them:
--   household_erasure  that (and when, and by whom) a household was erased, its kind and
--                      relation: the record of the erasure, and what a second request finds
--   erased_placement   each of its placements as a fact for the stability statistics (SPEC:
--                      "Figures people look at: … stability"; "unplanned move" is the key outcome):
--                      dates, end reason, the care municipality, and the child's birth year only
-- The audit log (append-only) keeps who read and changed the household, by id, without values.
-- Statistics over placements read `placement` and `erased_placement` together.

CREATE TABLE household_erasure (
  -- the erased household's id: no foreign key, its row is gone
  household_id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  kind text NOT NULL CHECK (kind IN ('foster', 'emergency', 'family_home', 'resource_family')),
  relation text NOT NULL CHECK (relation IN ('care', 'oversight')),
  created_at timestamptz NOT NULL,
  archived_at timestamptz,
  erased_at timestamptz NOT NULL DEFAULT now(),
  -- the team leader who erased it (an app_user id)
  erased_by uuid,
  -- counts only: { adults, children, placements, historyEntries }
  removed jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX household_erasure_municipality ON household_erasure (municipality_id, erased_at DESC);

CREATE TABLE erased_placement (
  -- the placement's id, kept
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household_erasure (household_id),
  -- the child's former id: keeps a child's placements together (moves per child) and nothing else
  child_key uuid NOT NULL,
  child_birth_year int,
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  end_reason text CHECK (end_reason IN ('planned', 'unplanned')),
  care_municipality text
);
CREATE INDEX erased_placement_municipality ON erased_placement (municipality_id, start_date);

ALTER TABLE household_erasure ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_erasure FORCE ROW LEVEL SECURITY;
ALTER TABLE erased_placement ENABLE ROW LEVEL SECURITY;
ALTER TABLE erased_placement FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON household_erasure TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON erased_placement TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

-- Written once, never changed: what was erased stays erased, and the record of it stays.
GRANT SELECT, INSERT ON household_erasure, erased_placement TO landsby_app;
