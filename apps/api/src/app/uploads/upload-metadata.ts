import type { Upload } from '@tus/server';
import { DomainError, type DomainErrorDetails } from '../common/errors/domain-error';
import { sanitiseFileName } from '../files/upload';
import { msg } from '../i18n/message';

/**
 * The tus Upload-Metadata of a deliverable upload. The client sends `deliverableId` and
 * `filename`; the server replaces the whole set with checked values and adds `ownerId`, the user
 * who created it, so only they can resume or end it.
 */
export interface UploadMetadata {
  deliverableId: string;
  filename: string;
  ownerId: string;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_FILE_NAME = 255;

type RawMetadata = Record<string, string | null> | undefined;

/** Validates what the client sent on creation; throws validation_failed naming each bad key. */
export function readClientMetadata(
  metadata: RawMetadata,
): Pick<UploadMetadata, 'deliverableId' | 'filename'> {
  const fields: NonNullable<DomainErrorDetails['fields']> = [];
  const deliverableId = metadata?.['deliverableId']?.trim() ?? '';
  const filename = metadata?.['filename']?.trim() ?? '';
  if (!UUID.test(deliverableId)) {
    fields.push({
      field: 'deliverableId',
      messages: ['Upload-Metadata must carry the deliverable id (a UUID).'],
    });
  }
  if (!filename) {
    fields.push({ field: 'filename', messages: ['Upload-Metadata must carry the file name.'] });
  } else if (filename.length > MAX_FILE_NAME) {
    fields.push({
      field: 'filename',
      messages: [msg('The file name may be at most {max, number} characters.', { max: MAX_FILE_NAME })],
    });
  }
  if (fields.length > 0) {
    throw new DomainError(
      'validation_failed',
      fields.flatMap((field) => field.messages),
      {
        fields,
      },
    );
  }
  return { deliverableId: deliverableId.toLowerCase(), filename: sanitiseFileName(filename) };
}

/** The metadata the server stored on creation, or null for an upload it did not create. */
export function readStoredMetadata(upload: Pick<Upload, 'metadata'>): UploadMetadata | null {
  const deliverableId = upload.metadata?.['deliverableId'];
  const filename = upload.metadata?.['filename'];
  const ownerId = upload.metadata?.['ownerId'];
  if (!deliverableId || !filename || !ownerId) return null;
  return { deliverableId, filename, ownerId };
}

export function toStoredMetadata(metadata: UploadMetadata): Record<string, string> {
  return { deliverableId: metadata.deliverableId, filename: metadata.filename, ownerId: metadata.ownerId };
}
