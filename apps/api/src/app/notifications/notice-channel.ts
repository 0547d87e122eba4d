import type { EntityManager } from 'typeorm';

/**
 * The PostgreSQL channel new in-app notices are announced on. `NOTIFY` inside a transaction is
 * delivered when it commits and never if it rolls back, so a notice is announced exactly when it
 * exists for every reader, and every API process LISTENing hears it (notice-listener.ts).
 */
export const NOTICE_CHANNEL = 'ap_notices';

/** What is announced per notice: whose it is and which (its wording is read from the table). */
export interface NoticeAnnouncement {
  userId: string;
  notificationId: string;
}

/** Announces new notices in the transaction that inserts them (one statement for all of them). */
export async function announceNotices(
  manager: EntityManager,
  announcements: readonly NoticeAnnouncement[],
): Promise<void> {
  if (announcements.length === 0) return;
  await manager.query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [
    NOTICE_CHANNEL,
    announcements.map((item) => JSON.stringify({ u: item.userId, n: item.notificationId })),
  ]);
}

/** An announcement read back from its payload, or null for anything else on the channel. */
export function parseAnnouncement(payload: string | undefined): NoticeAnnouncement | null {
  try {
    const parsed = JSON.parse(payload ?? '') as { u?: unknown; n?: unknown } | null;
    return typeof parsed?.u === 'string' && typeof parsed.n === 'string'
      ? { userId: parsed.u, notificationId: parsed.n }
      : null;
  } catch {
    return null;
  }
}
