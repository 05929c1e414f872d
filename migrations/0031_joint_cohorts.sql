-- A joint En god start cohort (issue 14 point 3: «households of one or several municipalities"),
-- modelled on the joint resource-family networks of 0013. The host municipality owns the cohort
-- and its six sessions; it adds a partner municipality (a fellow member of the cohort's programme),
-- which then adds its own new foster homes.
--
-- Data minimisation: a partner's households stay in the partner's tenant. The partner gets its own
-- six session events (cohort_session rows with its municipality_id, same themes, dates and times)
-- and invites its households through its own sending, so their contact details, channel choice
-- and messages never reach the host. The host's contact person takes attendance of everyone: of a
-- partner's households it sees the adults' first names and the municipality only, through the
-- SECURITY DEFINER functions below (owned by landsby_cohort_share, a role that may read only the
-- columns they need). Each municipality sees the other's attendance as counts per session.

-- The partner municipalities of a cohort (the host is cohort.municipality_id).
CREATE TABLE cohort_partner (
  cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  host_municipality_id int NOT NULL REFERENCES municipality (id),
  added_by uuid,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cohort_id, municipality_id),
  CHECK (municipality_id <> host_municipality_id)
);
CREATE INDEX cohort_partner_municipality ON cohort_partner (municipality_id);

ALTER TABLE cohort_partner ENABLE ROW LEVEL SECURITY;
ALTER TABLE cohort_partner FORCE ROW LEVEL SECURITY;
-- The host adds the partner's row; each sees its own and the host all.
CREATE POLICY tenant ON cohort_partner TO landsby_app
  USING (app_municipality() IN (municipality_id, host_municipality_id))
  WITH CHECK (host_municipality_id = app_municipality());
GRANT SELECT, INSERT ON cohort_partner TO landsby_app;

-- A cohort is seen by its partners too (its name, start and programme); the host writes it.
DROP POLICY tenant ON cohort;
CREATE POLICY tenant ON cohort TO landsby_app
  USING (municipality_id = app_municipality() OR EXISTS (
    SELECT 1 FROM cohort_partner cm
    WHERE cm.cohort_id = cohort.id AND cm.municipality_id = app_municipality()))
  WITH CHECK (municipality_id = app_municipality());

-- Each municipality of a cohort has its own six session events: one theme per municipality.
ALTER TABLE cohort_session DROP CONSTRAINT cohort_session_cohort_id_theme_key;
ALTER TABLE cohort_session ADD CONSTRAINT cohort_session_theme UNIQUE (cohort_id, municipality_id, theme);

DO $$
BEGIN
  CREATE ROLE landsby_cohort_share NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
GRANT landsby_cohort_share TO CURRENT_USER;
GRANT USAGE, CREATE ON SCHEMA public TO landsby_cohort_share;
GRANT SELECT (id, municipality_id) ON cohort TO landsby_cohort_share;
GRANT SELECT (cohort_id, municipality_id) ON cohort_partner TO landsby_cohort_share;
GRANT SELECT (cohort_id, household_id, municipality_id) ON cohort_member TO landsby_cohort_share;
GRANT SELECT (event_id, cohort_id, municipality_id, theme) ON cohort_session TO landsby_cohort_share;
GRANT SELECT (id, date, start_time, end_time, starts_at, status) ON event TO landsby_cohort_share;
GRANT SELECT (household_id, position, first_name) ON adult TO landsby_cohort_share;
GRANT SELECT (id, name) ON municipality TO landsby_cohort_share;
GRANT SELECT (event_id, household_id, present, last_tap, tapped_at, checked_by) ON attendance TO landsby_cohort_share;
GRANT INSERT, UPDATE ON attendance TO landsby_cohort_share;
GRANT INSERT ON audit_log TO landsby_cohort_share;
CREATE POLICY cohort_share ON cohort TO landsby_cohort_share USING (true);
CREATE POLICY cohort_share ON cohort_partner TO landsby_cohort_share USING (true);
CREATE POLICY cohort_share ON cohort_member TO landsby_cohort_share USING (true);
CREATE POLICY cohort_share ON cohort_session TO landsby_cohort_share USING (true);
CREATE POLICY cohort_share ON event TO landsby_cohort_share USING (true);
CREATE POLICY cohort_share ON adult TO landsby_cohort_share USING (true);
CREATE POLICY cohort_share ON municipality TO landsby_cohort_share USING (true);
CREATE POLICY cohort_share ON attendance TO landsby_cohort_share USING (true) WITH CHECK (true);
CREATE POLICY cohort_share ON audit_log FOR INSERT TO landsby_cohort_share WITH CHECK (true);

-- 'host', 'partner' or NULL: how the caller's municipality takes part in the cohort.
CREATE FUNCTION cohort_access(p_cohort uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT CASE
      WHEN EXISTS (SELECT 1 FROM cohort c WHERE c.id = p_cohort
        AND c.municipality_id = NULLIF(current_setting('app.municipality', true), '')::int) THEN 'host'
      WHEN EXISTS (SELECT 1 FROM cohort_partner cm WHERE cm.cohort_id = p_cohort
        AND cm.municipality_id = NULLIF(current_setting('app.municipality', true), '')::int) THEN 'partner'
    END
  $$;

-- The host's six sessions (theme, date, times, status), for a partner making its own: no people.
CREATE FUNCTION joint_cohort_sessions(p_cohort uuid)
  RETURNS TABLE (theme int, date date, start_time text, end_time text, status text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT s.theme::int, e.date, e.start_time, e.end_time, e.status
    FROM cohort c JOIN cohort_session s ON s.cohort_id = c.id AND s.municipality_id = c.municipality_id
      JOIN event e ON e.id = s.event_id
    WHERE c.id = p_cohort AND cohort_access(p_cohort) IS NOT NULL
    ORDER BY s.theme
  $$;

-- Per municipality of the cohort and theme: how many households it has in the cohort and how many
-- were present at that session. Counts only, for the host and the partners.
CREATE FUNCTION joint_cohort_counts(p_cohort uuid)
  RETURNS TABLE (municipality_id int, municipality_name text, theme int, members int, present int)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    WITH places AS (
      SELECT c.municipality_id FROM cohort c WHERE c.id = p_cohort
      UNION SELECT cm.municipality_id FROM cohort_partner cm WHERE cm.cohort_id = p_cohort
    )
    SELECT p.municipality_id, m.name, t.theme,
      (SELECT count(*) FROM cohort_member cm
        WHERE cm.cohort_id = p_cohort AND cm.municipality_id = p.municipality_id)::int,
      (SELECT count(DISTINCT a.household_id) FROM attendance a
        JOIN cohort_session s ON s.event_id = a.event_id
        JOIN cohort_member cm ON cm.cohort_id = s.cohort_id AND cm.household_id = a.household_id
        WHERE s.cohort_id = p_cohort AND s.theme = t.theme AND a.present
          AND cm.municipality_id = p.municipality_id)::int
    FROM places p JOIN municipality m ON m.id = p.municipality_id
      CROSS JOIN generate_series(1, 6) AS t(theme)
    WHERE cohort_access(p_cohort) IS NOT NULL
    ORDER BY m.name, p.municipality_id, t.theme
  $$;

-- The partners' households of a cohort for the host's contact person, who takes attendance of
-- everyone: the adults' first names, the municipality, and the themes of the sessions each was
-- present at. Nothing else of the registry; nothing for anyone but the host.
CREATE FUNCTION joint_cohort_households(p_cohort uuid)
  RETURNS TABLE (household_id uuid, municipality_id int, municipality_name text, first_names text[],
    present_themes int[])
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT cm.household_id, cm.municipality_id, m.name,
      COALESCE((SELECT array_agg(a.first_name ORDER BY a.position) FROM adult a
        WHERE a.household_id = cm.household_id), '{}'),
      COALESCE((SELECT array_agg(DISTINCT s.theme::int) FROM attendance att
        JOIN cohort_session s ON s.event_id = att.event_id
        WHERE s.cohort_id = p_cohort AND att.household_id = cm.household_id AND att.present), '{}')
    FROM cohort c JOIN cohort_member cm ON cm.cohort_id = c.id AND cm.municipality_id <> c.municipality_id
      JOIN municipality m ON m.id = cm.municipality_id
    WHERE c.id = p_cohort AND cohort_access(p_cohort) = 'host'
    ORDER BY m.name, cm.household_id
  $$;

-- The host's contact person marks a partner's household present (or not) at a held session: the
-- tap is stored on the partner's own session event of that theme (the partner's attendance), as
-- the check-in stores it (the later tap wins), with an audit entry in the partner's log. Returns
-- false when nothing was written (not the host, no such member or held session, an older tap).
CREATE FUNCTION joint_cohort_mark(p_cohort uuid, p_household uuid, p_theme int, p_present boolean,
    p_tap uuid, p_tapped_at timestamptz)
  RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    DECLARE
      v_partner int;
      v_event uuid;
      v_written int;
    BEGIN
      IF cohort_access(p_cohort) IS DISTINCT FROM 'host' THEN RETURN false; END IF;
      SELECT cm.municipality_id INTO v_partner FROM cohort_member cm JOIN cohort c ON c.id = cm.cohort_id
        WHERE cm.cohort_id = p_cohort AND cm.household_id = p_household
          AND cm.municipality_id <> c.municipality_id;
      IF v_partner IS NULL THEN RETURN false; END IF;
      SELECT s.event_id INTO v_event FROM cohort_session s JOIN event e ON e.id = s.event_id
        WHERE s.cohort_id = p_cohort AND s.municipality_id = v_partner AND s.theme = p_theme
          AND e.status = 'planned' AND e.starts_at < now();
      IF v_event IS NULL THEN RETURN false; END IF;
      INSERT INTO attendance (event_id, household_id, municipality_id, present, last_tap, tapped_at,
          checked_by)
        VALUES (v_event, p_household, v_partner, p_present, p_tap, p_tapped_at,
          NULLIF(current_setting('app.user', true), '')::uuid)
        ON CONFLICT (event_id, household_id) DO UPDATE SET present = EXCLUDED.present,
          last_tap = EXCLUDED.last_tap, tapped_at = EXCLUDED.tapped_at, checked_by = EXCLUDED.checked_by,
          updated_at = now()
        WHERE attendance.last_tap <> EXCLUDED.last_tap
          AND (attendance.tapped_at, attendance.last_tap) < (EXCLUDED.tapped_at, EXCLUDED.last_tap);
      GET DIAGNOSTICS v_written = ROW_COUNT;
      IF v_written = 0 THEN RETURN false; END IF;
      INSERT INTO audit_log (municipality_id, actor_user_id, action, record_type, record_id, subject_id,
          details)
        VALUES (v_partner, NULLIF(current_setting('app.user', true), '')::uuid, 'update', 'attendance',
          v_event::text, p_household::text, jsonb_build_object('present', p_present, 'cohort', p_cohort,
            'byMunicipality', NULLIF(current_setting('app.municipality', true), '')::int));
      RETURN true;
    END
  $$;

-- The host read a partner's households (first names): an entry in the partner's log as well.
CREATE FUNCTION joint_cohort_audit_read(p_cohort uuid, p_households uuid[])
  RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    INSERT INTO audit_log (municipality_id, actor_user_id, action, record_type, record_id, subject_id,
        details)
    SELECT cm.municipality_id, NULLIF(current_setting('app.user', true), '')::uuid, 'read', 'household',
      cm.household_id::text, cm.household_id::text,
      jsonb_build_object('cohort', p_cohort,
        'byMunicipality', NULLIF(current_setting('app.municipality', true), '')::int)
    FROM cohort_member cm JOIN cohort c ON c.id = cm.cohort_id
    WHERE cm.cohort_id = p_cohort AND cm.household_id = ANY (p_households)
      AND cm.municipality_id <> c.municipality_id AND cohort_access(p_cohort) = 'host'
  $$;

ALTER FUNCTION cohort_access(uuid) OWNER TO landsby_cohort_share;
ALTER FUNCTION joint_cohort_sessions(uuid) OWNER TO landsby_cohort_share;
ALTER FUNCTION joint_cohort_counts(uuid) OWNER TO landsby_cohort_share;
ALTER FUNCTION joint_cohort_households(uuid) OWNER TO landsby_cohort_share;
ALTER FUNCTION joint_cohort_mark(uuid, uuid, int, boolean, uuid, timestamptz) OWNER TO landsby_cohort_share;
ALTER FUNCTION joint_cohort_audit_read(uuid, uuid[]) OWNER TO landsby_cohort_share;
REVOKE ALL ON FUNCTION cohort_access(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION joint_cohort_sessions(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION joint_cohort_counts(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION joint_cohort_households(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION joint_cohort_mark(uuid, uuid, int, boolean, uuid, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION joint_cohort_audit_read(uuid, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cohort_access(uuid) TO landsby_app;
GRANT EXECUTE ON FUNCTION joint_cohort_sessions(uuid) TO landsby_app;
GRANT EXECUTE ON FUNCTION joint_cohort_counts(uuid) TO landsby_app;
GRANT EXECUTE ON FUNCTION joint_cohort_households(uuid) TO landsby_app;
GRANT EXECUTE ON FUNCTION joint_cohort_mark(uuid, uuid, int, boolean, uuid, timestamptz) TO landsby_app;
GRANT EXECUTE ON FUNCTION joint_cohort_audit_read(uuid, uuid[]) TO landsby_app;

-- The programme coordinator's cohorts (0026): a joint cohort is one cohort, so its sessions are
-- counted per theme over the session events of all its municipalities, not once per municipality.
GRANT SELECT (municipality_id) ON cohort_session TO landsby_programme_figures;
CREATE OR REPLACE FUNCTION programme_cohort_attendance(p_programme uuid)
  RETURNS TABLE (cohort_id uuid, cohort_name text, starts_on date, municipality_id int,
    municipality_name text, members int, theme int, session_date date, invited int, attended int)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    WITH cohorts AS (
      SELECT c.id, c.name, c.starts_on, c.municipality_id, m.name AS municipality_name
      FROM cohort c JOIN municipality m ON m.id = c.municipality_id
      WHERE programme_access(p_programme) = 'coordinator' AND c.programme_id = p_programme
        AND c.municipality_id IN (SELECT pm.municipality_id FROM programme_municipality pm
          WHERE pm.programme_id = p_programme)
    )
    SELECT c.id, c.name, c.starts_on, c.municipality_id, c.municipality_name,
      (SELECT count(*) FROM cohort_member cm WHERE cm.cohort_id = c.id)::int,
      s.theme::int, ev.date,
      (SELECT count(*) FROM (
        SELECT i.household_id FROM invitation i JOIN cohort_session s2 ON s2.event_id = i.event_id
        WHERE s2.cohort_id = c.id AND s2.theme = s.theme AND i.household_id IS NOT NULL
        UNION
        SELECT a.household_id FROM attendance a JOIN cohort_session s2 ON s2.event_id = a.event_id
        WHERE s2.cohort_id = c.id AND s2.theme = s.theme AND a.present) h)::int,
      (SELECT count(DISTINCT a.household_id) FROM attendance a JOIN cohort_session s2 ON s2.event_id = a.event_id
        WHERE s2.cohort_id = c.id AND s2.theme = s.theme AND a.present)::int
    FROM cohorts c
      LEFT JOIN cohort_session s ON s.cohort_id = c.id AND s.municipality_id = c.municipality_id
      LEFT JOIN event ev ON ev.id = s.event_id
    ORDER BY c.starts_on, c.municipality_name, c.id, s.theme
  $$;
