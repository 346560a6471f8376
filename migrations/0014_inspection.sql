CREATE TABLE "front_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organisation" text NOT NULL,
	"direction" text,
	"title" text NOT NULL,
	"document_ref" text,
	"held_on" date NOT NULL,
	"content" text NOT NULL,
	"response_due_on" date,
	"responded_on" date,
	"response" text,
	"follow_up" text,
	"review_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "front_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "front_items_held_idx" ON "front_items" USING btree ("tenant_id","held_on");