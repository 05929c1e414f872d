-- Family homes (SPEC section 5, seed 004): the housing units the municipality arranges with its
-- housing coordinator, the recruiting of family-home parents, and the unit costs the council's
-- comparison is computed from.

-- A housing unit: while the coordinator is still searching it may have no address yet.
CREATE TABLE housing_unit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  address_line text CHECK (char_length(address_line) BETWEEN 1 AND 200),
  postcode char(4) CHECK (postcode ~ '^[0-9]{4}$'),
  place text,
  rooms smallint CHECK (rooms BETWEEN 1 AND 30),
  area_m2 int CHECK (area_m2 BETWEEN 1 AND 2000),
  -- who owns it, as the coordinator says it: the municipality, a private landlord, a foundation
  owner text CHECK (char_length(owner) <= 120),
  status text NOT NULL DEFAULT 'searching' CHECK (status IN ('searching', 'offered', 'approved',
    'furnished', 'occupied', 'ending', 'ended')),
  -- the day the unit reached its status
  status_on date NOT NULL,
  -- the family home (household of kind 'family_home') living there: only while occupied or ending
  household_id uuid REFERENCES household (id) ON DELETE SET NULL,
  version int NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (household_id IS NULL OR status IN ('occupied', 'ending')),
  CHECK (status = 'searching' OR address_line IS NOT NULL)
);
CREATE INDEX housing_unit_municipality ON housing_unit (municipality_id, status);
-- A family home lives in one unit at a time.
CREATE UNIQUE INDEX housing_unit_household ON housing_unit (household_id) WHERE household_id IS NOT NULL;

-- The history of a unit's status: append-only (the app role may only insert and read).
CREATE TABLE housing_unit_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  housing_unit_id uuid NOT NULL REFERENCES housing_unit (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  changed_on date NOT NULL,
  household_id uuid REFERENCES household (id) ON DELETE SET NULL,
  changed_by uuid,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX housing_unit_change_unit ON housing_unit_change (housing_unit_id, changed_at);

-- A candidate family-home parent. Least data: a name, how to reach them, the languages they speak
-- (no ethnicity), where they are in the pipeline with the date of each step, staff-only notes.
CREATE TABLE family_home_candidate (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  phone text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  email text CHECK (char_length(email) <= 254),
  languages text[] NOT NULL DEFAULT '{}',
  stage text NOT NULL DEFAULT 'first_contact' CHECK (stage IN ('first_contact', 'assessment',
    'training', 'approved', 'stopped')),
  first_contact_on date NOT NULL,
  assessment_on date,
  training_on date,
  approved_on date,
  stopped_on date,
  stop_reason text CHECK (char_length(stop_reason) <= 500),
  notes text CHECK (char_length(notes) <= 1000),
  version int NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (stage <> 'stopped' OR (stopped_on IS NOT NULL AND stop_reason IS NOT NULL))
);
CREATE INDEX family_home_candidate_municipality ON family_home_candidate (municipality_id, stage);

-- The unit costs of a year, in NOK per year, as the municipality configures them; `example` marks
-- figures that are examples (the demo's), not the municipality's own.
CREATE TABLE family_home_cost (
  municipality_id int NOT NULL REFERENCES municipality (id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  family_home_nok int NOT NULL CHECK (family_home_nok BETWEEN 0 AND 100000000),
  counsellor_share_nok int NOT NULL CHECK (counsellor_share_nok BETWEEN 0 AND 100000000),
  youths_per_home numeric(3, 1) NOT NULL CHECK (youths_per_home BETWEEN 1 AND 6),
  group_home_place_nok int NOT NULL CHECK (group_home_place_nok BETWEEN 0 AND 100000000),
  institution_place_nok int NOT NULL CHECK (institution_place_nok BETWEEN 0 AND 100000000),
  example boolean NOT NULL DEFAULT false,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, year)
);

ALTER TABLE housing_unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE housing_unit FORCE ROW LEVEL SECURITY;
ALTER TABLE housing_unit_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE housing_unit_change FORCE ROW LEVEL SECURITY;
ALTER TABLE family_home_candidate ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_home_candidate FORCE ROW LEVEL SECURITY;
ALTER TABLE family_home_cost ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_home_cost FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON housing_unit TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON housing_unit_change TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON family_home_candidate TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON family_home_cost TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE ON housing_unit TO landsby_app;
GRANT SELECT, INSERT ON housing_unit_change TO landsby_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON family_home_candidate TO landsby_app;
GRANT SELECT, INSERT, UPDATE ON family_home_cost TO landsby_app;
