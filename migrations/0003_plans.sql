CREATE TABLE "legal_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"symbol" text NOT NULL,
	"type_code" text,
	"type_name" text NOT NULL,
	"issuer_code" text,
	"issuer" text,
	"title" text,
	"issued_on" date,
	"effective_on" date,
	"status" text DEFAULT 'in_force' NOT NULL,
	"replaced_by_id" uuid,
	"note" text,
	"confidence" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_citations" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"source_text" text,
	CONSTRAINT "plan_citations_tenant_id_plan_id_document_id_pk" PRIMARY KEY("tenant_id","plan_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"implements_item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "plan_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_recipients" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"unit_id" uuid,
	CONSTRAINT "plan_recipients_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_required_units" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	CONSTRAINT "plan_required_units_tenant_id_plan_id_unit_id_pk" PRIMARY KEY("tenant_id","plan_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "plan_sections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"numeral" text NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "plan_sections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"parent_plan_id" uuid,
	"unit_id" uuid,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"issuer_parent" text,
	"issuer" text NOT NULL,
	"number_symbol" text,
	"place" text NOT NULL,
	"signed_on" date,
	"document_type" text DEFAULT 'KẾ HOẠCH' NOT NULL,
	"summary" text NOT NULL,
	"preamble" text,
	"signer_mode" text,
	"signer_authority" text,
	"signer_title" text,
	"signer_name" text,
	"archive" text,
	"unit_plans_due_on" date,
	"import_source" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plans_status" CHECK ("plans"."status" in ('draft','issued','archived'))
);
--> statement-breakpoint
CREATE TABLE "task_updates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"progress" integer NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_updates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"title" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"co_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"due_on" date,
	"recurrence" jsonb,
	"expected_evidence" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "tasks_progress" CHECK ("tasks"."progress" between 0 and 100),
	CONSTRAINT "tasks_status" CHECK ("tasks"."status" in ('not_started','in_progress','done','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_tenant_id_replaced_by_id_legal_documents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","replaced_by_id") REFERENCES "public"."legal_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_citations" ADD CONSTRAINT "plan_citations_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_citations" ADD CONSTRAINT "plan_citations_tenant_id_document_id_legal_documents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."legal_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_tenant_id_section_id_plan_sections_tenant_id_id_fk" FOREIGN KEY ("tenant_id","section_id") REFERENCES "public"."plan_sections"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_recipients" ADD CONSTRAINT "plan_recipients_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_required_units" ADD CONSTRAINT "plan_required_units_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_required_units" ADD CONSTRAINT "plan_required_units_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_parent_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_tenant_id_task_id_tasks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","task_id") REFERENCES "public"."tasks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_tenant_id_author_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_plan_id_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_item_id_plan_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."plan_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_lead_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_documents_symbol_key" ON "legal_documents" USING btree ("tenant_id","symbol","issued_on");--> statement-breakpoint
CREATE INDEX "plans_parent_idx" ON "plans" USING btree ("tenant_id","parent_plan_id");--> statement-breakpoint
CREATE INDEX "task_updates_task_idx" ON "task_updates" USING btree ("tenant_id","task_id","reported_on");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "tasks_lead_idx" ON "tasks" USING btree ("tenant_id","lead_unit_id");--> statement-breakpoint
SELECT danchu_protect_table('legal_documents');
--> statement-breakpoint
SELECT danchu_protect_table('plans');
--> statement-breakpoint
SELECT danchu_protect_table('plan_citations');
--> statement-breakpoint
SELECT danchu_protect_table('plan_recipients');
--> statement-breakpoint
SELECT danchu_protect_table('plan_sections');
--> statement-breakpoint
SELECT danchu_protect_table('plan_items');
--> statement-breakpoint
SELECT danchu_protect_table('plan_required_units');
--> statement-breakpoint
SELECT danchu_protect_table('tasks');
--> statement-breakpoint
SELECT danchu_protect_table('task_updates');
