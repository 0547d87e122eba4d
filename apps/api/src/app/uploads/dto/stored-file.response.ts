import { ApiProperty } from '@nestjs/swagger';
import type { StoredFileDto } from '@agency-portal/shared';
import { RenditionResponse } from '../../renditions/dto/rendition.response';
import type { StoredFile } from '../../files/stored-file.entity';

/** A finished upload, as its uploader sees it until it is part of a version. */
export class StoredFileResponse implements StoredFileDto {
  id!: string;
  fileName!: string;
  /** Detected from the content. */
  contentType!: string;
  sizeBytes!: number;
  /** Hex sha256 of the content. */
  sha256!: string;
  /** Made once the file is part of a submitted version: none yet. */
  @ApiProperty({ type: [RenditionResponse] })
  renditions!: RenditionResponse[];
}

export function toStoredFileResponse(file: StoredFile): StoredFileResponse {
  return {
    id: file.id,
    fileName: file.originalName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    renditions: [],
  };
}
