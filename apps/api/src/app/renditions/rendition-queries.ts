import type { RenditionDto } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { FileRendition } from './file-rendition.entity';

/**
 * The ready renditions of the files of the versions `versionsSql` selects (with `params`), per
 * file id: one statement for a whole detail answer.
 */
export async function readyRenditionsOf(
  manager: EntityManager,
  versionsSql: string,
  params: Record<string, unknown>,
): Promise<Map<string, RenditionDto[]>> {
  const rows = await manager
    .getRepository(FileRendition)
    .createQueryBuilder('rendition')
    .where(
      `rendition.file_id IN (SELECT f.id FROM stored_files f WHERE f.version_id IN (${versionsSql}))`,
      params,
    )
    .andWhere("rendition.status = 'ready'")
    .orderBy('rendition.kind', 'ASC')
    .getMany();
  const byFile = new Map<string, RenditionDto[]>();
  for (const row of rows) byFile.set(row.fileId, [...(byFile.get(row.fileId) ?? []), toRenditionDto(row)]);
  return byFile;
}

export function toRenditionDto(row: FileRendition): RenditionDto {
  return {
    kind: row.kind,
    contentType: row.contentType ?? '',
    width: row.width ?? 0,
    height: row.height ?? 0,
    sizeBytes: row.sizeBytes ?? 0,
  };
}
