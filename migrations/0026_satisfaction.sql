CREATE TABLE "pillar_targets" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(9, 2) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pillar_targets_tenant_id_key_year_pk" PRIMARY KEY("tenant_id","key","year")
);
--> statement-breakpoint
CREATE TABLE "watch_snapshots" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "quotas" jsonb DEFAULT '[]'::jsonb NOT NULL;