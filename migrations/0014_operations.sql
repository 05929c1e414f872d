-- Operations: a role for backups that see every row, counters of guessed links and failed logins
-- per address, and the networks each account has logged in from before.

-- pg_dump as the owner either fails (row-level security is forced on the owner) or, with
-- --enable-row-security, silently keeps no rows of any municipality. Backups run as this role
-- instead (npm run backup: pg_dump --role=landsby_backup). BYPASSRLS can only be given by a
-- superuser: where the migrating user is not one, a DBA creates the role (docs/operations.md)
-- and the backup refuses to run until it exists. It has no login and no grants of its own here:
-- the backup grants it SELECT on every table just before it dumps.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'landsby_backup')
     AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    CREATE ROLE landsby_backup NOLOGIN NOSUPERUSER BYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
-- Granted to the owner so that it may SET ROLE for the dump; where the owner may not grant it
-- (neither superuser nor CREATEROLE), the DBA does, and the backup says so until then.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'landsby_backup')
     AND NOT pg_has_role(current_user, 'landsby_backup', 'MEMBER') THEN
    EXECUTE 'GRANT landsby_backup TO CURRENT_USER';
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'landsby_backup is not granted to %: see docs/operations.md, Backups', current_user;
END
$$;

-- Wrong answer links, wrong feedback codes and failed logins per client network, in windows of
-- a few minutes (src/features/security). Shared by every app process, so a guesser cannot
-- multiply the limit by the number of processes. The address is kept only as a keyed hash, and
-- old windows are deleted as new ones are counted. No municipality: guessing happens before
-- anyone knows which municipality a link or an account belongs to.
CREATE TABLE guess_count (
  scope text NOT NULL CHECK (scope IN ('answer_link', 'feedback_link', 'login')),
  address_hash text NOT NULL,
  window_start timestamptz NOT NULL,
  guesses int NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, address_hash, window_start)
);

-- The networks an account has logged in from (a keyed hash of the address; for IPv6 its /64).
-- While an account backs off after failed logins, a correct password from one of these still
-- logs in, so someone who knows a staff e-mail cannot lock its owner out from elsewhere.
CREATE TABLE login_network (
  user_id uuid NOT NULL REFERENCES app_user (id),
  municipality_id int NOT NULL REFERENCES municipality (id),
  address_hash text NOT NULL,
  last_login_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, address_hash)
);

ALTER TABLE guess_count ENABLE ROW LEVEL SECURITY;
ALTER TABLE guess_count FORCE ROW LEVEL SECURITY;
ALTER TABLE login_network ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_network FORCE ROW LEVEL SECURITY;

CREATE POLICY system ON guess_count TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON login_network TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY tenant ON login_network TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

GRANT SELECT, INSERT, UPDATE, DELETE ON guess_count TO landsby_system;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_network TO landsby_system;
