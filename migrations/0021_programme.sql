-- Inter-municipal programmes (SPEC section 4, seed 002): a programme spans several
-- municipalities (6–10 in Rogaland with Bufetat and RKBU). The programme and its plan are not
-- one municipality's: they hold no personal data of a household. A municipality's rows about
-- its part (its phase, its checklist) carry its municipality_id and are its tenant rows.

CREATE TABLE programme (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The member municipalities and the phase each is in (1 set up and map … 5 implement).
CREATE TABLE programme_municipality (
  programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  phase smallint NOT NULL DEFAULT 1 CHECK (phase BETWEEN 1 AND 5),
  joined_on date NOT NULL DEFAULT CURRENT_DATE,
  PRIMARY KEY (programme_id, municipality_id)
);
CREATE INDEX programme_municipality_municipality ON programme_municipality (municipality_id);

ALTER TABLE programme_municipality ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_municipality FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON programme_municipality TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT ON programme TO landsby_app;
GRANT SELECT, UPDATE (phase) ON programme_municipality TO landsby_app;

-- The people of the programme's groups: the steering group (child welfare leaders, the project
-- lead, Bufetat), the working group (the project lead, a contact person per municipality,
-- Bufetat) and the adviser (RKBU). Professional contacts, not households; a person may sit in
-- more than one group (the project lead). `represents_municipality`: the member municipality a
-- contact person or leader speaks for, if any.
CREATE TABLE programme_person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  organisation text NOT NULL CHECK (char_length(organisation) BETWEEN 1 AND 120),
  -- the role in the programme in the programme's own words ("Prosjektleder", "Barnevernleder")
  role text NOT NULL CHECK (char_length(role) BETWEEN 1 AND 120),
  email text CHECK (char_length(email) <= 254),
  groups text[] NOT NULL CHECK (cardinality(groups) >= 1
    AND groups <@ ARRAY['steering', 'working', 'adviser']::text[]),
  represents_municipality int REFERENCES municipality (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_person_programme ON programme_person (programme_id);

-- The programme's coordinators (the project lead): users who belong to the programme, not to a
-- municipality. app_user.municipality_id is their home for login and the audit log only; what
-- they read of the programme goes through the functions below, never through that municipality.
CREATE TABLE programme_coordinator (
  programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  PRIMARY KEY (programme_id, user_id)
);
CREATE INDEX programme_coordinator_user ON programme_coordinator (user_id);

-- A member municipality's ticked items of its phase checklists (the items are fixed in
-- src/features/programmes/contract.ts): ticked by the municipality's own staff.
CREATE TABLE programme_check (
  programme_id uuid NOT NULL,
  municipality_id int NOT NULL REFERENCES municipality (id),
  item text NOT NULL CHECK (item ~ '^[a-z_]{1,40}$'),
  done_at timestamptz NOT NULL DEFAULT now(),
  done_by uuid,
  PRIMARY KEY (programme_id, municipality_id, item),
  FOREIGN KEY (programme_id, municipality_id)
    REFERENCES programme_municipality (programme_id, municipality_id) ON DELETE CASCADE
);

ALTER TABLE programme_check ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_check FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON programme_check TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, DELETE ON programme_check TO landsby_app;

-- Reading across the member municipalities: landsby_programme_figures owns the SECURITY DEFINER
-- functions below and may read only the columns they need. A dedicated role, as
-- landsby_network_share in 0013: FORCE ROW LEVEL SECURITY binds the tables' owner to the tenant
-- policies too, so a function owned by it would see one municipality (or none). The checks of
-- who may see what are in the functions; they return the plan and aggregates, never a household.
DO $$
BEGIN
  CREATE ROLE landsby_programme_figures NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
GRANT landsby_programme_figures TO CURRENT_USER;
GRANT USAGE, CREATE ON SCHEMA public TO landsby_programme_figures;
GRANT SELECT (id, name) ON programme TO landsby_programme_figures;
GRANT SELECT (programme_id, municipality_id, phase, joined_on) ON programme_municipality
  TO landsby_programme_figures;
GRANT SELECT (programme_id, municipality_id, item) ON programme_check TO landsby_programme_figures;
GRANT SELECT (programme_id, user_id) ON programme_coordinator TO landsby_programme_figures;
GRANT SELECT (id, roles, active) ON app_user TO landsby_programme_figures;
GRANT SELECT (id, name) ON municipality TO landsby_programme_figures;
CREATE POLICY programme_figures ON programme_municipality TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON programme_check TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON app_user TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON municipality TO landsby_programme_figures USING (true);

-- What the caller may see of a programme: 'coordinator' (an active user with the role
-- programme_coordinator who belongs to it), 'member' (staff of a member municipality), or NULL.
CREATE FUNCTION programme_access(p_programme uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT CASE
      WHEN EXISTS (
        SELECT 1 FROM programme_coordinator c JOIN app_user u ON u.id = c.user_id
        WHERE c.programme_id = p_programme
          AND c.user_id = NULLIF(current_setting('app.user', true), '')::uuid
          AND u.active AND 'programme_coordinator' = ANY (u.roles))
        THEN 'coordinator'
      WHEN EXISTS (
        SELECT 1 FROM programme_municipality m
        WHERE m.programme_id = p_programme
          AND m.municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
        THEN 'member'
    END
  $$;

-- The programmes the caller may see, with how.
CREATE FUNCTION programmes_of_caller() RETURNS TABLE (id uuid, name text, access text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT p.id, p.name, programme_access(p.id) FROM programme p
    WHERE programme_access(p.id) IS NOT NULL ORDER BY p.name
  $$;

-- The plan of a programme: each member municipality with its phase and ticked items. No
-- personal data; rows only for a caller who may see the programme.
CREATE FUNCTION programme_plan(p_programme uuid)
  RETURNS TABLE (municipality_id int, municipality_name text, phase smallint, joined_on date, done text[])
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT pm.municipality_id, mu.name, pm.phase, pm.joined_on,
      COALESCE((SELECT array_agg(c.item ORDER BY c.item) FROM programme_check c
                WHERE c.programme_id = pm.programme_id AND c.municipality_id = pm.municipality_id),
               '{}')
    FROM programme_municipality pm JOIN municipality mu ON mu.id = pm.municipality_id
    WHERE pm.programme_id = p_programme AND programme_access(p_programme) IS NOT NULL
    ORDER BY mu.name
  $$;

ALTER FUNCTION programme_access(uuid) OWNER TO landsby_programme_figures;
ALTER FUNCTION programmes_of_caller() OWNER TO landsby_programme_figures;
ALTER FUNCTION programme_plan(uuid) OWNER TO landsby_programme_figures;
REVOKE ALL ON FUNCTION programme_access(uuid), programmes_of_caller(), programme_plan(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION programme_access(uuid), programmes_of_caller(), programme_plan(uuid)
  TO landsby_app, landsby_programme_figures;

-- The people of a programme: seen by whoever may see the programme, kept by its coordinators.
ALTER TABLE programme_person ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_person FORCE ROW LEVEL SECURITY;
CREATE POLICY programme ON programme_person TO landsby_app
  USING (programme_access(programme_id) IS NOT NULL)
  WITH CHECK (programme_access(programme_id) = 'coordinator');
CREATE POLICY coordinator_removes ON programme_person AS RESTRICTIVE FOR DELETE TO landsby_app
  USING (programme_access(programme_id) = 'coordinator');
GRANT SELECT, INSERT, DELETE ON programme_person TO landsby_app;
-- A user sees the programmes they coordinate.
ALTER TABLE programme_coordinator ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_coordinator FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON programme_coordinator TO landsby_app
  USING (user_id = NULLIF(current_setting('app.user', true), '')::uuid);
CREATE POLICY programme_figures ON programme_coordinator TO landsby_programme_figures USING (true);
GRANT SELECT ON programme_coordinator TO landsby_app;

-- Setting up a programme (npm scripts, the demo) happens before any tenant is known: as landsby_system.
GRANT SELECT (id, name), INSERT ON programme TO landsby_system;
GRANT SELECT (id) ON programme_person TO landsby_system;
GRANT INSERT ON programme_municipality, programme_coordinator, programme_person, programme_check
  TO landsby_system;
-- npm run programme -- add-municipality / add-coordinator / list: who is a member and a coordinator.
GRANT SELECT (programme_id, municipality_id, phase) ON programme_municipality TO landsby_system;
GRANT SELECT ON programme_coordinator TO landsby_system;
CREATE POLICY system ON programme_municipality TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON programme_coordinator TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON programme_person TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON programme_check TO landsby_system USING (true) WITH CHECK (true);
