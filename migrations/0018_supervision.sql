-- Supervision talks (veiledning) and the half-year summary («Erfaringer fra siste halvår»), SPEC
-- section 3, seed 003. All rows belong to the network's owner municipality (its caseworkers
-- supervise the resource family). A resource family's account sees nothing of the supervision
-- (its notes are staff-only) and only its own network's summary.

-- How often the caseworkers meet the resource family: every 14 days at first, adjustable. No row
-- means the first 14 days. The next talk is due on the last talk + interval_days (or the network's
-- start, created_at in Oslo, + interval_days while no talk is logged).
CREATE TABLE supervision_interval (
  network_id uuid PRIMARY KEY REFERENCES network (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  interval_days int NOT NULL CHECK (interval_days BETWEEN 1 AND 180),
  changed_by uuid,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- A supervision talk held: the day and a short staff-only note. The browser makes the id, so a
-- form sent twice logs one talk.
CREATE TABLE supervision_talk (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  note text CHECK (char_length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_talk_network ON supervision_talk (municipality_id, network_id, held_on DESC);

-- Who took part: a caseworker (user_id) or an adult of the resource family (adult_id).
CREATE TABLE supervision_participant (
  talk_id uuid NOT NULL REFERENCES supervision_talk (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  user_id uuid REFERENCES app_user (id),
  adult_id uuid REFERENCES adult (id) ON DELETE CASCADE,
  CHECK ((user_id IS NULL) <> (adult_id IS NULL))
);
CREATE INDEX supervision_participant_talk ON supervision_participant (talk_id);
CREATE INDEX supervision_participant_adult ON supervision_participant (adult_id);

-- The half-year summary of a network: half_year_start is 1 January or 1 July. Its figures
-- (gatherings, contacts per household) are counted from the log when shown; the resource family
-- writes the description and submits it once.
CREATE TABLE network_summary (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  half_year_start date NOT NULL
    CHECK (extract(day FROM half_year_start) = 1 AND extract(month FROM half_year_start) IN (1, 7)),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 4000),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid,
  submitted_at timestamptz,
  UNIQUE (network_id, half_year_start)
);
CREATE INDEX network_summary_municipality ON network_summary (municipality_id, network_id);

-- A caseworker's comment on a submitted summary (the resource family reads it).
CREATE TABLE network_summary_comment (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  summary_id uuid NOT NULL REFERENCES network_summary (id) ON DELETE CASCADE,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
  author_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_summary_comment_summary ON network_summary_comment (summary_id, created_at);

-- The reminder e-mail two weeks before a half-year ends: one per network and half-year.
CREATE TABLE network_summary_reminder (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  half_year_start date NOT NULL,
  municipality_id int NOT NULL REFERENCES municipality (id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, half_year_start)
);

ALTER TABLE supervision_interval ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_interval FORCE ROW LEVEL SECURITY;
ALTER TABLE supervision_talk ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_talk FORCE ROW LEVEL SECURITY;
ALTER TABLE supervision_participant ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_participant FORCE ROW LEVEL SECURITY;
ALTER TABLE network_summary ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_summary FORCE ROW LEVEL SECURITY;
ALTER TABLE network_summary_comment ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_summary_comment FORCE ROW LEVEL SECURITY;
ALTER TABLE network_summary_reminder ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_summary_reminder FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON supervision_interval TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON supervision_talk TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON supervision_participant TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON network_summary TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON network_summary_comment TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON network_summary_reminder TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);

-- A resource family's account: no supervision rows at all (staff-only), its own network's summary.
CREATE POLICY own_network ON supervision_interval AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);
CREATE POLICY own_network ON supervision_talk AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);
CREATE POLICY own_network ON supervision_participant AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);
CREATE POLICY own_network ON network_summary AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL OR network_id = app_network_user_network());
CREATE POLICY own_network ON network_summary_comment AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL OR network_id = app_network_user_network());

GRANT SELECT, INSERT, UPDATE ON supervision_interval TO landsby_app;
GRANT SELECT, INSERT ON supervision_talk, supervision_participant TO landsby_app;
GRANT SELECT, INSERT, UPDATE ON network_summary TO landsby_app;
GRANT SELECT, INSERT ON network_summary_comment, network_summary_reminder TO landsby_app;
