-- Issue #17: the planner chooses between reading the agency's newest cases in date order until
-- 1,001 match and the trigram indexes by its estimate of how many cases a LIKE matches, which it
-- takes from the column's histogram. With the default 100 entries a word in 1.5 % of 100,000
-- cases was estimated at 5 % and read 70,000 cases in date order (230 ms) where the trigram index
-- found them in 8 ms. 300 entries estimate such words within a few tenths of a percent; 1,000
-- chose the same plans but cost ~1 ms of planning per LIKE (every search is planned afresh),
-- 300 cost ~0.2 ms.
ALTER TABLE "cases" ALTER COLUMN "search_head" SET STATISTICS 300;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "search_body" SET STATISTICS 300;
