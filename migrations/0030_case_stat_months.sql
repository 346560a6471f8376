CREATE TABLE "case_stat_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"unit_id" uuid,
	"received" integer NOT NULL,
	"accepted" integer NOT NULL,
	"resolved" integer NOT NULL,
	"on_time" integer NOT NULL,
	"overdue" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_stat_periods" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"version" integer NOT NULL,
	"counted" integer,
	"counted_at" timestamp with time zone,
	CONSTRAINT "case_stat_periods_tenant_id_month_pk" PRIMARY KEY("tenant_id","month")
);
--> statement-breakpoint
CREATE INDEX "case_stat_months_idx" ON "case_stat_months" USING btree ("tenant_id","month");