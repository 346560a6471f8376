-- Tenant isolation by row-level security (DESIGN.md, Data). The application never queries as
-- the owner: each transaction runs `SET LOCAL ROLE danchu_app` with `app.tenant_id` set, so a
-- query that forgets its tenant filter still sees only its own agency's rows.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'danchu_app') THEN
    CREATE ROLE danchu_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
END $$;
--> statement-breakpoint
-- The connecting role must be a member of danchu_app to SET ROLE to it (a no-op for superusers).
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'danchu_app', 'MEMBER') THEN
    EXECUTE format('GRANT danchu_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO danchu_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
-- Every later migration that adds a table calls this; a test checks that no table is left out.
CREATE OR REPLACE FUNCTION danchu_protect_table(t regclass) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', t);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO danchu_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO danchu_app', t);
END $$;
--> statement-breakpoint
SELECT danchu_protect_table(c.oid::regclass)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind = 'r'
   AND c.relname IN ('tenants','users','sessions','audit_log','audit_heads','notifications','attachments',
                     'search_entries','units','unit_successions','role_assignments','calendar_exceptions','calendar_years');
--> statement-breakpoint
-- Log-in and session look-ups happen before the tenant is known. These two functions run as their
-- owner (bypassing RLS) and return only the tenant and user ids, nothing else.
CREATE OR REPLACE FUNCTION auth_find_login(p_username text) RETURNS TABLE(tenant_id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT u.tenant_id, u.id FROM users u WHERE lower(u.username) = lower(p_username) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_find_session(p_token_hash text) RETURNS TABLE(tenant_id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT s.tenant_id, s.user_id FROM sessions s WHERE s.token_hash = p_token_hash AND s.expires_at > now() $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_find_login(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_find_session(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_find_login(text) TO danchu_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_find_session(text) TO danchu_app;
--> statement-breakpoint
-- The audit log is append-only for the application: only the chain verifier (as owner) reads all of it.
REVOKE UPDATE, DELETE ON audit_log FROM danchu_app;
