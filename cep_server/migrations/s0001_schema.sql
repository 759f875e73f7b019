-- cep-server schema (PostgreSQL >= 15). Run by the schema owner (cep_server.db.migrate);
-- the API logs in as cep_api, which owns nothing and sees rows through RLS only.
CREATE TABLE teams (id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE counsellors (
    sub text PRIMARY KEY,
    team_id text NOT NULL REFERENCES teams(id),
    role text NOT NULL CHECK (role IN ('counsellor', 'team_lead')),
    display_name text NOT NULL DEFAULT ''
);
CREATE TABLE devices (
    device_id uuid PRIMARY KEY,
    sub text NOT NULL REFERENCES counsellors(sub),
    name text NOT NULL,
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE TABLE files (
    file_uid uuid PRIMARY KEY,
    team_id text NOT NULL REFERENCES teams(id),
    owner_sub text REFERENCES counsellors(sub),
    owner_team text REFERENCES teams(id),
    site text NOT NULL DEFAULT '',
    erased_at timestamptz,
    CHECK ((owner_sub IS NULL) <> (owner_team IS NULL))
);
CREATE SEQUENCE sync_seq;
CREATE TABLE sync_records (
    uid uuid PRIMARY KEY,
    kind text NOT NULL,
    file_uid uuid NOT NULL REFERENCES files(file_uid),
    version integer NOT NULL,
    fields jsonb NOT NULL DEFAULT '{}',
    field_versions jsonb NOT NULL DEFAULT '{}',
    field_changes jsonb NOT NULL DEFAULT '{}',  -- field -> {"by": sub, "at": iso time}
    deleted boolean NOT NULL DEFAULT false,
    erased boolean NOT NULL DEFAULT false,
    last_op text NOT NULL DEFAULT 'upsert',
    seq bigint NOT NULL DEFAULT nextval('sync_seq')
);
CREATE INDEX sync_records_file ON sync_records (file_uid);
CREATE INDEX sync_records_seq ON sync_records (seq);
CREATE TABLE applied_ops (
    op_id uuid PRIMARY KEY,
    sub text NOT NULL,
    device_id uuid NOT NULL,
    result jsonb NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE conflicts (
    id bigserial PRIMARY KEY,
    op_id uuid NOT NULL,
    sub text NOT NULL,
    uid uuid NOT NULL,
    file_uid uuid NOT NULL,
    field text NOT NULL,
    op_value jsonb,
    server_value jsonb,
    server_changed_by text,
    server_changed_at text,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE transfers (
    id bigserial PRIMARY KEY,
    file_uid uuid NOT NULL REFERENCES files(file_uid),
    from_sub text,
    from_team text,
    to_sub text,
    to_team text,
    site text NOT NULL,
    by_sub text NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('sync_seq'),
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE server_audit (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    sub text NOT NULL,
    action text NOT NULL,
    file_uid uuid,
    detail jsonb NOT NULL DEFAULT '{}'  -- counts and ids only, never content
);
CREATE TABLE backups (
    sub text NOT NULL,
    name text NOT NULL,
    data bytea NOT NULL,
    size bigint NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sub, name)
);

-- Row-level security on every table, forced (the owner too).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['teams','counsellors','devices','files','sync_records','applied_ops',
                           'conflicts','transfers','server_audit','backups'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;

CREATE FUNCTION app_sub() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('app.sub', true), '') $$;
CREATE FUNCTION app_team() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('app.team', true), '') $$;
CREATE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('app.role', true), '') $$;

CREATE POLICY teams_own ON teams FOR SELECT USING (id = app_team());
CREATE POLICY counsellors_team ON counsellors FOR SELECT
  USING (sub = app_sub() OR team_id = app_team());
CREATE POLICY devices_own ON devices USING (sub = app_sub()) WITH CHECK (sub = app_sub());
-- A counsellor sees the files she owns; the content rows follow the file.
CREATE POLICY files_owner ON files FOR SELECT
  USING (app_role() = 'counsellor' AND owner_sub = app_sub());
CREATE POLICY files_owner_upd ON files FOR UPDATE
  USING (app_role() = 'counsellor' AND owner_sub = app_sub());
CREATE POLICY records_owner ON sync_records
  USING (app_role() = 'counsellor' AND EXISTS (
    SELECT 1 FROM files f WHERE f.file_uid = sync_records.file_uid AND f.owner_sub = app_sub()))
  WITH CHECK (app_role() = 'counsellor' AND EXISTS (
    SELECT 1 FROM files f WHERE f.file_uid = sync_records.file_uid AND f.owner_sub = app_sub()));
CREATE POLICY ops_own ON applied_ops USING (sub = app_sub()) WITH CHECK (sub = app_sub());
CREATE POLICY conflicts_own ON conflicts USING (sub = app_sub()) WITH CHECK (sub = app_sub());
CREATE POLICY transfers_seen ON transfers FOR SELECT
  USING (from_sub = app_sub() OR to_sub = app_sub()
         OR (app_role() = 'team_lead' AND (from_team = app_team() OR to_team = app_team())));
CREATE POLICY audit_insert ON server_audit FOR INSERT WITH CHECK (sub = app_sub());
CREATE POLICY backups_own ON backups USING (sub = app_sub()) WITH CHECK (sub = app_sub());

-- A push on an unknown file creates it, owned by the caller; true when the caller owns it.
CREATE FUNCTION claim_file(p_file uuid, p_site text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF app_role() <> 'counsellor' OR app_sub() = '' THEN RETURN false; END IF;
  INSERT INTO files (file_uid, team_id, owner_sub, site)
    VALUES (p_file, app_team(), app_sub(), coalesce(p_site, ''))
    ON CONFLICT (file_uid) DO NOTHING;
  RETURN EXISTS (SELECT 1 FROM files WHERE file_uid = p_file AND owner_sub = app_sub());
END $$;

-- Transfer by the owner or a lead of the file's team; the records get new sequence numbers
-- so that the new owner pulls them. Returns an error word or 'ok'.
CREATE FUNCTION transfer_file(p_file uuid, p_to_sub text, p_to_team text, p_site text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE f files%ROWTYPE; target_team text;
BEGIN
  SELECT * INTO f FROM files WHERE file_uid = p_file FOR UPDATE;
  IF NOT FOUND THEN RETURN 'not_found'; END IF;
  IF NOT (f.owner_sub = app_sub()
          OR (app_role() = 'team_lead' AND f.team_id = app_team())) THEN
    RETURN 'forbidden';
  END IF;
  IF p_to_sub IS NOT NULL THEN
    SELECT team_id INTO target_team FROM counsellors WHERE sub = p_to_sub AND role = 'counsellor';
    IF NOT FOUND THEN RETURN 'unknown_target'; END IF;
  ELSE
    SELECT id INTO target_team FROM teams WHERE id = p_to_team;
    IF NOT FOUND THEN RETURN 'unknown_target'; END IF;
  END IF;
  INSERT INTO transfers (file_uid, from_sub, from_team, to_sub, to_team, site, by_sub)
    VALUES (p_file, f.owner_sub, f.team_id, p_to_sub, target_team, coalesce(p_site, f.site),
            app_sub());
  UPDATE files SET owner_sub = p_to_sub, owner_team = CASE WHEN p_to_sub IS NULL
      THEN target_team END, team_id = target_team, site = coalesce(p_site, f.site)
    WHERE file_uid = p_file;
  UPDATE sync_records SET seq = nextval('sync_seq') WHERE file_uid = p_file;
  INSERT INTO server_audit (sub, action, file_uid, detail)
    VALUES (app_sub(), 'transfer', p_file,
            jsonb_build_object('from', f.owner_sub, 'to', p_to_sub, 'to_team', target_team));
  RETURN 'ok';
END $$;

-- Team lead: counts only, cells under 5 suppressed (NULL).
CREATE FUNCTION team_counts() RETURNS TABLE (kind text, n bigint)
LANGUAGE sql SECURITY DEFINER STABLE SET search_path = public AS $$
  SELECT c.kind, CASE WHEN c.n < 5 THEN NULL ELSE c.n END
  FROM (
    SELECT 'files'::text AS kind, count(*) AS n FROM files
      WHERE team_id = app_team() AND erased_at IS NULL
    UNION ALL
    SELECT r.kind, count(*) FROM sync_records r JOIN files f USING (file_uid)
      WHERE f.team_id = app_team() AND NOT r.deleted GROUP BY r.kind
  ) c
  WHERE app_role() = 'team_lead'
$$;

CREATE FUNCTION revoke_device(p_device uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE devices d SET revoked_at = now() FROM counsellors c
    WHERE d.device_id = p_device AND c.sub = d.sub AND d.revoked_at IS NULL
      AND (d.sub = app_sub() OR (app_role() = 'team_lead' AND c.team_id = app_team()));
  RETURN FOUND;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
