CREATE TABLE "grievance_history" (
	"tenant_id" uuid NOT NULL,
	"month" text NOT NULL,
	"count" integer NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "grievance_history_tenant_id_month_pk" PRIMARY KEY("tenant_id","month"),
	CONSTRAINT "grievance_history_month" CHECK ("grievance_history"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "grievance_history_count" CHECK ("grievance_history"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "watch_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "watch_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "watch_events_kind" CHECK ("watch_events"."kind" in ('election','land','tet','other')),
	CONSTRAINT "watch_events_period" CHECK ("watch_events"."ends_on" >= "watch_events"."starts_on")
);
