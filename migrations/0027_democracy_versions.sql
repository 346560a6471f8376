CREATE TABLE "conference_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_id" uuid NOT NULL,
	"circulated_on" date NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "regulation_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"regulation" text NOT NULL,
	"number" integer NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"decision_ref" text NOT NULL,
	"disclosure_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "regulation_versions_regulation" CHECK ("regulation_versions"."regulation" in ('democracy', 'spending'))
);
--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "delegate_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_documents" ADD CONSTRAINT "conference_documents_tenant_id_conference_id_conferences_tenant_id_id_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_versions" ADD CONSTRAINT "regulation_versions_tenant_id_consultation_id_consultations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","consultation_id") REFERENCES "public"."consultations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_documents_conf_idx" ON "conference_documents" USING btree ("tenant_id","conference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_versions_number" ON "regulation_versions" USING btree ("tenant_id","regulation","number");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_versions_consultation" ON "regulation_versions" USING btree ("tenant_id","consultation_id");