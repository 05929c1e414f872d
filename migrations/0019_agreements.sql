-- The agreement (oppdragsavtale) between the municipality and a network's resource family, the
-- municipality's yearly KS rates it is paid in, and the quarterly joint meeting (kvartalsmøte) of
-- the resource families of several municipalities (SPEC section 3, seed 003).

-- The KS rate per year as the municipality keeps it: kroner per month, in øre.
CREATE TABLE ks_rate (
  municipality_id int NOT NULL REFERENCES municipality (id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount_ore bigint NOT NULL CHECK (amount_ore > 0 AND amount_ore <= 100000000),
  changed_by uuid,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, year)
);

-- One agreement of a network's resource family: a draft until it is sent for signing; after that
-- its terms stay as sent (the adults sign those). Ended when end_on has passed.
CREATE TABLE agreement (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  start_on date NOT NULL,
  end_on date NOT NULL CHECK (end_on > start_on),
  ks_units numeric(4, 2) NOT NULL CHECK (ks_units > 0 AND ks_units <= 10),
  -- the KS rate of the start year when the terms were saved (øre per month): a later change of the
  -- table does not change an agreement
  ks_rate_ore bigint NOT NULL CHECK (ks_rate_ore > 0),
  expenses text NOT NULL CHECK (char_length(expenses) <= 1000),
  other_arrangements text NOT NULL CHECK (char_length(other_arrangements) <= 1000),
  sent_at timestamptz,
  -- the caseworkers were reminded that it ends in 60 days (once)
  reminded_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agreement_network ON agreement (municipality_id, network_id, created_at DESC);
CREATE INDEX agreement_ending ON agreement (end_on) WHERE reminded_at IS NULL AND sent_at IS NOT NULL;

-- An adult of the resource family who signs: the hash of their personal link's 128-bit token (as
-- the confidentiality agreement's signing_link), and the signature with the terms it was given.
CREATE TABLE agreement_signer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  agreement_id uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  adult_id uuid NOT NULL REFERENCES adult (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  link_made_at timestamptz NOT NULL DEFAULT now(),
  signed_at timestamptz,
  terms_signed text,
  UNIQUE (agreement_id, adult_id),
  CHECK ((signed_at IS NULL) = (terms_signed IS NULL))
);

-- The quarterly joint meeting: planned by one municipality, naming the ones that take part (the
-- planner among them). Every one of them sees the meeting; only the planner changes it.
CREATE TABLE joint_meeting (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  municipality_ids int[] NOT NULL CHECK (cardinality(municipality_ids) BETWEEN 1 AND 20),
  date date NOT NULL,
  start_time time NOT NULL,
  link text NOT NULL CHECK (char_length(link) BETWEEN 1 AND 500),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX joint_meeting_date ON joint_meeting (date DESC);

-- Whom a municipality invited (its resource families' users, its networks' caseworkers) and who
-- came: its own people, seen by it alone.
CREATE TABLE joint_meeting_invitee (
  meeting_id uuid NOT NULL REFERENCES joint_meeting (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  role text NOT NULL CHECK (role IN ('resource_family', 'caseworker')),
  invited_at timestamptz NOT NULL DEFAULT now(),
  attended boolean,
  PRIMARY KEY (meeting_id, user_id)
);

-- What the other municipalities of the meeting see of a municipality's people: counts only, kept
-- by that municipality in the same transaction as its invitations and attendance.
CREATE TABLE joint_meeting_count (
  meeting_id uuid NOT NULL REFERENCES joint_meeting (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  invited int NOT NULL CHECK (invited >= 0),
  attended int NOT NULL CHECK (attended >= 0),
  PRIMARY KEY (meeting_id, municipality_id)
);

ALTER TABLE ks_rate ENABLE ROW LEVEL SECURITY;
ALTER TABLE ks_rate FORCE ROW LEVEL SECURITY;
ALTER TABLE agreement ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreement FORCE ROW LEVEL SECURITY;
ALTER TABLE agreement_signer ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreement_signer FORCE ROW LEVEL SECURITY;
ALTER TABLE joint_meeting ENABLE ROW LEVEL SECURITY;
ALTER TABLE joint_meeting FORCE ROW LEVEL SECURITY;
ALTER TABLE joint_meeting_invitee ENABLE ROW LEVEL SECURITY;
ALTER TABLE joint_meeting_invitee FORCE ROW LEVEL SECURITY;
ALTER TABLE joint_meeting_count ENABLE ROW LEVEL SECURITY;
ALTER TABLE joint_meeting_count FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON ks_rate TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON agreement TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON agreement_signer TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
-- Seen by every municipality that takes part; made by the planner with itself among them.
CREATE POLICY tenant ON joint_meeting TO landsby_app
  USING (NULLIF(current_setting('app.municipality', true), '')::int = ANY (municipality_ids))
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int
    AND municipality_id = ANY (municipality_ids));
CREATE POLICY planner ON joint_meeting AS RESTRICTIVE FOR UPDATE TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON joint_meeting_invitee TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
-- Each municipality of the meeting reads every count (the meeting's own policy decides whether
-- the meeting is seen) and writes only its own.
CREATE POLICY tenant ON joint_meeting_count TO landsby_app
  USING (EXISTS (SELECT 1 FROM joint_meeting j WHERE j.id = meeting_id))
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY own_count ON joint_meeting_count AS RESTRICTIVE FOR UPDATE TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);

-- A resource family's account sees none of it (its adults sign through their personal links).
CREATE POLICY own_network ON agreement AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);
CREATE POLICY own_network ON agreement_signer AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);

GRANT SELECT, INSERT, UPDATE, DELETE ON ks_rate TO landsby_app;
GRANT SELECT, INSERT, UPDATE ON agreement, agreement_signer, joint_meeting, joint_meeting_invitee,
  joint_meeting_count TO landsby_app;
-- The signing page finds the signer before it knows the municipality: the hash and where it belongs.
GRANT SELECT (id, municipality_id, token_hash) ON agreement_signer TO landsby_system;
CREATE POLICY system ON agreement_signer TO landsby_system USING (true);
-- The daily reminder finds the agreements that end in 60 days in every municipality: ids only.
GRANT SELECT (id, municipality_id, end_on, sent_at, reminded_at) ON agreement TO landsby_system;
CREATE POLICY system ON agreement TO landsby_system USING (true);
