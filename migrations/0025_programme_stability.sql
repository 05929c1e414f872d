-- Placement stability for inter-municipal programmes (SPEC section 4, seed 002: "reduce unplanned
-- moves"): counts only, computed inside the database, for the programme's coordinator (every
-- member municipality) or a member municipality's staff (their own only). After 0022, because a
-- home's part in En god start is its cohort_member rows.
--
-- The measure: a placement-year is a placement that was active in a calendar year (started on or
-- before 31 December and not ended before 1 January); it is an unplanned move when the placement
-- ended that year with end_reason 'unplanned'. Unplanned moves per 100 placement-years is then a
-- share (each placement-year has at most one such end), with a binomial interval.
-- Erased households' placements (erased_placement) count, as nameless facts; whether their home
-- took part in anything is no longer known (NULL).

GRANT SELECT (municipality_id, household_id, start_date, end_date, end_reason) ON placement
  TO landsby_programme_figures;
GRANT SELECT (municipality_id, start_date, end_date, end_reason) ON erased_placement
  TO landsby_programme_figures;
GRANT SELECT (household_id, joined_on, created_at) ON network_member TO landsby_programme_figures;
GRANT SELECT (household_id, event_id, present) ON attendance TO landsby_programme_figures;
GRANT SELECT (id, kind, date) ON event TO landsby_programme_figures;
GRANT SELECT (cohort_id, household_id) ON cohort_member TO landsby_programme_figures;
GRANT SELECT (id, starts_on) ON cohort TO landsby_programme_figures;
CREATE POLICY programme_figures ON placement TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON erased_placement TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON network_member TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON attendance TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON event TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON cohort_member TO landsby_programme_figures USING (true);
CREATE POLICY programme_figures ON cohort TO landsby_programme_figures USING (true);

-- Placement-years and unplanned moves by municipality, year and whether the home had taken part,
-- by the end of that year, in En god start (a member of a cohort that had started), a network
-- (joined) and a café (came to one). A coordinator gets every member municipality, staff of a
-- member their own; anyone else nothing. Counts per group, never a row of a placement.
CREATE FUNCTION programme_stability_counts(p_programme uuid, p_first_year int, p_last_year int)
  RETURNS TABLE (municipality_id int, year int, good_start boolean, network boolean, cafe boolean,
    placement_years int, unplanned int)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    WITH access AS (SELECT programme_access(p_programme) AS how),
    members AS (
      SELECT pm.municipality_id FROM programme_municipality pm, access
      WHERE pm.programme_id = p_programme
        AND (access.how = 'coordinator'
          OR (access.how = 'member'
            AND pm.municipality_id = NULLIF(current_setting('app.municipality', true), '')::int))
    ),
    placements AS (
      SELECT p.municipality_id, p.household_id, p.start_date, p.end_date, p.end_reason
      FROM placement p WHERE p.municipality_id IN (SELECT m.municipality_id FROM members m)
      UNION ALL
      SELECT e.municipality_id, NULL, e.start_date, e.end_date, e.end_reason
      FROM erased_placement e WHERE e.municipality_id IN (SELECT m.municipality_id FROM members m)
    ),
    years AS (
      SELECT y AS year, make_date(y, 1, 1) AS first_day, make_date(y, 12, 31) AS last_day
      FROM generate_series(p_first_year, p_last_year) y
    ),
    placement_years AS (
      SELECT pl.municipality_id, pl.household_id, y.year, y.last_day,
        (pl.end_reason = 'unplanned' AND pl.end_date BETWEEN y.first_day AND y.last_day) AS moved
      FROM placements pl JOIN years y
        ON pl.start_date <= y.last_day AND (pl.end_date IS NULL OR pl.end_date >= y.first_day)
    ),
    took_part AS (
      SELECT py.municipality_id, py.year, py.moved,
        CASE WHEN py.household_id IS NOT NULL THEN EXISTS (
          SELECT 1 FROM cohort_member cm JOIN cohort c ON c.id = cm.cohort_id
          WHERE cm.household_id = py.household_id AND c.starts_on <= py.last_day) END AS good_start,
        CASE WHEN py.household_id IS NOT NULL THEN EXISTS (
          SELECT 1 FROM network_member nm
          WHERE nm.household_id = py.household_id
            AND COALESCE(nm.joined_on, nm.created_at::date) <= py.last_day) END AS network,
        CASE WHEN py.household_id IS NOT NULL THEN EXISTS (
          SELECT 1 FROM attendance a JOIN event ev ON ev.id = a.event_id
          WHERE a.household_id = py.household_id AND a.present AND ev.kind = 'cafe'
            AND ev.date <= py.last_day) END AS cafe
      FROM placement_years py
    )
    SELECT t.municipality_id, t.year, t.good_start, t.network, t.cafe,
      count(*)::int, (count(*) FILTER (WHERE t.moved))::int
    FROM took_part t
    GROUP BY t.municipality_id, t.year, t.good_start, t.network, t.cafe
    ORDER BY t.municipality_id, t.year
  $$;
ALTER FUNCTION programme_stability_counts(uuid, int, int) OWNER TO landsby_programme_figures;
REVOKE ALL ON FUNCTION programme_stability_counts(uuid, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION programme_stability_counts(uuid, int, int) TO landsby_app;
