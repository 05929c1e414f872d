-- A joint En god start cohort (0031): when the host moves one of its sessions (date, times) or
-- cancels it, each partner's own session event of that theme follows. The partner's event is in
-- the partner's tenant, so the host changes it only through this function (owned by the narrow
-- landsby_cohort_share), which writes nothing but the session's date, times and status, with an
-- entry in the partner's audit log. The partner's households are then told as a café's are: its
-- messages are rendered when sent and its reminders follow the event's date; a cancellation is
-- told by the partner's own sending (a job in the partner's tenant, see good-start/worker.ts).
GRANT SELECT (municipality_id, ends_at, version) ON event TO landsby_cohort_share;
GRANT UPDATE (date, start_time, end_time, starts_at, ends_at, status, version, updated_at) ON event
  TO landsby_cohort_share;

-- For the host's session p_event: the partners' session events of its theme made like it (date,
-- times; cancelled when it is). Returns the partner events changed, and whether each was cancelled
-- now. Nothing for anyone but the cohort's host, nor for an event that is no host session.
CREATE FUNCTION joint_cohort_follow(p_event uuid)
  RETURNS TABLE (municipality_id int, event_id uuid, cancelled boolean)
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    WITH host AS (
      SELECT s.cohort_id, s.theme, e.date, e.start_time, e.end_time, e.starts_at, e.ends_at, e.status
      FROM cohort_session s JOIN cohort c ON c.id = s.cohort_id AND c.municipality_id = s.municipality_id
        JOIN event e ON e.id = s.event_id
      WHERE s.event_id = p_event AND cohort_access(s.cohort_id) = 'host'
    ), before AS (
      SELECT pe.id, pe.municipality_id, pe.status, h.cohort_id
      FROM host h JOIN cohort_session ps ON ps.cohort_id = h.cohort_id AND ps.theme = h.theme
          AND ps.event_id <> p_event
        JOIN event pe ON pe.id = ps.event_id
      WHERE pe.status = 'planned' AND (pe.date, pe.start_time, pe.end_time, pe.status)
        IS DISTINCT FROM (h.date, h.start_time, h.end_time, h.status)
    ), changed AS (
      UPDATE event pe SET date = h.date, start_time = h.start_time, end_time = h.end_time,
          starts_at = h.starts_at, ends_at = h.ends_at, status = h.status, version = pe.version + 1,
          updated_at = now()
        FROM host h, before b
        WHERE pe.id = b.id
        RETURNING pe.municipality_id, pe.id, pe.status = 'cancelled' AS cancelled
    ), logged AS (
      INSERT INTO audit_log (municipality_id, actor_user_id, action, record_type, record_id, details)
      SELECT ch.municipality_id, NULLIF(current_setting('app.user', true), '')::uuid, 'update', 'event',
        ch.id::text, jsonb_build_object('via', CASE WHEN ch.cancelled THEN 'cohort_host_cancel'
          ELSE 'cohort_host_move' END, 'cohort', b.cohort_id,
          'byMunicipality', NULLIF(current_setting('app.municipality', true), '')::int)
      FROM changed ch JOIN before b ON b.id = ch.id
    )
    SELECT ch.municipality_id, ch.id, ch.cancelled FROM changed ch
  $$;

ALTER FUNCTION joint_cohort_follow(uuid) OWNER TO landsby_cohort_share;
REVOKE ALL ON FUNCTION joint_cohort_follow(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION joint_cohort_follow(uuid) TO landsby_app;
