import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import type { TestApp } from './test-app';

/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/**
 * Stores bytes as a finished upload of `userId` for a deliverable, the way the tus endpoint leaves
 * it (a stored_files row without a version), for tests that are about review, not transport.
 */
export async function finishedUpload(
  t: TestApp,
  userId: string,
  deliverableId: string,
  bytes: Buffer = PNG_BYTES,
  contentType = 'image/png',
  fileName = 'post.png',
): Promise<string> {
  const key = `deliverables/${deliverableId}/${randomUUID()}`;
  await t.app.get<FileStorage>(FILE_STORAGE).put(key, Readable.from(bytes));
  const rows: { id: string }[] = await t.dataSource.query(
    `INSERT INTO stored_files (storage_key, original_name, content_type, size_bytes, sha256, uploaded_by, deliverable_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      key,
      fileName,
      contentType,
      bytes.length,
      createHash('sha256').update(bytes).digest('hex'),
      userId,
      deliverableId,
    ],
  );
  return rows[0].id;
}
