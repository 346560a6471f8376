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
DROP INDEX "cases_status_idx";--> statement-breakpoint
DROP INDEX "cases_received_idx";--> statement-breakpoint
CREATE INDEX "case_stat_months_idx" ON "case_stat_months" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("tenant_id","action","seq");--> statement-breakpoint
CREATE INDEX "case_deadlines_missed_idx" ON "case_deadlines" USING btree ("tenant_id","case_id","rule_id","met_on") WHERE status = 'missed';--> statement-breakpoint
CREATE INDEX "case_deadlines_running_idx" ON "case_deadlines" USING btree ("tenant_id","case_id","due","rule_id") WHERE status in ('open', 'stopped');--> statement-breakpoint
CREATE INDEX "case_events_extended_idx" ON "case_events" USING btree ("tenant_id","case_id") WHERE type = 'extended';--> statement-breakpoint
CREATE INDEX "cases_kind_idx" ON "cases" USING btree ("tenant_id","kind","received_on");--> statement-breakpoint
CREATE INDEX "cases_channel_idx" ON "cases" USING btree ("tenant_id","channel","received_on");--> statement-breakpoint
CREATE INDEX "cases_unit_idx" ON "cases" USING btree ("tenant_id","unit_id","received_on");--> statement-breakpoint
CREATE INDEX "cases_handler_idx" ON "cases" USING btree ("tenant_id","handler_id","received_on");--> statement-breakpoint
CREATE INDEX "cases_decision_maker_idx" ON "cases" USING btree ("tenant_id","decision_maker_id");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("tenant_id","status","received_on");--> statement-breakpoint
CREATE INDEX "cases_received_idx" ON "cases" USING btree ("tenant_id","received_on","kind","channel","unit_id","accepted_on","decided_on");