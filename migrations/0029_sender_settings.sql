-- The municipality's own sender settings (issue 17.1; src/features/sender-settings):
--   sender_setting  how the team's messages name their sender (e-mail name and address, the SMS
--                   sender), which channels the municipality uses, and its own SvarUt account and
--                   Sveve account. A column left NULL means the installation's value (the
--                   environment variables in src/server/config.ts).
-- The SvarUt integration password and the Sveve password are sealed with AES-256-GCM under a key
-- derived from SECRET_KEY (src/server/secret-box.ts): the database holds "v1.<iv>.<tag>.<data>",
-- never the password, and no API answer carries them.

CREATE TABLE sender_setting (
  municipality_id int PRIMARY KEY REFERENCES municipality (id),
  sender_name text CHECK (char_length(sender_name) BETWEEN 1 AND 100),
  email_address text CHECK (email_address ~ '^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$' AND char_length(email_address) <= 254),
  -- Sveve: at most 11 letters (a-z), digits or spaces (INTEGRATIONS.md §1.2)
  sms_from text CHECK (sms_from ~ '^[A-Za-z0-9 ]{1,11}$'),
  -- NULL = all four; otherwise at least one of them
  channels text[] CHECK (cardinality(channels) >= 1
    AND channels <@ ARRAY['email', 'sms', 'letter', 'digital_mail']::text[]),
  svarut_konto_id uuid,
  svarut_integrasjon_id uuid,
  svarut_integrasjon_passord text CHECK (svarut_integrasjon_passord ~ '^v1\.'),
  sveve_user text CHECK (char_length(sveve_user) BETWEEN 1 AND 100),
  sveve_password text CHECK (sveve_password ~ '^v1\.'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((svarut_konto_id IS NULL) = (svarut_integrasjon_id IS NULL)
    AND (svarut_konto_id IS NULL) = (svarut_integrasjon_passord IS NULL)),
  CHECK ((sveve_user IS NULL) = (sveve_password IS NULL))
);

ALTER TABLE sender_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE sender_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON sender_setting TO landsby_app
  USING (municipality_id = app_municipality())
  WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE ON sender_setting TO landsby_app;
