-- Import of households from the case-management system's CSV and Excel exports (SPEC section 1).
--
-- import_job: an uploaded file, parsed, kept only until it is imported (then its rows are
-- removed) or for 24 hours at most (then the whole job is removed). The rows are personal data.
-- import_mapping: a named column mapping the municipality saves to reuse with the next export.

CREATE TABLE import_job (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  created_by uuid,
  file_name text,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  -- how a CSV was read: 'utf-8', 'windows-1252', 'utf-16le'; its separator
  encoding text,
  delimiter text,
  headers jsonb NOT NULL,
  -- [{ "row": spreadsheet row number, "cells": [text, ...] }, ...]; NULL once imported
  rows json,
  -- the first few rows, to show again in the mapping step; NULL once imported
  sample json,
  row_count int NOT NULL,
  -- ready: uploaded, may be checked and imported; done: imported, rows removed
  status text NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'done')),
  -- the mapping of the last dry run or of the import, to show it again after a reload
  mapping jsonb,
  -- counts only, no personal data: { created, updated, unchanged, skipped }
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours',
  CHECK (status = 'ready' OR (rows IS NULL AND sample IS NULL))
);
CREATE INDEX import_job_expiry ON import_job (expires_at);
CREATE INDEX import_job_municipality ON import_job (municipality_id, created_at DESC);

CREATE TABLE import_mapping (
  id uuid PRIMARY KEY,
  municipality_id int NOT NULL REFERENCES municipality (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- { "columns": [{ "header": "Fornavn", "target": "adult1.firstName" }, ...],
  --   "key": "externalRef", "defaults": { "kind": "foster", "relation": "care" } }
  mapping jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, name)
);

ALTER TABLE import_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_job FORCE ROW LEVEL SECURITY;
ALTER TABLE import_mapping ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_mapping FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant ON import_job TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
CREATE POLICY tenant ON import_mapping TO landsby_app
  USING (municipality_id = app_municipality()) WITH CHECK (municipality_id = app_municipality());
-- The hourly sweep runs without a tenant: it may see and remove expired jobs, and nothing else.
CREATE POLICY expired ON import_job TO landsby_system USING (expires_at < now());

GRANT SELECT, INSERT, UPDATE, DELETE ON import_job, import_mapping TO landsby_app;
GRANT SELECT (id, expires_at), DELETE ON import_job TO landsby_system;
