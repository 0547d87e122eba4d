import type { RenditionKind } from '@agency-portal/shared';
import { Column, Entity } from 'typeorm';
import { BigintColumn, CreatedEntity } from '../database/columns';

/**
 * A smaller copy of a stored file made for the review screen (`preview` of an image, `poster` of
 * a video), kept in file storage beside the original. A file that cannot be rendered (a corrupt
 * image, a video ffmpeg cannot read) keeps a `failed` row, so it is not tried again and again.
 */
@Entity({ name: 'file_renditions' })
export class FileRendition extends CreatedEntity {
  @Column({ name: 'file_id', type: 'uuid' })
  fileId!: string;

  @Column({ type: 'text' })
  kind!: RenditionKind;

  @Column({ type: 'text' })
  status!: 'ready' | 'failed';

  @Column({ name: 'storage_key', type: 'text', nullable: true })
  storageKey!: string | null;

  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType!: string | null;

  @BigintColumn('size_bytes', { nullable: true })
  sizeBytes!: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  /** Why it failed (for the log reader; never shown to users). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** How long making it took, in milliseconds. */
  @Column({ name: 'took_ms', type: 'integer' })
  tookMs!: number;
}
