CREATE TABLE "commendations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"recipient_kind" text NOT NULL,
	"unit_id" uuid,
	"person_name" text,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"reason" text NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"decision_number" text,
	"decision_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commendations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "commendations_status" CHECK ("commendations"."status" in ('proposed','submitted','decided','rejected')),
	CONSTRAINT "commendations_kind" CHECK ("commendations"."recipient_kind" in ('collective','individual')),
	CONSTRAINT "commendations_level" CHECK ("commendations"."level" in ('agency','province','ministry','national'))
);
--> statement-breakpoint
CREATE TABLE "rating_criteria_sets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"basis" text NOT NULL,
	"effective_from" date NOT NULL,
	"body" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_criteria_sets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "unit_ratings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"criteria_set_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"items" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"self_score" numeric(6, 2),
	"appraised_score" numeric(6, 2),
	"band" text,
	"submitted_on" date,
	"appraised_on" date,
	"published_on" date,
	"appeal_reason" text,
	"appealed_on" date,
	"appeal_answer" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_ratings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "unit_ratings_status" CHECK ("unit_ratings"."status" in ('draft','submitted','appraised','published','appealed'))
);
--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_ratings" ADD CONSTRAINT "unit_ratings_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_ratings" ADD CONSTRAINT "unit_ratings_tenant_id_criteria_set_id_rating_criteria_sets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","criteria_set_id") REFERENCES "public"."rating_criteria_sets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commendations_year_idx" ON "commendations" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "commendations_source" ON "commendations" USING btree ("tenant_id","year","source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_criteria_sets_effective" ON "rating_criteria_sets" USING btree ("tenant_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_ratings_year_unit" ON "unit_ratings" USING btree ("tenant_id","year","unit_id");