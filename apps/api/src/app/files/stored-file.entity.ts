import { Column, Entity } from 'typeorm';
import { BigintColumn, CreatedEntity } from '../database/columns';

/** A file kept in the portal's file storage; the bytes live behind the FileStorage interface. */
@Entity({ name: 'stored_files' })
export class StoredFile extends CreatedEntity {
  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  /** Detected from the content, never taken from the client. */
  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @BigintColumn('size_bytes')
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** The deliverable an upload was made for (deliverable files only). */
  @Column({ name: 'deliverable_id', type: 'uuid', nullable: true })
  deliverableId!: string | null;

  /** Set once the file is part of a submitted version; then it never changes. */
  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId!: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;
}
