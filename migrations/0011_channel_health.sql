-- When a provider is down (issue 19 part 1): how each channel is doing for a municipality, so the
-- sending page can say which one is failing, since when and with what answer; so the worker tries
-- one message at a time while it is down (a probe) instead of every message; and so it resumes as
-- soon as the probe goes through.
--   failing_since   when the channel started failing (null: working)
--   last_answer     the provider's last answer, with addresses and numbers taken out
--   next_probe_at   when the worker next tries one message while it is failing
CREATE TABLE channel_health (
  municipality_id int NOT NULL REFERENCES municipality (id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'letter', 'digital_mail')),
  failing_since timestamptz,
  last_failure_at timestamptz,
  last_answer text CHECK (char_length(last_answer) <= 500),
  next_probe_at timestamptz,
  PRIMARY KEY (municipality_id, channel)
);

-- A message held back by a passing failure is tried again until its time runs out: failing_since
-- is when its first passing failure came (SEND_RETRY_HOURS count from it). gave_up says why it was
-- then marked failed: the event started, the answer deadline passed, or the retry time ran out.
ALTER TABLE message ADD COLUMN failing_since timestamptz;
ALTER TABLE message ADD COLUMN gave_up text CHECK (gave_up IN ('event_started', 'deadline', 'retry_time'));

ALTER TABLE channel_health ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel_health FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON channel_health TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE ON channel_health TO landsby_app;

-- The resume job (as landsby_system) leaves an event whose only work is for a failing channel to
-- the probes, unless a probe is overdue (its process stopped): it reads when, never who or what.
GRANT SELECT (municipality_id, channel, failing_since, next_probe_at) ON channel_health TO landsby_system;
CREATE POLICY system_finds_work ON channel_health TO landsby_system USING (true);
