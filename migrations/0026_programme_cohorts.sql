-- En god start for the programme's coordinator (SPEC section 4, seed 002; issue 14 part 2): per
-- cohort of the programme in its member municipalities, per session, how many households were
-- invited and how many came. Counts only, computed inside the database by a SECURITY DEFINER
-- function owned by the narrow role of 0021/0025 (landsby_programme_figures): the cohort's name
-- (a group, not a person), its municipality's name, the session's theme and date. Never a
-- household. The service hides small counts and their complements (domain/disclosure.ts).

GRANT SELECT (name) ON cohort TO landsby_programme_figures;
GRANT SELECT (event_id, cohort_id, theme) ON cohort_session TO landsby_programme_figures;
GRANT SELECT (event_id, household_id) ON invitation TO landsby_programme_figures;
CREATE POLICY programme_figures ON cohort_session TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON invitation TO landsby_programme_figures USING (true);

-- One row per session of each cohort (a cohort without sessions yet: one row, theme NULL), for
-- the programme's coordinator only; anyone else gets nothing. A household that came without an
-- invitation (checked in at the door) counts as invited too, so «invited = came + did not come».
CREATE FUNCTION programme_cohort_attendance(p_programme uuid)
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
        SELECT i.household_id FROM invitation i
        WHERE i.event_id = s.event_id AND i.household_id IS NOT NULL
        UNION
        SELECT a.household_id FROM attendance a WHERE a.event_id = s.event_id AND a.present) h)::int,
      (SELECT count(DISTINCT a.household_id) FROM attendance a
        WHERE a.event_id = s.event_id AND a.present)::int
    FROM cohorts c
      LEFT JOIN cohort_session s ON s.cohort_id = c.id
      LEFT JOIN event ev ON ev.id = s.event_id
    ORDER BY c.starts_on, c.municipality_name, c.id, s.theme
  $$;
ALTER FUNCTION programme_cohort_attendance(uuid) OWNER TO landsby_programme_figures;
REVOKE ALL ON FUNCTION programme_cohort_attendance(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION programme_cohort_attendance(uuid) TO landsby_app;
