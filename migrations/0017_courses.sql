-- The course register (SPEC sections 3–5; seeds 002, 003, 004): one register for every
-- programme. Bufetat's courses (PRIDE, Trygg Base, Solid, the course for children with foster
-- siblings), the resource family's intro course, the training of En god start's contact persons,
-- and courses the municipality adds. A completion belongs to one adult of a household (a foster
-- parent, a resource family's adult, a family-home parent) or to one staff user (a contact person).

CREATE TABLE course (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  -- the built-in courses by kind; 'other' is a course the municipality adds, with its own name
  kind text NOT NULL CHECK (kind IN ('pride', 'trygg_base', 'solid', 'foster_siblings',
    'resource_family_intro', 'contact_person_training', 'other')),
  name text CHECK (char_length(name) BETWEEN 1 AND 120),
  provider text CHECK (char_length(provider) <= 120),
  archived boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'other' OR name IS NOT NULL)
);
-- One row per built-in course and municipality.
CREATE UNIQUE INDEX course_builtin ON course (municipality_id, kind) WHERE kind <> 'other';

CREATE TABLE course_completion (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  course_id uuid NOT NULL REFERENCES course (id),
  adult_id uuid REFERENCES adult (id) ON DELETE CASCADE,
  user_id uuid REFERENCES app_user (id),
  completed_on date NOT NULL,
  hours numeric(5, 1) CHECK (hours > 0 AND hours <= 500),
  -- who gave it: a person or an organisation, as text
  given_by text CHECK (char_length(given_by) <= 200),
  -- a course given in parts (the intro course's two conversations): which part
  part smallint CHECK (part BETWEEN 1 AND 20),
  -- the intro course's pamphlet left with the resource family (PDF, JPEG or PNG, at most 5 MiB)
  pamphlet bytea CHECK (octet_length(pamphlet) <= 5242880),
  pamphlet_type text CHECK (pamphlet_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((adult_id IS NULL) <> (user_id IS NULL)),
  CHECK ((pamphlet IS NULL) = (pamphlet_type IS NULL))
);
CREATE INDEX course_completion_adult ON course_completion (adult_id) WHERE adult_id IS NOT NULL;
CREATE INDEX course_completion_user ON course_completion (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX course_completion_course ON course_completion (municipality_id, course_id);

-- A team leader's decision that a household may be a resource family without Solid, with the reason.
CREATE TABLE course_override (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('solid')),
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  decided_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (household_id, kind)
);

ALTER TABLE course ENABLE ROW LEVEL SECURITY;
ALTER TABLE course FORCE ROW LEVEL SECURITY;
ALTER TABLE course_completion ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_completion FORCE ROW LEVEL SECURITY;
ALTER TABLE course_override ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_override FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON course TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON course_completion TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE ON course TO landsby_app;
CREATE POLICY tenant ON course_override TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
GRANT SELECT, INSERT, UPDATE, DELETE ON course_completion TO landsby_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON course_override TO landsby_app;
