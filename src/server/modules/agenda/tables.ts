/** Tables of the `agenda` module: each person's calendar-feed token (only its hash). */
import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A person's calendar-feed token (hashed); revoking deletes it, a new one replaces it. */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), uniqueIndex('calendar_feed_tokens_hash_key').on(t.tokenHash)],
);
