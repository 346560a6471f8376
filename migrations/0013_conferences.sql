CREATE TABLE "conference_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"yes" integer,
	"no" integer,
	"abstain" integer,
	"voted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conference_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"occurrence" integer NOT NULL,
	"due_on" date NOT NULL,
	"reviewed_on" date NOT NULL,
	"summary" text NOT NULL,
	"staff_informed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"proposed_by" text,
	"proposers" integer,
	"title" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"held_on" date,
	"staff_total" integer NOT NULL,
	"convening_mode" text NOT NULL,
	"convened" integer NOT NULL,
	"present" integer,
	"failed_convocations" integer DEFAULT 0 NOT NULL,
	"format" text DEFAULT 'meeting' NOT NULL,
	"agenda" jsonb NOT NULL,
	"resolution_number" text,
	"adopted_on" date,
	"board_election" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conferences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "conferences_kind" CHECK ("conferences"."kind" in ('annual', 'extraordinary')),
	CONSTRAINT "conferences_format" CHECK ("conferences"."format" in ('meeting', 'written_ballot'))
);
--> statement-breakpoint
CREATE TABLE "consultation_comments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"paragraph" integer,
	"body" text NOT NULL,
	"outcome" text,
	"reason" text,
	"classified_by" uuid,
	"classified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "consultation_comments_outcome" CHECK ("consultation_comments"."outcome" is null or "consultation_comments"."outcome" in ('accepted', 'partly', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"matter" integer NOT NULL,
	"draft" text NOT NULL,
	"forms" text[] NOT NULL,
	"audience" text NOT NULL,
	"unit_id" uuid,
	"delegate_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"allow_anonymous" boolean DEFAULT true NOT NULL,
	"explanation" text,
	"explanation_published_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "consultations_matter" CHECK ("consultations"."matter" between 1 and 11),
	CONSTRAINT "consultations_audience" CHECK ("consultations"."audience" in ('all', 'unit', 'delegates')),
	CONSTRAINT "consultations_period" CHECK ("consultations"."closes_on" >= "consultations"."opens_on")
);
--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_tenant_id_conference_id_conferences_tenant_id_id_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_reviews" ADD CONSTRAINT "conference_reviews_tenant_id_conference_id_conferences_tenant_id_id_fk" FOREIGN KEY ("tenant_id","conference_id") REFERENCES "public"."conferences"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_tenant_id_consultation_id_consultations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","consultation_id") REFERENCES "public"."consultations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_tenant_id_author_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_items_conf_idx" ON "conference_items" USING btree ("tenant_id","conference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_reviews_occurrence" ON "conference_reviews" USING btree ("tenant_id","conference_id","occurrence");--> statement-breakpoint
CREATE UNIQUE INDEX "conferences_one_annual_a_year" ON "conferences" USING btree ("tenant_id","year") WHERE kind = 'annual';--> statement-breakpoint
CREATE INDEX "consultation_comments_idx" ON "consultation_comments" USING btree ("tenant_id","consultation_id");