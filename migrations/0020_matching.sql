-- Matching children to a resource-family network, the short list of resource-family candidates,
-- and the team's insight on networks (SPEC section 3, seed 003: "først identifisere barna som skal
-- med i nettverket, og så lete fram en egnet ressursfamilie-kandidat som passer til barna").
--
-- sibling_group on child: the registry recorded no siblings. Children of one municipality with the
-- same sibling_group are siblings (the seed: siblings placed in different homes may share a
-- network). Only a grouping key, no further data; it goes with the child when a household is erased.
ALTER TABLE child ADD COLUMN sibling_group uuid;
CREATE INDEX child_sibling_group ON child (municipality_id, sibling_group) WHERE sibling_group IS NOT NULL;

-- A household on the team's short list of resource-family candidates, recruited by direct
-- approach: where the approach stands, since when, and the team's suitability notes (staff only:
-- no resource family's account reads this table, see the restrictive policy below).
CREATE TABLE resource_family_candidate (
  municipality_id int NOT NULL REFERENCES municipality (id),
  household_id uuid NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('identified', 'approached', 'considering', 'accepted', 'declined')),
  status_on date NOT NULL,
  suitability_note text CHECK (char_length(suitability_note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (household_id)
);
CREATE INDEX resource_family_candidate_municipality ON resource_family_candidate (municipality_id, status);

-- A network's yearly budget (NOK, in øre) set by the team; the approved expense claims are measured
-- against it. Networks part 1 had only the seed's Christmas and summer allowance per member.
CREATE TABLE network_budget (
  network_id uuid NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  municipality_id int NOT NULL REFERENCES municipality (id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount_ore bigint NOT NULL CHECK (amount_ore >= 0 AND amount_ore <= 100000000000),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, year)
);

ALTER TABLE resource_family_candidate ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource_family_candidate FORCE ROW LEVEL SECURITY;
ALTER TABLE network_budget ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_budget FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON resource_family_candidate TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY tenant ON network_budget TO landsby_app
  USING (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int)
  WITH CHECK (municipality_id = NULLIF(current_setting('app.municipality', true), '')::int);
CREATE POLICY own_network ON resource_family_candidate AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);
CREATE POLICY own_network ON network_budget AS RESTRICTIVE TO landsby_app
  USING (app_network_user_network() IS NULL);

GRANT SELECT, INSERT, UPDATE, DELETE ON resource_family_candidate TO landsby_app;
GRANT SELECT, INSERT, UPDATE ON network_budget TO landsby_app;
