CREATE TABLE "inspection_activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"subject" text NOT NULL,
	"subject_unit_id" uuid,
	"content" text NOT NULL,
	"source" text DEFAULT 'programme' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"notice_due_on" date NOT NULL,
	"notified_on" date,
	"reported_to_union_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"concluded_on" date,
	"minutes" text,
	"findings" text,
	"evidence" text,
	"votes_for" integer,
	"votes_against" integer,
	"sitting_members" integer,
	"sent_to_requester_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inspection_activities_kind" CHECK ("inspection_activities"."kind" in ('inspection', 'supervision'))
);
--> statement-breakpoint
CREATE TABLE "inspection_document_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid,
	"title" text NOT NULL,
	"requested_on" date NOT NULL,
	"needed_by" date NOT NULL,
	"provided_on" date,
	"reply" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_document_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"term_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"elected_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inspection_members_role" CHECK ("inspection_members"."role" in ('chair', 'deputy', 'member'))
);
--> statement-breakpoint
CREATE TABLE "inspection_programmes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"reported_to_union_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_programmes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_recommendations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"answered_on" date,
	"answer" text,
	"answered_by" uuid,
	"escalated_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_recommendations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_suggestions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"author_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"activity_id" uuid,
	"note" text,
	CONSTRAINT "inspection_suggestions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_terms" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"conference_ref" text,
	"elected_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"recognition_due_on" date NOT NULL,
	"recognised_on" date,
	"recognition_decision" text,
	"more_than_nine_decided" boolean DEFAULT false NOT NULL,
	"upper_union_decision" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_terms_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inspection_terms_range" CHECK ("inspection_terms"."ends_on" > "inspection_terms"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "inspection_activities" ADD CONSTRAINT "inspection_activities_tenant_id_programme_id_inspection_programmes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","programme_id") REFERENCES "public"."inspection_programmes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_activities" ADD CONSTRAINT "inspection_activities_tenant_id_subject_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","subject_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_document_requests" ADD CONSTRAINT "inspection_document_requests_tenant_id_activity_id_inspection_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."inspection_activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_members" ADD CONSTRAINT "inspection_members_tenant_id_term_id_inspection_terms_tenant_id_id_fk" FOREIGN KEY ("tenant_id","term_id") REFERENCES "public"."inspection_terms"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_members" ADD CONSTRAINT "inspection_members_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendations" ADD CONSTRAINT "inspection_recommendations_tenant_id_activity_id_inspection_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."inspection_activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_activities_start_idx" ON "inspection_activities" USING btree ("tenant_id","starts_on");--> statement-breakpoint
CREATE INDEX "inspection_members_term_idx" ON "inspection_members" USING btree ("tenant_id","term_id");--> statement-breakpoint
CREATE INDEX "inspection_recommendations_received_idx" ON "inspection_recommendations" USING btree ("tenant_id","received_on");