CREATE TABLE "outgoing_counters" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"last_number" integer NOT NULL,
	"last_issued_on" date NOT NULL,
	CONSTRAINT "outgoing_counters_tenant_id_year_series_pk" PRIMARY KEY("tenant_id","year","series"),
	CONSTRAINT "outgoing_counters_non_negative" CHECK ("outgoing_counters"."last_number" >= 0)
);
--> statement-breakpoint
CREATE TABLE "outgoing_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"number" integer NOT NULL,
	"number_symbol" text NOT NULL,
	"type_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"summary" text NOT NULL,
	"signer_name" text,
	"recipients" text,
	"drafting_unit_id" uuid,
	"source_type" text,
	"source_id" uuid,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outgoing_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "outgoing_documents_source_type" CHECK ("outgoing_documents"."source_type" is null or "outgoing_documents"."source_type" in ('plan','agency_report'))
);
--> statement-breakpoint
CREATE TABLE "outgoing_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"issuer_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_tenant_id_drafting_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","drafting_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outgoing_documents_number" ON "outgoing_documents" USING btree ("tenant_id","year","series","number");--> statement-breakpoint
CREATE UNIQUE INDEX "outgoing_documents_symbol" ON "outgoing_documents" USING btree ("tenant_id","year","number_symbol");--> statement-breakpoint
CREATE UNIQUE INDEX "outgoing_documents_source" ON "outgoing_documents" USING btree ("tenant_id","source_type","source_id");