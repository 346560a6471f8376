/**
 * Tables of the public portal (issue #5): the anti-spam challenges already spent. A solved
 * challenge is good for one submission; a retry of the same form (same idempotency key) may
 * present it again and gets the same tracking code back.
 */
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const portalChallenges = pgTable(
  'portal_challenges',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The challenge's salt (random, carries its expiry). */
    salt: text('salt').notNull(),
    /** The form that spent it. */
    idempotencyKey: text('idempotency_key').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.salt] }), index('portal_challenges_used_at_idx').on(t.usedAt)],
);
