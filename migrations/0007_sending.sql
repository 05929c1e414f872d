-- Sending invitations (issue 6 points 2, 5 and 6): the event's image, the channel the team chose
-- (for all, or per household), when the invitations go out, and for each household its
-- invitation (with the hash of its personal answer link) and the messages that carried it.

-- The team's choice of channel for every household of the event (null: each household's own
-- preference), and when the invitations go out (null: not planned yet).
ALTER TABLE event ADD COLUMN channel text CHECK (channel IN ('email', 'sms', 'letter', 'digital_mail'));
ALTER TABLE event ADD COLUMN send_at timestamptz;
-- Who planned or started the sending: the sending job acts on their behalf in the audit log.
ALTER TABLE event ADD COLUMN send_by uuid;

-- The team's choice of channel for one household (null: as for the others).
ALTER TABLE event_invitee ADD COLUMN channel text CHECK (channel IN ('email', 'sms', 'letter', 'digital_mail'));

-- One picture per event for the invitation (e-mail) and the answer page; small, checked on upload.
CREATE TABLE event_image (
  event_id uuid PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) <= 2097152),
  -- the description read out by a screen reader, and shown when images are off
  alt text NOT NULL CHECK (char_length(alt) BETWEEN 1 AND 300),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One invitation per household and event. The answer link's token is derived from the id with
-- the secret key (src/features/sending/tokens.ts), so the same link can be sent again; only its
-- hash is stored, to find the invitation when the link is opened. household_id is set null
-- when a household is erased: what was sent stays countable, without anyone in it.
CREATE TABLE invitation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  household_id uuid REFERENCES household (id) ON DELETE SET NULL,
  token_hash bytea NOT NULL UNIQUE,
  language text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, household_id)
);
CREATE INDEX invitation_household ON invitation (household_id);

-- One message per invitation and channel. Its id is our reference at the provider (SMTP
-- Message-ID, Sveve ref, SvarUt eksternReferanse), so sending it again is recognisable.
--   queued    waiting to be sent (not before not_before)
--   sending   claimed by a worker at claimed_at; after the lease it is claimed again (resume)
--   sent      the provider accepted it (a letter: its PDF is ready for the print room)
--   delivered the provider reported delivery
--   printed   the print room printed it (letters), or SvarUt sent it to print
--   failed    refused or given up; reason says why in the provider's words
CREATE TABLE message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  invitation_id uuid NOT NULL REFERENCES invitation (id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  household_id uuid REFERENCES household (id) ON DELETE SET NULL,
  purpose text NOT NULL DEFAULT 'invitation' CHECK (purpose IN ('invitation')),
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'letter', 'digital_mail')),
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'printed', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  provider_id text,
  reason text CHECK (char_length(reason) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (invitation_id, purpose, channel)
);
CREATE INDEX message_event_status ON message (event_id, status);
CREATE INDEX message_household ON message (household_id);
CREATE INDEX message_provider ON message (channel, provider_id);

ALTER TABLE event_image ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_image FORCE ROW LEVEL SECURITY;
ALTER TABLE invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation FORCE ROW LEVEL SECURITY;
ALTER TABLE message ENABLE ROW LEVEL SECURITY;
ALTER TABLE message FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON event_image TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON invitation TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON message TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

GRANT SELECT, INSERT, UPDATE, DELETE ON event_image TO landsby_app;
GRANT SELECT, INSERT ON invitation TO landsby_app;
GRANT SELECT, INSERT, UPDATE ON message TO landsby_app;

-- The jobs that find work across municipalities (resume sending, delivery reports) see only
-- which event has work, never a person: landsby_system reads these columns and nothing else.
GRANT SELECT (id, municipality_id, event_id, status, not_before, claimed_at) ON message TO landsby_system;
GRANT SELECT (id, municipality_id, send_at, status) ON event TO landsby_system;
CREATE POLICY system_finds_work ON message TO landsby_system USING (true);
CREATE POLICY system_finds_work ON event TO landsby_system USING (true);
