-- Invitation templates (issue 6 point 4): the municipality's own template per language, with
-- merge fields (src/domain/template.ts). A language without a row uses the built-in default.

CREATE TABLE invitation_template (
  municipality_id int NOT NULL REFERENCES municipality (id),
  -- a base language code: nb, nn, en, ar, so, ti, …
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
  subject text NOT NULL CHECK (char_length(subject) <= 200),
  body text NOT NULL CHECK (char_length(body) <= 5000),
  sms text NOT NULL CHECK (char_length(sms) <= 320),
  version int NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, language)
);

ALTER TABLE invitation_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation_template FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON invitation_template TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON invitation_template TO landsby_app;
