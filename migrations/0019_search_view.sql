DROP INDEX "search_entries_folded_trgm";--> statement-breakpoint
CREATE INDEX "search_entries_folded_trgm" ON "search_entries" USING gin ("tenant_id","folded" gin_trgm_ops);--> statement-breakpoint
CREATE VIEW "public"."search_entry_search" AS (select tenant_id, entity_type, entity_id, title, body, link, folded from search_entries where tenant_id = app_current_tenant());--> statement-breakpoint
-- Hand-added (issue #17): the application role reads the search view (searchEntriesVisible in platform/tables.ts).
GRANT SELECT ON "search_entry_search" TO danchu_app;
