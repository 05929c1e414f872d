-- Inter-municipal programmes (SPEC section 4, seed 002): a programme spans several
-- municipalities (6–10 in Rogaland with Bufetat and RKBU). The programme and its plan are not
-- one municipality's: they hold no personal data of a household. A municipality's rows about
-- its part (its phase, its checklist) carry its municipality_id and are its tenant rows.

CREATE TABLE programme (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The member municipalities and the phase each is in (1 set up and map … 5 implement).
CREATE TABLE programme_municipality (
  programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  phase smallint NOT NULL DEFAULT 1 CHECK (phase BETWEEN 1 AND 5),
  joined_on date NOT NULL DEFAULT CURRENT_DATE,
  PRIMARY KEY (programme_id, municipality_id)
);
CREATE INDEX programme_municipality_municipality ON programme_municipality (municipality_id);

ALTER TABLE programme_municipality ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_municipality FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON programme_municipality TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT ON programme TO landsby_app;
GRANT SELECT, UPDATE (phase) ON programme_municipality TO landsby_app;
