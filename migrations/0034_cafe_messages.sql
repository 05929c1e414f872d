-- The café's messages after the invitation (issue 16 point 4): a cancellation notice when the team
-- cancels the café, and after it a thank-you to those who came and a "we missed you" to those who
-- said they were coming and did not. Each is one message per invitation (the UNIQUE on
-- invitation, purpose and channel), so a household hears it once.
ALTER TABLE message DROP CONSTRAINT message_purpose_check;
ALTER TABLE message ADD CONSTRAINT message_purpose_check
  CHECK (purpose ~ '^(invitation|promotion|cancellation|thanks|missed|confirmation:[0-9]+|reminder:[a-z0-9-]{1,40})$');

-- A cancelled café withdraws what was still waiting to go (invitations, reminders): never sent,
-- so nothing to keep (features/sending/queries/follow-up.ts withdrawQueued).
GRANT DELETE ON message TO landsby_app;
