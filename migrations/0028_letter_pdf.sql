-- Two processes on one PostgreSQL (issue 17 point 9): a printed letter's PDF waited for the print
-- room in the sending process's DATA_DIR, so the merged print file asked of another process
-- found none of them. It is kept here, with its message, so every process reaches it, and it is
-- in the backup with everything else. A message sent again replaces its letter (one per message).
CREATE TABLE letter_pdf (
  message_id uuid PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  pdf bytea NOT NULL CHECK (octet_length(pdf) BETWEEN 8 AND 10485760),
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE letter_pdf ENABLE ROW LEVEL SECURITY;
ALTER TABLE letter_pdf FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON letter_pdf TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON letter_pdf TO landsby_app;

-- The letter bears the household's name and address. Its message loses the household when the
-- household is erased (ON DELETE SET NULL) or when retention anonymises a past event's messages:
-- the letter goes then too, whichever code did it.
CREATE FUNCTION letter_pdf_goes_with_household() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM letter_pdf WHERE message_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER letter_pdf_goes_with_household AFTER UPDATE OF household_id ON message
  FOR EACH ROW WHEN (OLD.household_id IS NOT NULL AND NEW.household_id IS NULL)
  EXECUTE FUNCTION letter_pdf_goes_with_household();
