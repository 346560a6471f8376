DROP VIEW "public"."search_entry_search";--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "audience" text[] DEFAULT '{staff}'::text[] NOT NULL;--> statement-breakpoint
CREATE VIEW "public"."search_entry_search" AS (select tenant_id, entity_type, entity_id, title, body, link, audience, folded from search_entries where tenant_id = app_current_tenant());--> statement-breakpoint
-- Hand-added (issue #17): the view was re-created, so the application role is granted it again.
GRANT SELECT ON "search_entry_search" TO danchu_app;
