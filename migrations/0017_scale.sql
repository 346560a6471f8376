CREATE TABLE "case_counters" (
	"tenant_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_counters_tenant_id_prefix_pk" PRIMARY KEY("tenant_id","prefix"),
	CONSTRAINT "case_counters_last" CHECK ("case_counters"."last" >= 0)
);
