-- The café's messages after the invitation (issue 16 point 4): a cancellation notice when the team
-- cancels the café, and after it a thank-you to those who came and a "we missed you" to those who
-- said they were coming and did not. Each is one message per invitation (the UNIQUE on
-- invitation, purpose and channel), so a household hears it once.
ALTER TABLE message DROP CONSTRAINT message_purpose_check;
ALTER TABLE message ADD CONSTRAINT message_purpose_check
  CHECK (purpose ~ '^(invitation|promotion|cancellation|thanks|missed|confirmation:[0-9]+|reminder:[a-z0-9-]{1,40})$');

-- The team's own text of a notice (the confirmation, the reminder, the cancellation …) per
-- language, like invitation_template; without a row the household catalogue's default is sent.
CREATE TABLE notice_template (
  municipality_id int NOT NULL REFERENCES municipality (id),
  -- which notice: a NoticeKind the team may edit (src/domain/notices.ts)
  kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
  subject text NOT NULL CHECK (char_length(subject) <= 200),
  body text NOT NULL CHECK (char_length(body) <= 5000),
  sms text NOT NULL CHECK (char_length(sms) <= 320),
  version int NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, kind, language)
);

ALTER TABLE notice_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE notice_template FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON notice_template TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON notice_template TO landsby_app;

-- A cancelled café withdraws what was still waiting to go (invitations, reminders): never sent,
-- so nothing to keep (features/sending/queries/follow-up.ts withdrawQueued).
GRANT DELETE ON message TO landsby_app;
