ALTER TABLE "inspection_terms" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "inspection_terms" ADD COLUMN "handover" jsonb;