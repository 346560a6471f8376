ALTER TABLE "unit_ratings" ALTER COLUMN "unit_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_ratings" ADD COLUMN "subject" text DEFAULT 'unit' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_ratings_year_agency" ON "unit_ratings" USING btree ("tenant_id","year") WHERE "unit_ratings"."subject" = 'agency';--> statement-breakpoint
ALTER TABLE "unit_ratings" ADD CONSTRAINT "unit_ratings_subject" CHECK (("unit_ratings"."subject" = 'unit' and "unit_ratings"."unit_id" is not null) or ("unit_ratings"."subject" = 'agency' and "unit_ratings"."unit_id" is null));