-- Landsby foundation: municipalities (tenants), staff and citizen accounts, sessions,
-- one-time account tokens and the append-only audit log.
--
-- Two database roles, neither a superuser nor BYPASSRLS:
--   landsby_app     every request; sees only rows of the municipality in app.municipality
--   landsby_system  before a tenant is known: login, session lookup, seeding; no programme data
-- The connecting user owns the tables and runs migrations; it switches to one of the roles in
-- every transaction (src/db/tenant.ts). FORCE ROW LEVEL SECURITY makes the policies bind the
-- owner too, so a forgotten SET ROLE sees nothing rather than everything.

-- Roles belong to the whole server, not the database: another Landsby database on the same
-- server may have created them already, perhaps at this very moment.
DO $$
BEGIN
  CREATE ROLE landsby_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
DO $$
BEGIN
  CREATE ROLE landsby_system NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
GRANT landsby_app TO CURRENT_USER;
GRANT landsby_system TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO landsby_app, landsby_system;

-- The tenant of the current transaction, or NULL (= no rows) when none is set. NULLIF because an
-- unset custom setting reads as '' after its first use in a session.
CREATE FUNCTION app_municipality() RETURNS int
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.municipality', true), '')::int $$;

CREATE TABLE municipality (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  -- kommunenummer, four digits; the demo municipality uses 9999, which no real one has
  number char(4) NOT NULL UNIQUE CHECK (number ~ '^[0-9]{4}$'),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  first_name text NOT NULL,
  last_name text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  locale text NOT NULL DEFAULT 'nb' CHECK (locale IN ('nb', 'nn', 'en')),
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_user_municipality ON app_user (municipality_id);

-- A login at an OpenID provider linked to an account. Entra: subject = tid:oid (never e-mail).
-- ID-porten: subject = HMAC of the national identity number (pid), so the number itself is not kept.
CREATE TABLE user_identity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id int NOT NULL REFERENCES municipality (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  provider text NOT NULL CHECK (provider IN ('entra', 'idporten')),
  subject text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, subject)
);

-- Server-side sessions: the cookie holds a random token, the table its SHA-256.
CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  municipality_id int NOT NULL REFERENCES municipality (id),
  auth_method text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_user_id ON user_session (user_id);

-- One-time links sent by e-mail: invitation (set first password) and password reset.
CREATE TABLE account_token (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  municipality_id int NOT NULL REFERENCES municipality (id),
  purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per read or change of personal data. Append-only: the roles get INSERT and SELECT
-- only, and a trigger refuses UPDATE and DELETE from anyone, the owner included.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  action text NOT NULL,
  record_type text NOT NULL,
  record_id text,
  -- the person whose data it is (an app_user id today; households' adults later)
  subject_id text,
  ip text,
  details jsonb
);
CREATE INDEX audit_log_municipality_at ON audit_log (municipality_id, at DESC);
CREATE INDEX audit_log_subject ON audit_log (subject_id);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id);
CREATE INDEX audit_log_record ON audit_log (record_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Row-level security ---------------------------------------------------------------------------
ALTER TABLE municipality ENABLE ROW LEVEL SECURITY;
ALTER TABLE municipality FORCE ROW LEVEL SECURITY;
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
ALTER TABLE user_identity ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_identity FORCE ROW LEVEL SECURITY;
ALTER TABLE user_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_session FORCE ROW LEVEL SECURITY;
ALTER TABLE account_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_token FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON municipality TO landsby_app USING (id = app_municipality());
CREATE POLICY tenant ON app_user TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON user_identity TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON account_token TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON audit_log TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());

CREATE POLICY system ON municipality TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON app_user TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON user_identity TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON user_session TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON account_token TO landsby_system USING (true) WITH CHECK (true);
CREATE POLICY system ON audit_log TO landsby_system USING (true) WITH CHECK (true);

-- Grants ---------------------------------------------------------------------------------------
GRANT SELECT ON municipality TO landsby_app;
-- No password hashes for the request role: it may not even read the column.
GRANT SELECT (id, municipality_id, email, first_name, last_name, roles, active, locale, last_login_at,
              created_at, updated_at),
      INSERT (municipality_id, email, first_name, last_name, roles, locale),
      UPDATE (first_name, last_name, roles, active, locale, updated_at)
  ON app_user TO landsby_app;
GRANT SELECT (id, municipality_id, user_id, provider, created_at) ON user_identity TO landsby_app;
-- The admin invites users: the request role creates invitation tokens and sees whether one is pending.
GRANT SELECT (user_id, municipality_id, purpose, expires_at, used_at), INSERT ON account_token TO landsby_app;
GRANT SELECT, INSERT ON audit_log TO landsby_app;

GRANT SELECT, INSERT ON municipality TO landsby_system;
GRANT SELECT, INSERT, UPDATE ON app_user TO landsby_system;
GRANT SELECT, INSERT ON user_identity TO landsby_system;
GRANT SELECT, INSERT, UPDATE, DELETE ON user_session TO landsby_system;
GRANT SELECT, INSERT, UPDATE ON account_token TO landsby_system;
GRANT INSERT ON audit_log TO landsby_system;
