-- Resource-family networks (SPEC section 3, seed 003): the network of one resource family and 3–5
-- member households, in one or two municipalities; the gate before a household joins (every child
-- of 15+ consents, every adult signs the group confidentiality agreement); the resource family's
-- contact log, call-back requests and expense claims; gatherings are events (kind 'gathering').
--
-- Each municipality sees its own rows. Of a joint network's other municipality's member households
-- it sees only what a member sees, through network_member_contacts() below. A resource-family user
-- (a row in network_user) sees only its own network and nothing of the registry tables.

CREATE TABLE network (
  id uuid PRIMARY KEY,
  -- the municipality that made the network and supervises its resource family
  municipality_id int NOT NULL REFERENCES municipality (id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  resource_family_household_id uuid NOT NULL REFERENCES household (id),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_owner ON network (municipality_id);

-- The municipalities of a network: the owner, and for a joint network the other one.
CREATE TABLE network_municipality (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  owner_municipality_id int NOT NULL REFERENCES municipality (id),
  PRIMARY KEY (network_id, municipality_id)
);
CREATE INDEX network_municipality_municipality ON network_municipality (municipality_id);

-- The (two) caseworkers who share the supervision of the resource family.
CREATE TABLE network_caseworker (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id),
  municipality_id int NOT NULL REFERENCES municipality (id),
  PRIMARY KEY (network_id, user_id)
);

-- The resource family's user accounts (role resource_family): each sees this network only.
CREATE TABLE network_user (
  user_id uuid PRIMARY KEY REFERENCES app_user (id),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id)
);

-- A household's membership: proposed (joined_on null), joined, left. The household's municipality.
CREATE TABLE network_member (
  id uuid PRIMARY KEY,
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  joined_on date,
  left_on date CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on),
  end_reason text CHECK (end_reason IN ('left', 'consent_withdrawn', 'signature_revoked')),
  -- a team leader let a sixth member in: why (also in the audit log)
  override_reason text CHECK (char_length(override_reason) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((left_on IS NULL) = (end_reason IS NULL))
);
-- One open membership of a household in a network: a double click proposes it once.
CREATE UNIQUE INDEX network_member_open ON network_member (network_id, household_id) WHERE left_on IS NULL;
CREATE INDEX network_member_municipality ON network_member (municipality_id, network_id);

-- A child's consent (15+), recorded by a caseworker for one membership; withdrawn ends it.
CREATE TABLE child_consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  member_id uuid NOT NULL REFERENCES network_member (id) ON DELETE CASCADE,
  child_id uuid NOT NULL REFERENCES child (id) ON DELETE CASCADE,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid,
  withdrawn_at timestamptz
);
CREATE UNIQUE INDEX child_consent_valid ON child_consent (member_id, child_id) WHERE withdrawn_at IS NULL;

-- A personal signing link for one adult of one membership: only the hash of its 128-bit token.
CREATE TABLE signing_link (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  member_id uuid NOT NULL REFERENCES network_member (id) ON DELETE CASCADE,
  adult_id uuid NOT NULL REFERENCES adult (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- a newer link for the same adult replaces it
  replaced_at timestamptz
);
CREATE INDEX signing_link_member ON signing_link (member_id, adult_id);

-- An adult's signature of the group confidentiality agreement: the very text shown, its version,
-- the time, and the link it came through (or 'idporten'). Revoked ends the membership.
CREATE TABLE confidentiality_signature (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  member_id uuid NOT NULL REFERENCES network_member (id) ON DELETE CASCADE,
  adult_id uuid NOT NULL REFERENCES adult (id) ON DELETE CASCADE,
  text_version text NOT NULL,
  text_shown text NOT NULL,
  language text NOT NULL,
  via text NOT NULL CHECK (via IN ('link', 'idporten')),
  signing_link_id uuid REFERENCES signing_link (id),
  signed_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
-- One valid signature per adult and membership: a double submit signs once.
CREATE UNIQUE INDEX confidentiality_signature_valid ON confidentiality_signature (member_id, adult_id)
  WHERE revoked_at IS NULL;

-- The municipality's contact categories (short words, no free text) and whether the note is on.
CREATE TABLE contact_category (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 40),
  position int NOT NULL,
  archived_at timestamptz
);
CREATE INDEX contact_category_municipality ON contact_category (municipality_id);

CREATE TABLE network_settings (
  municipality_id int PRIMARY KEY REFERENCES municipality (id),
  note_enabled boolean NOT NULL DEFAULT false
);

-- The resource family's contact log: date, household, kind, category (a note only when turned on).
CREATE TABLE contact_log (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('call', 'visit', 'message', 'gathering')),
  category_id uuid NOT NULL REFERENCES contact_category (id),
  note text CHECK (char_length(note) <= 200),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_log_network ON contact_log (network_id, household_id, date DESC);

-- "I need to talk to the child welfare service": when, by whom; deliberately no content.
CREATE TABLE call_back (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  requested_by uuid,
  requested_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  done_by uuid
);
CREATE INDEX call_back_network ON call_back (network_id, requested_at DESC);

-- Expense claims in øre, with the receipt's bytes (JPEG, PNG or PDF, at most 5 MiB).
CREATE TABLE expense_claim (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  date date NOT NULL,
  amount_ore int NOT NULL CHECK (amount_ore > 0),
  purpose text NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 200),
  occasion text CHECK (occasion IN ('christmas', 'summer')),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  decision_reason text CHECK (char_length(decision_reason) <= 500),
  decided_by uuid,
  decided_at timestamptz,
  receipt bytea CHECK (octet_length(receipt) <= 5242880),
  receipt_type text CHECK (receipt_type IN ('image/jpeg', 'image/png', 'application/pdf')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((receipt IS NULL) = (receipt_type IS NULL)),
  CHECK (status <> 'rejected' OR decision_reason IS NOT NULL)
);
CREATE INDEX expense_claim_network ON expense_claim (network_id, status);

-- A gathering is an event of kind 'gathering' with its network, its place as typed by the resource
-- family, and whether it is the Christmas or the summer gathering (with a budget).
ALTER TABLE event ADD COLUMN network_id uuid REFERENCES network (id) ON DELETE CASCADE;
ALTER TABLE event ADD COLUMN place text CHECK (char_length(place) <= 200);
ALTER TABLE event ADD COLUMN occasion text CHECK (occasion IN ('christmas', 'summer'));
ALTER TABLE event ADD CONSTRAINT event_gathering_network CHECK (network_id IS NULL OR kind = 'gathering');
CREATE INDEX event_network ON event (network_id, date) WHERE network_id IS NOT NULL;

-- Is the current user a resource family's account, and is `n` its network?
CREATE FUNCTION app_network_user_network() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$
    SELECT network_id FROM network_user
    WHERE user_id = NULLIF(current_setting('app.user', true), '')::uuid
  $$;

ALTER TABLE network ENABLE ROW LEVEL SECURITY;
ALTER TABLE network FORCE ROW LEVEL SECURITY;
ALTER TABLE network_municipality ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_municipality FORCE ROW LEVEL SECURITY;
ALTER TABLE network_caseworker ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_caseworker FORCE ROW LEVEL SECURITY;
ALTER TABLE network_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_user FORCE ROW LEVEL SECURITY;
ALTER TABLE network_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_member FORCE ROW LEVEL SECURITY;
ALTER TABLE child_consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE child_consent FORCE ROW LEVEL SECURITY;
ALTER TABLE signing_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE signing_link FORCE ROW LEVEL SECURITY;
ALTER TABLE confidentiality_signature ENABLE ROW LEVEL SECURITY;
ALTER TABLE confidentiality_signature FORCE ROW LEVEL SECURITY;
ALTER TABLE contact_category ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_category FORCE ROW LEVEL SECURITY;
ALTER TABLE network_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_settings FORCE ROW LEVEL SECURITY;
ALTER TABLE contact_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_log FORCE ROW LEVEL SECURITY;
ALTER TABLE call_back ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_back FORCE ROW LEVEL SECURITY;
ALTER TABLE expense_claim ENABLE ROW LEVEL SECURITY;
ALTER TABLE expense_claim FORCE ROW LEVEL SECURITY;

-- A network is seen by each of its municipalities (the owner writes it).
CREATE POLICY tenant ON network TO landsby_app
  USING (municipality_id = app_municipality() OR EXISTS (
    SELECT 1 FROM network_municipality nm
    WHERE nm.network_id = network.id AND nm.municipality_id = app_municipality()))
  WITH CHECK (municipality_id = app_municipality());
-- The owner adds the other municipality's row; each sees its own and the owner all.
CREATE POLICY tenant ON network_municipality TO landsby_app
  USING (app_municipality() IN (municipality_id, owner_municipality_id))
  WITH CHECK (owner_municipality_id = app_municipality());
CREATE POLICY tenant ON network_caseworker TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON network_user TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON network_member TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON child_consent TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON signing_link TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON confidentiality_signature TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON contact_category TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON network_settings TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON contact_log TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON call_back TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON expense_claim TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

-- A resource family's account: its own network's rows only, and none of the registry's.
CREATE POLICY own_network ON network AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL OR id = app_network_user_network());
CREATE POLICY own_network ON network_member AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL OR network_id = app_network_user_network());
CREATE POLICY own_network ON contact_log AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL OR network_id = app_network_user_network());
CREATE POLICY own_network ON call_back AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL OR network_id = app_network_user_network());
CREATE POLICY own_network ON expense_claim AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL OR network_id = app_network_user_network());
CREATE POLICY own_network ON event AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL OR network_id = app_network_user_network());
CREATE POLICY own_network ON household AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);
CREATE POLICY own_network ON adult AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);
CREATE POLICY own_network ON child AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);
CREATE POLICY own_network ON placement AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);

GRANT SELECT, INSERT ON network, network_municipality, network_caseworker, network_user TO landsby_app;
GRANT UPDATE, DELETE ON network_caseworker, network_user TO landsby_app;
GRANT SELECT, INSERT, UPDATE ON network_member, child_consent, signing_link, confidentiality_signature,
  contact_category, network_settings, contact_log, call_back, expense_claim TO landsby_app;
-- The signing page finds the link before it knows the municipality: the hash and where it belongs.
GRANT SELECT (id, municipality_id, token_hash) ON signing_link TO landsby_system;
CREATE POLICY system ON signing_link TO landsby_system USING (true);

-- What a member sees of the other member households of a network its municipality takes part in
-- (a joint network's other municipality's households included): the adults' names, phones, e-mail,
-- the address, the children's first names and birth dates — nothing else of the registry. A
-- resource family's account gets its own network's only. Runs as landsby_network_share, a role
-- whose only rights are to read these columns (its policies below); the checks are in the function.
DO $$
BEGIN
  CREATE ROLE landsby_network_share NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
GRANT landsby_network_share TO CURRENT_USER;
GRANT USAGE, CREATE ON SCHEMA public TO landsby_network_share;
GRANT SELECT (id, municipality_id, network_id, household_id, joined_on, left_on) ON network_member
  TO landsby_network_share;
GRANT SELECT (network_id, municipality_id) ON network_municipality TO landsby_network_share;
GRANT SELECT (network_id, user_id) ON network_user TO landsby_network_share;
GRANT SELECT (id, display_name, address_line, postcode, place) ON household TO landsby_network_share;
GRANT SELECT (household_id, position, first_name, last_name, mobile, email) ON adult TO landsby_network_share;
GRANT SELECT (household_id, first_name, birth_date) ON child TO landsby_network_share;
CREATE POLICY network_share ON network_member TO landsby_network_share USING (true);
CREATE POLICY network_share ON network_municipality TO landsby_network_share USING (true);
CREATE POLICY network_share ON network_user TO landsby_network_share USING (true);
CREATE POLICY network_share ON household TO landsby_network_share USING (true);
CREATE POLICY network_share ON adult TO landsby_network_share USING (true);
CREATE POLICY network_share ON child TO landsby_network_share USING (true);

CREATE FUNCTION network_member_contacts(p_network uuid)
  RETURNS TABLE (
    member_id uuid,
    household_id uuid,
    municipality_id int,
    joined_on date,
    left_on date,
    display_name text,
    address_line text,
    postcode text,
    place text,
    adults jsonb,
    children jsonb
  )
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    WITH caller AS (
      SELECT NULLIF(current_setting('app.municipality', true), '')::int AS municipality_id,
             (SELECT nu.network_id FROM network_user nu
              WHERE nu.user_id = NULLIF(current_setting('app.user', true), '')::uuid) AS own_network
    )
    SELECT m.id, m.household_id, m.municipality_id, m.joined_on, m.left_on,
           h.display_name, h.address_line, h.postcode::text, h.place,
           COALESCE((SELECT jsonb_agg(jsonb_build_object('firstName', a.first_name, 'lastName', a.last_name,
                       'mobile', a.mobile, 'email', a.email) ORDER BY a.position)
                     FROM adult a WHERE a.household_id = h.id), '[]'),
           COALESCE((SELECT jsonb_agg(jsonb_build_object('firstName', c.first_name, 'birthDate', c.birth_date)
                       ORDER BY c.birth_date)
                     FROM child c WHERE c.household_id = h.id), '[]')
    FROM caller, network_member m JOIN household h ON h.id = m.household_id
    WHERE m.network_id = p_network
      AND EXISTS (SELECT 1 FROM network_municipality nm
                  WHERE nm.network_id = p_network AND nm.municipality_id = caller.municipality_id)
      AND (caller.own_network IS NULL OR caller.own_network = p_network)
  $$;
ALTER FUNCTION network_member_contacts(uuid) OWNER TO landsby_network_share;
REVOKE ALL ON FUNCTION network_member_contacts(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION network_member_contacts(uuid) TO landsby_app;

-- Municipalities by name and number (kommunenummer), for a joint network: no tenant data.
CREATE FUNCTION municipality_names()
  RETURNS TABLE (id int, name text, number text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT id, name, number::text FROM municipality ORDER BY name $$;
GRANT SELECT (id, name, number) ON municipality TO landsby_network_share;
CREATE POLICY network_share ON municipality TO landsby_network_share USING (true);
ALTER FUNCTION municipality_names() OWNER TO landsby_network_share;
REVOKE ALL ON FUNCTION municipality_names() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION municipality_names() TO landsby_app;
