-- Retention (issue 17.10; SPEC Cross-cutting: "retention and deletion rules").
--   retention_setting  how many months the municipality keeps each kind of personal data
--                      (src/domain/retention.ts; the bounds are checked here as well, so no
--                      setting below the audit log's five years can be stored by any way in)
-- The daily retention run (src/features/retention/worker.ts) removes or anonymises in each
-- municipality's own tenant what has passed its period; its grants are below.

CREATE TABLE retention_setting (
  municipality_id int PRIMARY KEY REFERENCES municipality (id),
  answers_months int NOT NULL CHECK (answers_months BETWEEN 3 AND 60),
  feedback_months int NOT NULL CHECK (feedback_months BETWEEN 3 AND 60),
  import_files_months int NOT NULL CHECK (import_files_months BETWEEN 1 AND 12),
  call_notes_months int NOT NULL CHECK (call_notes_months BETWEEN 6 AND 60),
  archived_households_months int NOT NULL CHECK (archived_households_months BETWEEN 12 AND 120),
  audit_log_months int NOT NULL CHECK (audit_log_months BETWEEN 60 AND 120),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE retention_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON retention_setting TO landsby_app
  USING (municipality_id = app_municipality())
  WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE ON retention_setting TO landsby_app;

-- The audit log stays append-only, except that an entry older than the municipality's audit
-- period (five years unless it keeps them longer; never less, see the CHECK above) may be deleted.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.at < now() - make_interval(months => COALESCE(
      (SELECT s.audit_log_months FROM retention_setting s WHERE s.municipality_id = OLD.municipality_id),
      60)) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END $$;

-- What the run removes or anonymises (as landsby_app, in the municipality's tenant):
-- answers and messages of ended events lose their household and free text; invitations their
-- household; feedback responses, import files and old audit entries are deleted; call notes
-- lose their note.
GRANT DELETE ON audit_log, feedback_response TO landsby_app;
GRANT UPDATE (household_id) ON invitation TO landsby_app;
GRANT UPDATE (note) ON welcome_call TO landsby_app;
