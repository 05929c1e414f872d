-- Family homes (SPEC section 5, seed 004): a family home is a household of kind 'family_home' with
-- its foster parents (the registry's adults). Here: its youths (a first name, birth date, arrival
-- date and languages — nothing of their cases), the family counsellor who follows it, the team's
-- follow-up log, and the meetings the team joins (school, the responsibility group, leisure) with
-- who from the team takes part. Everything belongs to the household and goes when it is erased.
--
-- A family counsellor (a user whose roles hold 'family_counsellor' but neither 'caseworker' nor
-- 'team_leader') sees only the homes they follow: RESTRICTIVE policies below, on these tables and
-- on the registry rows a counsellor reads, keyed on app.user like app_network_user_network().

CREATE TABLE family_home_youth (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  first_name text NOT NULL CHECK (char_length(first_name) BETWEEN 1 AND 60),
  birth_date date NOT NULL,
  arrival_date date NOT NULL,
  -- the languages the youth speaks, as the team writes them ("dari", "tigrinja", "norsk")
  languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 6),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_home_youth_household ON family_home_youth (household_id);

-- The family counsellor who follows the home: one per home; one or two homes per counsellor, a
-- third only with a team leader's override (why, also in the audit log).
CREATE TABLE family_home_counsellor (
  household_id uuid PRIMARY KEY REFERENCES household (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  override_reason text CHECK (char_length(override_reason) <= 500),
  assigned_by uuid,
  assigned_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_home_counsellor_user ON family_home_counsellor (user_id);

-- The follow-up log: a home visit, a call or a meeting, with a short note only staff read.
CREATE TABLE family_home_follow_up (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('home_visit', 'call', 'meeting')),
  note text CHECK (char_length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_home_follow_up_household ON family_home_follow_up (household_id, date DESC);

-- A meeting the team joins to give the home practical support, with the staff who take part; each
-- participant gets one reminder e-mail the day before (reminded_at: sent, never twice).
CREATE TABLE family_home_meeting (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  date date NOT NULL,
  start_time time NOT NULL,
  kind text NOT NULL CHECK (kind IN ('school', 'responsibility_group', 'leisure', 'other')),
  place text NOT NULL CHECK (char_length(place) BETWEEN 1 AND 200),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_home_meeting_household ON family_home_meeting (household_id, date);
CREATE INDEX family_home_meeting_date ON family_home_meeting (municipality_id, date);

CREATE TABLE family_home_meeting_participant (
  meeting_id uuid NOT NULL REFERENCES family_home_meeting (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id),
  municipality_id int NOT NULL REFERENCES municipality (id),
  reminded_at timestamptz,
  PRIMARY KEY (meeting_id, user_id)
);

-- Is the current user a family counsellor only (not also a caseworker or team leader)? Then the
-- homes they follow; for everyone else NULL: no restriction beyond the municipality.
CREATE FUNCTION app_counsellor_homes() RETURNS uuid[]
  LANGUAGE sql STABLE
  AS $$
    SELECT CASE WHEN EXISTS (
        SELECT 1 FROM app_user u
        WHERE u.id = NULLIF(current_setting('app.user', true), '')::uuid
          AND 'family_counsellor' = ANY (u.roles)
          AND NOT (u.roles && ARRAY['caseworker', 'team_leader']))
      THEN ARRAY(SELECT c.household_id FROM family_home_counsellor c
                 WHERE c.user_id = NULLIF(current_setting('app.user', true), '')::uuid)
    END
  $$;

ALTER TABLE family_home_youth ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_home_youth FORCE ROW LEVEL SECURITY;
ALTER TABLE family_home_counsellor ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_home_counsellor FORCE ROW LEVEL SECURITY;
ALTER TABLE family_home_follow_up ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_home_follow_up FORCE ROW LEVEL SECURITY;
ALTER TABLE family_home_meeting ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_home_meeting FORCE ROW LEVEL SECURITY;
ALTER TABLE family_home_meeting_participant ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_home_meeting_participant FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON family_home_youth TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON family_home_counsellor TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON family_home_follow_up TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON family_home_meeting TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON family_home_meeting_participant TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

-- A family counsellor: the homes they follow and nothing else of the registry. The function is
-- called once per statement (a sub-select), not once per row. family_home_counsellor itself is
-- keyed on the user directly: the function reads it, so its policy must not call the function.
CREATE POLICY own_homes ON family_home_counsellor AS RESTRICTIVE TO landsby_app
  USING (NOT EXISTS (
      SELECT 1 FROM app_user u
      WHERE u.id = NULLIF(current_setting('app.user', true), '')::uuid
        AND 'family_counsellor' = ANY (u.roles)
        AND NOT (u.roles && ARRAY['caseworker', 'team_leader']))
    OR user_id = NULLIF(current_setting('app.user', true), '')::uuid);
CREATE POLICY own_homes ON family_home_youth AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR household_id IN (SELECT unnest(app_counsellor_homes())));
CREATE POLICY own_homes ON family_home_follow_up AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR household_id IN (SELECT unnest(app_counsellor_homes())));
CREATE POLICY own_homes ON family_home_meeting AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR household_id IN (SELECT unnest(app_counsellor_homes())));
CREATE POLICY own_homes ON family_home_meeting_participant AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR EXISTS (
    SELECT 1 FROM family_home_meeting m
    WHERE m.id = meeting_id AND m.household_id IN (SELECT unnest(app_counsellor_homes()))));
CREATE POLICY own_homes ON household AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR id IN (SELECT unnest(app_counsellor_homes())));
CREATE POLICY own_homes ON adult AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR household_id IN (SELECT unnest(app_counsellor_homes())));
CREATE POLICY own_homes ON child AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR household_id IN (SELECT unnest(app_counsellor_homes())));
CREATE POLICY own_homes ON placement AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR household_id IN (SELECT unnest(app_counsellor_homes())));
CREATE POLICY own_homes ON household_history AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR household_id IN (SELECT unnest(app_counsellor_homes())));
CREATE POLICY own_homes ON course_completion AS RESTRICTIVE TO landsby_app
  USING ((SELECT app_counsellor_homes()) IS NULL OR EXISTS (
    SELECT 1 FROM adult a
    WHERE a.id = course_completion.adult_id AND a.household_id IN (SELECT unnest(app_counsellor_homes()))));

GRANT SELECT, INSERT, UPDATE, DELETE ON family_home_youth, family_home_counsellor, family_home_follow_up,
  family_home_meeting, family_home_meeting_participant TO landsby_app;
