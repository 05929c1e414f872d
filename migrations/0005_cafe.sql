-- The foster-home café, part 1 (issue 6, points 1–3): venues, the municipality's school-holiday
-- rules, events with their programme and hosts, and the audience of an event (the rule on the
-- event, the team's additions, removals and personal notes in event_invitee).

CREATE TABLE venue (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  name text NOT NULL,
  address_line text,
  postcode char(4) CHECK (postcode ~ '^[0-9]{4}$'),
  place text,
  capacity int CHECK (capacity BETWEEN 1 AND 100000),
  kitchen boolean NOT NULL DEFAULT false,
  parking boolean NOT NULL DEFAULT false,
  step_free boolean NOT NULL DEFAULT false,
  notes text,
  version int NOT NULL DEFAULT 1,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX venue_municipality ON venue (municipality_id, archived_at);

-- One row per municipality that has changed the defaults of src/domain/calendar.ts.
CREATE TABLE school_holiday_rules (
  municipality_id int PRIMARY KEY REFERENCES municipality (id),
  rules jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  kind text NOT NULL CHECK (kind IN ('cafe', 'gathering')),
  title text NOT NULL,
  -- the Oslo calendar date and wall-clock times, and the instants they stand for
  date date NOT NULL,
  start_time text NOT NULL CHECK (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  end_time text NOT NULL CHECK (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  venue_id uuid REFERENCES venue (id),
  capacity int CHECK (capacity BETWEEN 1 AND 100000),
  food boolean NOT NULL DEFAULT false,
  registration text NOT NULL CHECK (registration IN ('none', 'optional', 'required')),
  deadline date,
  programme jsonb NOT NULL DEFAULT '[]',
  audience_rule jsonb,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
  version int NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (registration <> 'required' OR deadline IS NOT NULL)
);
CREATE INDEX event_municipality_date ON event (municipality_id, date);
-- One planned café a day: accepting the season plan twice (a double click) creates it once.
CREATE UNIQUE INDEX event_one_cafe_a_day ON event (municipality_id, date, kind)
  WHERE kind = 'cafe' AND status = 'planned';

-- The team members who host the event; their first names sign the invitation.
CREATE TABLE event_host (
  event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id),
  municipality_id int NOT NULL REFERENCES municipality (id),
  position int NOT NULL,
  PRIMARY KEY (event_id, user_id)
);

-- The team's hand-made changes to an event's audience: included true (added), false (removed),
-- null (as the rule says), and the personal one-line note for the invitation.
CREATE TABLE event_invitee (
  event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  included boolean,
  note text CHECK (char_length(note) <= 140),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, household_id)
);
CREATE INDEX event_invitee_household ON event_invitee (household_id);

ALTER TABLE venue ENABLE ROW LEVEL SECURITY;
ALTER TABLE venue FORCE ROW LEVEL SECURITY;
ALTER TABLE school_holiday_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE school_holiday_rules FORCE ROW LEVEL SECURITY;
ALTER TABLE event ENABLE ROW LEVEL SECURITY;
ALTER TABLE event FORCE ROW LEVEL SECURITY;
ALTER TABLE event_host ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_host FORCE ROW LEVEL SECURITY;
ALTER TABLE event_invitee ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_invitee FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON venue TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON school_holiday_rules TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON event TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON event_host TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON event_invitee TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

GRANT SELECT, INSERT, UPDATE ON venue, event TO landsby_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON school_holiday_rules, event_host, event_invitee TO landsby_app;
