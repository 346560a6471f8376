CREATE TABLE "disclosure_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"category" integer NOT NULL,
	"source_ref" text NOT NULL,
	"source_document_id" uuid,
	"source_file_id" uuid,
	"decided_on" date NOT NULL,
	"audience" text NOT NULL,
	"unit_id" uuid,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"keep_posted" boolean DEFAULT false NOT NULL,
	"publish_by" date NOT NULL,
	"publish_by_explanation" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"posted_on" date,
	"posted_until" date,
	"posted_until_explanation" jsonb,
	"withdrawn_on" date,
	"withdraw_reason" text,
	"withdrawn_by" text,
	"origin_module" text,
	"origin_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "disclosure_items_category" CHECK ("disclosure_items"."category" between 1 and 12),
	CONSTRAINT "disclosure_items_status" CHECK ("disclosure_items"."status" in ('draft','posted','withdrawn')),
	CONSTRAINT "disclosure_items_audience" CHECK ("disclosure_items"."audience" in ('staff','unit','public')),
	CONSTRAINT "disclosure_items_unit" CHECK (("disclosure_items"."audience" = 'unit') = ("disclosure_items"."unit_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "disclosure_receipts" (
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_receipts_tenant_id_item_id_user_id_pk" PRIMARY KEY("tenant_id","item_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "disclosure_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "disclosure_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"commune_level" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosure_items" ADD CONSTRAINT "disclosure_items_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_receipts" ADD CONSTRAINT "disclosure_receipts_tenant_id_item_id_disclosure_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."disclosure_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_receipts" ADD CONSTRAINT "disclosure_receipts_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_requests" ADD CONSTRAINT "disclosure_requests_tenant_id_item_id_disclosure_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."disclosure_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_items_status_idx" ON "disclosure_items" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "disclosure_requests_item_idx" ON "disclosure_requests" USING btree ("tenant_id","item_id");