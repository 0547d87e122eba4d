import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { FileStorage } from '../files/file-storage';
import { StoredFile } from '../files/stored-file.entity';

export interface DemoFile {
  key: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
  uploadedBy: string;
  deliverableId?: string;
  versionId?: string;
}

/**
 * Runs a seed in one transaction with the list its stored files join (`storeDemoFile`): if the
 * transaction fails, the files it put into storage are removed again, so a failed seed leaves
 * nothing behind.
 */
export async function seedWithFiles<T>(
  dataSource: DataSource,
  storage: FileStorage,
  seed: (manager: EntityManager, written: string[]) => Promise<T>,
): Promise<T> {
  const written: string[] = [];
  try {
    return await dataSource.transaction((manager) => seed(manager, written));
  } catch (error) {
    await Promise.all(written.map((key) => storage.remove(key).catch(() => undefined)));
    throw error;
  }
}

/**
 * Puts a demo file into storage and records it as an upload would (size, sha256). Its key joins
 * `written`, so a seed that fails can remove what it stored.
 */
export async function storeDemoFile(
  manager: EntityManager,
  storage: FileStorage,
  written: string[],
  file: DemoFile,
): Promise<StoredFile> {
  await storage.put(file.key, Readable.from(file.bytes));
  written.push(file.key);
  return manager.save(
    manager.create(StoredFile, {
      storageKey: file.key,
      originalName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      uploadedBy: file.uploadedBy,
      ...(file.deliverableId ? { deliverableId: file.deliverableId } : {}),
      ...(file.versionId ? { versionId: file.versionId } : {}),
    }),
  );
}
