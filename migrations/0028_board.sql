CREATE TABLE "training_attendance" (
	"tenant_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "training_attendance_tenant_id_course_id_user_id_pk" PRIMARY KEY("tenant_id","course_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"held_on" date NOT NULL,
	"trainers" text NOT NULL,
	"skills" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "training_courses_kind" CHECK ("training_courses"."kind" in ('course', 'briefing'))
);
--> statement-breakpoint
ALTER TABLE "inspection_terms" ADD COLUMN "grants_board_role" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_tenant_id_course_id_training_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."training_courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_attendance_user_idx" ON "training_attendance" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "training_courses_held_idx" ON "training_courses" USING btree ("tenant_id","held_on");