-- Digital mail status (src/features/sending/digital-mail-status.ts): a job asks SvarUt how each
-- digital-mail message that is 'sent' is doing. status_checked_at is when SvarUt was last asked
-- about it, so each message is asked at most every few minutes and the longest unasked go first.
ALTER TABLE message ADD COLUMN status_checked_at timestamptz;

CREATE INDEX message_digital_mail_pending ON message (municipality_id, status_checked_at)
  WHERE channel = 'digital_mail' AND status = 'sent';

-- The job finds which municipalities have digital mail to ask about as landsby_system, which
-- still sees no person: the channel and when it was last asked, beside the columns of 0007.
GRANT SELECT (channel, sent_at, status_checked_at) ON message TO landsby_system;
