-- En god start (SPEC section 4, seed 002): a cohort of new foster homes of one municipality goes
-- through six sessions with fixed themes, led by contact persons. Each session is an event
-- (kind 'good_start_session') on the one event engine: invitations, answers, reminders and
-- check-in are the café's. Who came is the engine's attendance table (event × household).
-- The evaluation tool: the same questionnaire before the first session and after the last,
-- answered through a personal link; results paired by household inside the database.

ALTER TABLE event DROP CONSTRAINT event_kind_check;
ALTER TABLE event ADD CONSTRAINT event_kind_check
  CHECK (kind IN ('cafe', 'gathering', 'good_start_session'));

CREATE TABLE cohort (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  -- the inter-municipal programme the cohort runs in, if any
  programme_id uuid REFERENCES programme (id) ON DELETE SET NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  -- the date of the first session; cohorts are ordered by it ("the next cohort")
  starts_on date NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cohort_municipality ON cohort (municipality_id, starts_on);

-- The households of a cohort. Erased with the household.
CREATE TABLE cohort_member (
  cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  joined_on date NOT NULL DEFAULT CURRENT_DATE,
  PRIMARY KEY (cohort_id, household_id)
);
CREATE INDEX cohort_member_household ON cohort_member (household_id);

-- The contact persons (staff users) who lead the cohort's sessions.
CREATE TABLE cohort_leader (
  cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id),
  municipality_id int NOT NULL REFERENCES municipality (id),
  PRIMARY KEY (cohort_id, user_id)
);

-- The six sessions: theme 1 the new family … 6 the new family, evaluation and the road ahead.
CREATE TABLE cohort_session (
  event_id uuid PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
  cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  theme smallint NOT NULL CHECK (theme BETWEEN 1 AND 6),
  UNIQUE (cohort_id, theme)
);

-- The questionnaire of the evaluation tool, one per municipality (the team edits it):
--   [{ "id": "q1", "type": "scale" | "text", "text": { "nb": "…", "nn": "…", "en": "…" } }]
-- A scale is answered 1–5. Questions keep their id when edited, so before and after pair.
CREATE TABLE evaluation_questionnaire (
  municipality_id int PRIMARY KEY REFERENCES municipality (id),
  questions jsonb NOT NULL,
  version int NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A household's personal link for one round ('before' the first session, 'after' the last).
-- The token is derived from the id with the secret key; only its hash is stored.
CREATE TABLE evaluation_link (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  round text NOT NULL CHECK (round IN ('before', 'after')),
  token_hash bytea NOT NULL UNIQUE,
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cohort_id, household_id, round)
);

-- The answers of a link: a score 1–5 for a scale question, a text for a free-text one.
CREATE TABLE evaluation_answer (
  link_id uuid NOT NULL REFERENCES evaluation_link (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  question_id text NOT NULL CHECK (question_id ~ '^[a-z0-9_-]{1,40}$'),
  score smallint CHECK (score BETWEEN 1 AND 5),
  text_answer text CHECK (char_length(text_answer) <= 2000),
  PRIMARY KEY (link_id, question_id),
  CHECK ((score IS NULL) <> (text_answer IS NULL))
);

ALTER TABLE cohort ENABLE ROW LEVEL SECURITY;
ALTER TABLE cohort FORCE ROW LEVEL SECURITY;
ALTER TABLE cohort_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE cohort_member FORCE ROW LEVEL SECURITY;
ALTER TABLE cohort_leader ENABLE ROW LEVEL SECURITY;
ALTER TABLE cohort_leader FORCE ROW LEVEL SECURITY;
ALTER TABLE cohort_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE cohort_session FORCE ROW LEVEL SECURITY;
ALTER TABLE evaluation_questionnaire ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_questionnaire FORCE ROW LEVEL SECURITY;
ALTER TABLE evaluation_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_link FORCE ROW LEVEL SECURITY;
ALTER TABLE evaluation_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_answer FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON cohort TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON cohort_member TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON cohort_leader TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON cohort_session TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON evaluation_questionnaire TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON evaluation_link TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON evaluation_answer TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

GRANT SELECT, INSERT, UPDATE ON cohort, cohort_session, evaluation_questionnaire, evaluation_link TO landsby_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON cohort_member, cohort_leader, evaluation_answer TO landsby_app;

-- An evaluation link names no municipality: landsby_system finds which one it belongs to.
GRANT SELECT (id, municipality_id, token_hash) ON evaluation_link TO landsby_system;
CREATE POLICY system_finds_link ON evaluation_link TO landsby_system USING (true);

-- The before/after results of a cohort, per scale question, paired by household: aggregates
-- only, never a household's row. Runs as the caller (row-level security applies), so a team
-- sees its own cohorts only. pairs counts the households that answered both rounds; the change
-- is after − before of each pair.
CREATE FUNCTION evaluation_change(p_cohort uuid)
  RETURNS TABLE (question_id text, before_n int, before_mean numeric, after_n int, after_mean numeric,
    pairs int, change_mean numeric, change_sd numeric)
  LANGUAGE sql STABLE SECURITY INVOKER
  AS $$
    WITH scores AS (
      SELECT a.question_id, l.household_id, l.round, a.score
      FROM evaluation_answer a JOIN evaluation_link l ON l.id = a.link_id
      WHERE l.cohort_id = p_cohort AND a.score IS NOT NULL
    ), paired AS (
      SELECT b.question_id, (f.score - b.score)::numeric AS change
      FROM scores b JOIN scores f
        ON f.question_id = b.question_id AND f.household_id = b.household_id
      WHERE b.round = 'before' AND f.round = 'after'
    )
    SELECT q.question_id,
      (SELECT count(*) FROM scores s WHERE s.question_id = q.question_id AND s.round = 'before')::int,
      (SELECT avg(s.score) FROM scores s WHERE s.question_id = q.question_id AND s.round = 'before'),
      (SELECT count(*) FROM scores s WHERE s.question_id = q.question_id AND s.round = 'after')::int,
      (SELECT avg(s.score) FROM scores s WHERE s.question_id = q.question_id AND s.round = 'after'),
      (SELECT count(*) FROM paired p WHERE p.question_id = q.question_id)::int,
      (SELECT avg(p.change) FROM paired p WHERE p.question_id = q.question_id),
      (SELECT stddev_samp(p.change) FROM paired p WHERE p.question_id = q.question_id)
    FROM (SELECT DISTINCT s.question_id FROM scores s) q
  $$;
GRANT EXECUTE ON FUNCTION evaluation_change(uuid) TO landsby_app;

-- The programme coordinator's view of the results: the same paired aggregates, pooled over the
-- cohorts of the programme in its member municipalities, for the programme's coordinator only
-- (programme_access, 0021). Owned by landsby_programme_figures, the narrow role of the
-- programme's functions, which may read only the columns below: no name, no answer text.
GRANT SELECT (id, municipality_id, programme_id) ON cohort TO landsby_programme_figures;
GRANT SELECT (id, cohort_id, household_id, round) ON evaluation_link TO landsby_programme_figures;
GRANT SELECT (link_id, question_id, score) ON evaluation_answer TO landsby_programme_figures;
CREATE POLICY programme_evaluation ON cohort TO landsby_programme_figures USING (true);
CREATE POLICY programme_evaluation ON evaluation_link TO landsby_programme_figures USING (true);
CREATE POLICY programme_evaluation ON evaluation_answer TO landsby_programme_figures USING (true);

CREATE FUNCTION programme_evaluation_change(p_programme uuid)
  RETURNS TABLE (question_id text, before_n int, before_mean numeric, after_n int, after_mean numeric,
    pairs int, change_mean numeric, change_sd numeric)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    WITH scores AS (
      SELECT a.question_id, l.cohort_id, l.household_id, l.round, a.score
      FROM evaluation_answer a JOIN evaluation_link l ON l.id = a.link_id JOIN cohort c ON c.id = l.cohort_id
      WHERE programme_access(p_programme) = 'coordinator' AND c.programme_id = p_programme
        AND c.municipality_id IN (SELECT pm.municipality_id FROM programme_municipality pm
          WHERE pm.programme_id = p_programme)
        AND a.score IS NOT NULL
    ), paired AS (
      SELECT b.question_id, (f.score - b.score)::numeric AS change
      FROM scores b JOIN scores f ON f.question_id = b.question_id AND f.cohort_id = b.cohort_id
        AND f.household_id = b.household_id
      WHERE b.round = 'before' AND f.round = 'after'
    )
    SELECT q.question_id,
      (SELECT count(*) FROM scores s WHERE s.question_id = q.question_id AND s.round = 'before')::int,
      (SELECT avg(s.score) FROM scores s WHERE s.question_id = q.question_id AND s.round = 'before'),
      (SELECT count(*) FROM scores s WHERE s.question_id = q.question_id AND s.round = 'after')::int,
      (SELECT avg(s.score) FROM scores s WHERE s.question_id = q.question_id AND s.round = 'after'),
      (SELECT count(*) FROM paired p WHERE p.question_id = q.question_id)::int,
      (SELECT avg(p.change) FROM paired p WHERE p.question_id = q.question_id),
      (SELECT stddev_samp(p.change) FROM paired p WHERE p.question_id = q.question_id)
    FROM (SELECT DISTINCT s.question_id FROM scores s) q
  $$;
ALTER FUNCTION programme_evaluation_change(uuid) OWNER TO landsby_programme_figures;
GRANT EXECUTE ON FUNCTION programme_evaluation_change(uuid) TO landsby_app;
