import { DELIVERABLE_CONTENT_TYPES, type DeliverableContentType } from '@agency-portal/shared';
import { fromBuffer, fromFile } from 'file-type';
import { msg } from '../i18n/message';

/**
 * File types by content, never by name or the client's word. file-type reads the magic numbers
 * (and, for ZIP-based Office documents, walks the archive's entries lazily from disk), so a
 * `.png` name on an executable or an HTML page is recognised for what it is.
 */

const ALLOWED: ReadonlySet<string> = new Set(DELIVERABLE_CONTENT_TYPES);

/** The detected MIME type of a file on disk, or undefined when nothing is recognised (plain text, HTML). */
export async function detectFileType(path: string): Promise<string | undefined> {
  return (await fromFile(path))?.mime;
}

/** The detected MIME type of some leading bytes (4 KiB are enough for everything but Office documents). */
export async function detectBufferType(head: Uint8Array): Promise<string | undefined> {
  return (await fromBuffer(head))?.mime;
}

export function isDeliverableContentType(type: string | undefined): type is DeliverableContentType {
  return type !== undefined && ALLOWED.has(type);
}

/** The file's detected type when deliverables accept it, otherwise null. */
export async function detectDeliverableType(path: string): Promise<DeliverableContentType | null> {
  const type = await detectFileType(path);
  return isDeliverableContentType(type) ? type : null;
}

export const DELIVERABLE_TYPES_MESSAGE = msg(
  'The file must be an image (JPEG, PNG, GIF, WebP), a video (MP4, MOV, WebM), a PDF or an Office document (DOCX, PPTX, XLSX); its content decides, not its name.',
);
