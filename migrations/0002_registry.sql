-- The registry (SPEC section 1): households with their adults, children and placements, the
-- history of every change, the municipality's travel-time table, and Norway's postcodes.
-- Least data: a child is a first name and a birth date; nothing about the child's case.

CREATE TABLE household (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  kind text NOT NULL CHECK (kind IN ('foster', 'emergency', 'family_home', 'resource_family')),
  -- care: this municipality has care responsibility (omsorgskommune); oversight: only supervision
  relation text NOT NULL CHECK (relation IN ('care', 'oversight')),
  -- the case-management system's id for the household, the stable key for re-imports
  external_ref text,
  address_line text,
  postcode char(4) CHECK (postcode ~ '^[0-9]{4}$'),
  place text,
  travel_minutes int CHECK (travel_minutes BETWEEN 0 AND 1440),
  travel_source text CHECK (travel_source IN ('manual', 'postcode_table')),
  -- "Kari og Ola Nordmann": made from the adults by the service, for lists and sorting
  display_name text NOT NULL,
  -- every name, e-mail, phone, postcode and place of the household, lower case, for search
  search_text text NOT NULL DEFAULT '',
  version int NOT NULL DEFAULT 1,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, external_ref)
);
CREATE INDEX household_municipality ON household (municipality_id, archived_at);

CREATE TABLE adult (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  position int NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text,
  mobile text CHECK (mobile ~ '^\+[1-9][0-9]{6,14}$'),
  preferred_language text NOT NULL DEFAULT 'nb',
  preferred_channels text[] NOT NULL DEFAULT '{}'
    CHECK (preferred_channels <@ ARRAY['email', 'sms', 'letter', 'digital_mail']::text[])
);
CREATE INDEX adult_household ON adult (household_id);

CREATE TABLE child (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  first_name text NOT NULL,
  birth_date date NOT NULL
);
CREATE INDEX child_household ON child (household_id);

CREATE TABLE placement (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  child_id uuid NOT NULL REFERENCES child (id) ON DELETE CASCADE,
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  end_reason text CHECK (end_reason IN ('planned', 'unplanned')),
  -- the municipality with care responsibility, by name or number, when it is another one
  care_municipality text,
  CHECK (end_reason IS NULL OR end_date IS NOT NULL)
);
CREATE INDEX placement_household ON placement (household_id);

-- Who changed what in a household, field by field, before and after.
CREATE TABLE household_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX household_history_household ON household_history (household_id, at DESC);

-- The municipality's own table of travel times from its office, by postcode.
CREATE TABLE travel_time (
  municipality_id int NOT NULL REFERENCES municipality (id),
  postcode char(4) NOT NULL CHECK (postcode ~ '^[0-9]{4}$'),
  minutes int NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
  PRIMARY KEY (municipality_id, postcode)
);

-- Norway's postcodes, for the whole installation (not personal data): filled from the
-- norway-postal-codes package at start when empty; an admin may load Posten's newer register.
CREATE TABLE postcode (
  postcode char(4) PRIMARY KEY CHECK (postcode ~ '^[0-9]{4}$'),
  place text NOT NULL
);

ALTER TABLE household ENABLE ROW LEVEL SECURITY;
ALTER TABLE household FORCE ROW LEVEL SECURITY;
ALTER TABLE adult ENABLE ROW LEVEL SECURITY;
ALTER TABLE adult FORCE ROW LEVEL SECURITY;
ALTER TABLE child ENABLE ROW LEVEL SECURITY;
ALTER TABLE child FORCE ROW LEVEL SECURITY;
ALTER TABLE placement ENABLE ROW LEVEL SECURITY;
ALTER TABLE placement FORCE ROW LEVEL SECURITY;
ALTER TABLE household_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_history FORCE ROW LEVEL SECURITY;
ALTER TABLE travel_time ENABLE ROW LEVEL SECURITY;
ALTER TABLE travel_time FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON household TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON adult TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON child TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON placement TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON household_history TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON travel_time TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

GRANT SELECT, INSERT, UPDATE, DELETE ON household, adult, child, placement, travel_time TO landsby_app;
GRANT SELECT, INSERT ON household_history TO landsby_app;
GRANT SELECT ON postcode TO landsby_app, landsby_system;
GRANT INSERT, DELETE ON postcode TO landsby_system;
