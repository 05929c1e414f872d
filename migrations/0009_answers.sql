-- The café, part 2 (issue 7): each household's answer, the waiting list, reminders, and
-- check-in on the evening.

-- Messages are no longer only invitations. purpose names why a message went, so the same one is
-- never sent twice: 'invitation'; 'confirmation:<answer version>' after each answer;
-- 'promotion' when a household moves up from the waiting list; 'reminder:<key>' for a reminder
-- (key: days before, e.g. 'reminder:7', or 'reminder:now-<time>' for one the team sends).
ALTER TABLE message DROP CONSTRAINT message_purpose_check;
ALTER TABLE message ADD CONSTRAINT message_purpose_check
  CHECK (purpose ~ '^(invitation|promotion|confirmation:[0-9]+|reminder:[a-z0-9-]{1,40})$');

-- When reminders go: days before the event, each at 10:00 Oslo time (never in quiet hours).
ALTER TABLE event ADD COLUMN reminders int[] NOT NULL DEFAULT '{7,1}'
  CHECK (reminders <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 10, 14]);

-- A household's answer to its invitation. The latest answer counts; version counts the changes
-- (the confirmation of each is its own message). A household that is coming while the event is
-- full waits from waiting_since: the earliest moves up first.
CREATE TABLE answer (
  invitation_id uuid PRIMARY KEY REFERENCES invitation (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  household_id uuid REFERENCES household (id) ON DELETE SET NULL,
  response text NOT NULL CHECK (response IN ('coming', 'not_coming', 'maybe')),
  adults int NOT NULL DEFAULT 0 CHECK (adults BETWEEN 0 AND 20),
  children int NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 20),
  diet text[] NOT NULL DEFAULT '{}' CHECK (diet <@ ARRAY['vegetarian', 'vegan', 'halal', 'no_pork',
    'gluten_free', 'lactose_free', 'nut_allergy', 'fish_allergy', 'egg_allergy']::text[]),
  diet_note text CHECK (char_length(diet_note) <= 300),
  comment text CHECK (char_length(comment) <= 1000),
  waiting_since timestamptz,
  version int NOT NULL DEFAULT 1,
  -- 'household' through its link or My page; 'team' when a caseworker noted it for them
  answered_by text NOT NULL DEFAULT 'household' CHECK (answered_by IN ('household', 'team')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (response = 'coming' OR waiting_since IS NULL)
);
CREATE INDEX answer_event ON answer (event_id, response);
CREATE INDEX answer_waiting ON answer (event_id, waiting_since) WHERE waiting_since IS NOT NULL;

-- Who came. One row per household and event; the browser makes the id of each tap, so a tap
-- sent again after a lost connection is recognised, and tapped_at (the phone's clock) decides
-- between two taps on the same household: the later wins.
CREATE TABLE attendance (
  event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  present boolean NOT NULL,
  adults int CHECK (adults BETWEEN 0 AND 20),
  children int CHECK (children BETWEEN 0 AND 20),
  walk_in boolean NOT NULL DEFAULT false,
  last_tap uuid NOT NULL,
  tapped_at timestamptz NOT NULL,
  checked_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, household_id)
);
CREATE INDEX attendance_household ON attendance (household_id);

ALTER TABLE answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE answer FORCE ROW LEVEL SECURITY;
ALTER TABLE attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE attendance FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON answer TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON attendance TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE ON answer TO landsby_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON attendance TO landsby_app;

-- An answer link names no municipality: landsby_system finds which one an invitation (by the
-- hash of its token) belongs to, and nothing else about it.
GRANT SELECT (id, municipality_id, token_hash) ON invitation TO landsby_system;
CREATE POLICY system_finds_link ON invitation TO landsby_system USING (true);
-- The reminder job finds events with reminders due, across municipalities, by date only.
GRANT SELECT (reminders, starts_at) ON event TO landsby_system;
