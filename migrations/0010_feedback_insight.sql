-- Feedback, evaluation and insight (issue 8): the feedback form of an event and its anonymous
-- responses, the team's own evaluation, and the welcome calls to households that never came.

-- One feedback form per event. questions (jsonb) is the form as the team composed it:
--   [{ "id": "q1", "type": "scale" | "single" | "multiple" | "text" | "topics",
--      "text": { "nb": "…", "nn": "…", "en": "…" },
--      "options": [{ "id": "o1", "text": { "nb": "…" } }] }]        (single, multiple, topics)
-- code is the short link (PUBLIC_URL/t/<code>) printed as a QR code on the tables: not a secret,
-- the form asks nothing personal. The form takes answers until closes_at.
CREATE TABLE feedback_form (
  event_id uuid PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]{6,16}$'),
  questions jsonb NOT NULL,
  languages text[] NOT NULL DEFAULT '{nb}',
  closes_at timestamptz NOT NULL,
  version int NOT NULL DEFAULT 1,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An anonymous response: no household, no person, no address, no device id — by construction.
-- answers: { "<question id>": 4 | "o2" | ["o1", "o3"] | "free text" }
CREATE TABLE feedback_response (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  language text NOT NULL,
  answers jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_response_event ON feedback_response (event_id);

-- The team's internal evaluation after an event.
CREATE TABLE event_evaluation (
  event_id uuid PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  went_well text CHECK (char_length(went_well) <= 4000),
  change_next text CHECK (char_length(change_next) <= 4000),
  attendance_note text CHECK (char_length(attendance_note) <= 4000),
  programme_note text CHECK (char_length(programme_note) <= 4000),
  version int NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A phone call to a household that was invited several times and never came (the welcome list),
-- and how it went. Erased with the household.
CREATE TABLE welcome_call (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  event_id uuid REFERENCES event (id) ON DELETE SET NULL,
  outcome text NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'left_message', 'wrong_number', 'not_interested')),
  note text CHECK (char_length(note) <= 500),
  called_by uuid,
  called_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX welcome_call_household ON welcome_call (household_id, called_at DESC);

ALTER TABLE feedback_form ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_form FORCE ROW LEVEL SECURITY;
ALTER TABLE feedback_response ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_response FORCE ROW LEVEL SECURITY;
ALTER TABLE event_evaluation ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_evaluation FORCE ROW LEVEL SECURITY;
ALTER TABLE welcome_call ENABLE ROW LEVEL SECURITY;
ALTER TABLE welcome_call FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON feedback_form TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON feedback_response TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON event_evaluation TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON welcome_call TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE ON feedback_form, event_evaluation TO landsby_app;
GRANT SELECT, INSERT ON feedback_response, welcome_call TO landsby_app;

-- The short link names no municipality: landsby_system finds which form a code belongs to.
GRANT SELECT (event_id, municipality_id, code) ON feedback_form TO landsby_system;
CREATE POLICY system_finds_form ON feedback_form TO landsby_system USING (true);
