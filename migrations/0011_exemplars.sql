CREATE TABLE "dv_model_evaluations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"council" text NOT NULL,
	"members" jsonb NOT NULL,
	"pass_mark" numeric(5, 2) NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"passed" text NOT NULL,
	"conclusion" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dv_model_evaluations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "dv_model_evaluations_passed" CHECK ("dv_model_evaluations"."passed" in ('yes','no'))
);
--> statement-breakpoint
CREATE TABLE "dv_model_evidence" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"note" text NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dv_model_evidence_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "dv_model_replications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"unit_id" uuid,
	"agency_name" text,
	"started_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dv_model_replications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "dv_model_replications_where" CHECK ("dv_model_replications"."unit_id" is not null or "dv_model_replications"."agency_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "dv_models" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"situation" text DEFAULT '' NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"criteria" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"beneficiaries" text DEFAULT '' NOT NULL,
	"forces" text DEFAULT '' NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"started_on" date NOT NULL,
	"milestones" text DEFAULT '' NOT NULL,
	"evaluation_due" date,
	"outputs" text DEFAULT '' NOT NULL,
	"sustainability" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"recognition_level" text,
	"recognition_ref" text,
	"recognized_on" date,
	"stopped_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dv_models_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "dv_models_status" CHECK ("dv_models"."status" in ('registered','launched','evaluated','commended','replicated','stopped')),
	CONSTRAINT "dv_models_level" CHECK ("dv_models"."recognition_level" is null or "dv_models"."recognition_level" in ('unit','agency','province','national'))
);
--> statement-breakpoint
ALTER TABLE "dv_model_evaluations" ADD CONSTRAINT "dv_model_evaluations_tenant_id_model_id_dv_models_tenant_id_id_fk" FOREIGN KEY ("tenant_id","model_id") REFERENCES "public"."dv_models"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dv_model_evidence" ADD CONSTRAINT "dv_model_evidence_tenant_id_model_id_dv_models_tenant_id_id_fk" FOREIGN KEY ("tenant_id","model_id") REFERENCES "public"."dv_models"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dv_model_replications" ADD CONSTRAINT "dv_model_replications_tenant_id_model_id_dv_models_tenant_id_id_fk" FOREIGN KEY ("tenant_id","model_id") REFERENCES "public"."dv_models"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dv_model_replications" ADD CONSTRAINT "dv_model_replications_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dv_models" ADD CONSTRAINT "dv_models_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dv_model_evaluations_model_idx" ON "dv_model_evaluations" USING btree ("tenant_id","model_id","evaluated_on");--> statement-breakpoint
CREATE INDEX "dv_model_evidence_model_idx" ON "dv_model_evidence" USING btree ("tenant_id","model_id","recorded_on");--> statement-breakpoint
CREATE INDEX "dv_models_unit_idx" ON "dv_models" USING btree ("tenant_id","unit_id");