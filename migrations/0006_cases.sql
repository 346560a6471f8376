CREATE TABLE "case_deadlines" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"rule_version" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"trigger" date NOT NULL,
	"due" date NOT NULL,
	"status" text NOT NULL,
	"met_on" date,
	"explanation" jsonb NOT NULL,
	"basis" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_deadlines_tenant_id_case_id_rule_id_pk" PRIMARY KEY("tenant_id","case_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"on" date NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"summary" text NOT NULL,
	"decision_no" text,
	"attachment_id" uuid,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_links" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"other_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_links_tenant_id_case_id_other_id_pk" PRIMARY KEY("tenant_id","case_id","other_id"),
	CONSTRAINT "case_links_relation" CHECK ("case_links"."relation" in ('duplicate','repeat','related')),
	CONSTRAINT "case_links_distinct" CHECK ("case_links"."case_id" <> "case_links"."other_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"tracking_code" text,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_on" date NOT NULL,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"source_body" text,
	"knowledge_on" date,
	"obstacle_from" date,
	"obstacle_to" date,
	"anonymous" boolean DEFAULT false NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"about_regulation" boolean DEFAULT false NOT NULL,
	"instance" integer DEFAULT 1 NOT NULL,
	"first_instance_id" uuid,
	"reception_entry_id" uuid,
	"unit_id" uuid,
	"handler_id" uuid,
	"decision_maker_id" uuid,
	"complexity" text[] DEFAULT '{}'::text[] NOT NULL,
	"accepted_on" date,
	"decided_on" date,
	"outcome" text,
	"public_answer" text,
	"not_accepted_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"forwarded_to" text,
	"closed_on" date,
	"idempotency_key" text,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "cases_kind" CHECK ("cases"."kind" in ('complaint','denunciation','petition','feedback')),
	CONSTRAINT "cases_channel" CHECK ("cases"."channel" in ('in_person','letter','portal','hotline','email','forwarded')),
	CONSTRAINT "cases_instance" CHECK ("cases"."instance" in (1, 2)),
	CONSTRAINT "cases_status" CHECK ("cases"."status" in ('received','accepted','suspended','resolved','not_accepted','forwarded','guided','information','withdrawn','terminated','duplicate'))
);
--> statement-breakpoint
CREATE TABLE "identity_reveals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"identity_id" uuid NOT NULL,
	"case_id" uuid,
	"entry_id" uuid,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_reveals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "protected_identities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"entry_id" uuid,
	"role" text NOT NULL,
	"ordinal" integer NOT NULL,
	"protected" boolean NOT NULL,
	"cipher" text NOT NULL,
	"key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protected_identities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "protected_identities_owner" CHECK (("protected_identities"."case_id" is null) <> ("protected_identities"."entry_id" is null))
);
--> statement-breakpoint
CREATE TABLE "portal_challenges" (
	"tenant_id" uuid NOT NULL,
	"salt" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_challenges_tenant_id_salt_pk" PRIMARY KEY("tenant_id","salt")
);
--> statement-breakpoint
CREATE TABLE "reception_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"seq_no" integer NOT NULL,
	"session_id" uuid,
	"received_on" date NOT NULL,
	"group_size" integer DEFAULT 1 NOT NULL,
	"protected" boolean DEFAULT false NOT NULL,
	"content" text NOT NULL,
	"prior_handling" text,
	"request" text,
	"handling" text,
	"documents_received" text,
	"signed" boolean DEFAULT true NOT NULL,
	"officer_id" uuid NOT NULL,
	"officer_name" text NOT NULL,
	"reply_by" date NOT NULL,
	"reply_explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"replied_on" date,
	"reply_outcome" text,
	"reply_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reception_entries_group" CHECK ("reception_entries"."group_size" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reception_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"host_kind" text NOT NULL,
	"host_id" uuid NOT NULL,
	"mode" text DEFAULT 'in_person' NOT NULL,
	"place" text NOT NULL,
	"bridge_points" text,
	"attendees" text,
	"topics" text,
	"adhoc" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"published_on" date,
	"postponed_to" date,
	"status_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reception_sessions_host_kind" CHECK ("reception_sessions"."host_kind" in ('head','deputy','officer')),
	CONSTRAINT "reception_sessions_mode" CHECK ("reception_sessions"."mode" in ('in_person','online')),
	CONSTRAINT "reception_sessions_status" CHECK ("reception_sessions"."status" in ('planned','published','held','postponed','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD CONSTRAINT "case_deadlines_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_tenant_id_other_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","other_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_first_instance_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","first_instance_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_reception_entry_id_reception_entries_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reception_entry_id") REFERENCES "public"."reception_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_identities" ADD CONSTRAINT "protected_identities_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_identities" ADD CONSTRAINT "protected_identities_tenant_id_entry_id_reception_entries_tenant_id_id_fk" FOREIGN KEY ("tenant_id","entry_id") REFERENCES "public"."reception_entries"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_entries" ADD CONSTRAINT "reception_entries_tenant_id_session_id_reception_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."reception_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_deadlines_due_idx" ON "case_deadlines" USING btree ("tenant_id","status","due");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("tenant_id","case_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_code" ON "cases" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_tracking_code" ON "cases" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idempotency" ON "cases" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "cases_received_idx" ON "cases" USING btree ("tenant_id","received_on");--> statement-breakpoint
CREATE INDEX "identity_reveals_case_idx" ON "identity_reveals" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "protected_identities_case_idx" ON "protected_identities" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "protected_identities_entry_idx" ON "protected_identities" USING btree ("tenant_id","entry_id");--> statement-breakpoint
CREATE INDEX "portal_challenges_used_at_idx" ON "portal_challenges" USING btree ("used_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_entries_seq" ON "reception_entries" USING btree ("tenant_id","year","seq_no");--> statement-breakpoint
CREATE INDEX "reception_sessions_date_idx" ON "reception_sessions" USING btree ("tenant_id","date");--> statement-breakpoint
SELECT danchu_protect_table('reception_sessions');
--> statement-breakpoint
SELECT danchu_protect_table('reception_entries');
--> statement-breakpoint
SELECT danchu_protect_table('cases');
--> statement-breakpoint
SELECT danchu_protect_table('protected_identities');
--> statement-breakpoint
SELECT danchu_protect_table('identity_reveals');
--> statement-breakpoint
SELECT danchu_protect_table('case_events');
--> statement-breakpoint
SELECT danchu_protect_table('case_deadlines');
--> statement-breakpoint
SELECT danchu_protect_table('case_links');
--> statement-breakpoint
SELECT danchu_protect_table('portal_challenges');
