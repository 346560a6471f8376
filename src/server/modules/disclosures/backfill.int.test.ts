/**
 * The search backfill of disclosures runs when the job queue starts (Jobs `atStart`), so that an
 * upgraded installation indexes its older items without a migration (issue #10).
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../platform/db';
import { createTestApp } from '../../test/harness';
import { SEARCH_BACKFILL_JOB } from './sweep';

it('queues the search backfill when the job queue starts, and the job completes', async () => {
  const t = await createTestApp({ startJobs: true });
  try {
    let state: string | undefined;
    for (let i = 0; i < 120 && state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const rows = rowsOf<{ state: string }>(
        await t.db.owner.execute(sql`select state from pgboss.job where name = ${SEARCH_BACKFILL_JOB} order by created_on desc limit 1`),
      );
      state = rows[0]?.state;
    }
    expect(state).toBe('completed');
  } finally {
    await t.close();
  }
});
