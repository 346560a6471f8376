/**
 * The search backfill of disclosures runs when the job queue starts (Jobs `atStart`), so that an
 * upgraded installation indexes its older items without a migration (issue #10).
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../platform/db';
import { createTestApp } from '../../test/harness';
import { REGULATION_SEARCH_BACKFILL_JOB } from '../conferences/regulation-service';
import { SEARCH_BACKFILL_JOB } from './sweep';

it('queues the search backfills (disclosures, regulation versions) when the job queue starts, and they complete', async () => {
  const t = await createTestApp({ startJobs: true });
  try {
    for (const job of [SEARCH_BACKFILL_JOB, REGULATION_SEARCH_BACKFILL_JOB]) {
      let state: string | undefined;
      for (let i = 0; i < 120 && state !== 'completed'; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const rows = rowsOf<{ state: string }>(
          await t.db.owner.execute(sql`select state from pgboss.job where name = ${job} order by created_on desc limit 1`),
        );
        state = rows[0]?.state;
      }
      expect(state, job).toBe('completed');
    }
  } finally {
    await t.close();
  }
});
