-- Hand-added (issue #17): btree_gin lets the trigram indexes below start with tenant_id; it is a
-- trusted extension (PostgreSQL 13+), and PGlite loads it (PGLITE_EXTENSIONS).
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "party_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_head" text GENERATED ALWAYS AS (f_unaccent(lower(code || ' ' || subject || ' ' || party_text))) STORED;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_body" text GENERATED ALWAYS AS (f_unaccent(lower(content))) STORED;--> statement-breakpoint
CREATE INDEX "cases_search_head_trgm" ON "cases" USING gin ("tenant_id","search_head" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_search_body_trgm" ON "cases" USING gin ("tenant_id","search_body" gin_trgm_ops);--> statement-breakpoint
CREATE VIEW "public"."case_search" AS (select tenant_id, id, code, kind, channel, status, received_on, subject, instance, unit_id, handler_id, decision_maker_id, anonymous, search_head, search_body from cases where tenant_id = app_current_tenant());--> statement-breakpoint
-- Hand-added (issue #17): the application role reads the search view (caseSearch in tables.ts).
GRANT SELECT ON "case_search" TO danchu_app;
