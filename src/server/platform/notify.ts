/** In-app notifications: modules call `notify` in their transaction; people read them in the app. */
import type { Tx } from './db';
import { notifications } from './tables';

export type NewNotification = {
  tenantId: string;
  userId: string;
  /** A stable kind code, e.g. `report.due_soon`. */
  kind: string;
  title: string;
  body?: string;
  /** An app path to open, e.g. `/org/units/…`. */
  link?: string;
};

/** Queue one notification for one person, in the caller's transaction. */
export async function notify(tx: Tx, n: NewNotification): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      tenantId: n.tenantId,
      userId: n.userId,
      kind: n.kind,
      title: n.title.normalize('NFC'),
      body: n.body?.normalize('NFC') ?? null,
      link: n.link ?? null,
    })
    .returning({ id: notifications.id });
  return row!.id;
}
