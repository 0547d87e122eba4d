import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  ColumnTarget,
  ImportMapping,
  MetricImportDetailDto,
  MetricImportDto,
  MetricImportErrorDto,
  Page,
} from '@agency-portal/shared';
import { DEFAULT_PAGE_SIZE, presetById, presetMapping, validateMapping } from '@agency-portal/shared';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { DomainError, invalidState } from '../common/errors/domain-error';
import { joinSome, paginate, PERSON, toPage, type ListSpec, whereEqual } from '../common/lists/paginate';
import { UnitOfWork } from '../database/unit-of-work';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage';
import { FilesService } from '../files/files.service';
import type { ReceivedFile } from '../files/upload';
import { msg } from '../i18n/message';
import { QueueService } from '../jobs/queue.service';
import type { MetricImportListQueryDto, StartImportDto } from './dto/outcome.dto';
import { fileTypeOf, readHeader, UnreadableFileError } from './import-files';
import { ImportJob, IMPORT_JOB } from './import-job';
import { decodeKeyCursor, encodeKeyCursor } from './keyset';
import { MetricsService } from './metrics.service';
import { MetricImport, MetricImportError } from './outcome.entities';
import { toImportDetailDto, toImportDto, toImportErrorDto } from './outcome.mapper';
import { columnProblemMessage } from './row-messages';

const IMPORT_LIST: ListSpec<'createdAt'> = {
  alias: 'import',
  sorts: { createdAt: { expression: 'import.created_at', type: 'timestamptz' } },
  defaultSort: '-createdAt',
};

/** Errors shown inside an import's detail; all of them are a paged list. */
const DETAIL_ERRORS = 20;

/**
 * File imports: upload (the header and a few rows are read for the mapping step), start with a
 * preset or a mapping (checked against the file's columns), then the queued job checks the whole
 * file and imports it or refuses it (import-job.ts). Progress and the result are on the import.
 */
@Injectable()
export class ImportsService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly queue: QueueService,
    private readonly metrics: MetricsService,
    private readonly job: ImportJob,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ importId: string }>({
      name: IMPORT_JOB,
      retryLimit: 3,
      handle: (data) => this.job.run(data.importId),
    });
  }

  async upload(actor: Actor, received: ReceivedFile): Promise<MetricImportDetailDto> {
    const type = fileTypeOf(received.contentType);
    let header;
    try {
      header = await readHeader(() => this.storage.open(received.storageKey), type);
    } catch (error) {
      await this.files.discard(received);
      if (error instanceof UnreadableFileError) throw unreadable();
      throw error;
    }
    if (!header) {
      await this.files.discard(received);
      throw unreadable();
    }
    const id = await this.uow.run(async (manager) => {
      const file = await this.files.record(manager, received, actor);
      const item = await manager.save(
        manager.create(MetricImport, {
          source: 'file',
          status: 'mapping',
          createdBy: actor.id,
          fileId: file.id,
          fileName: received.originalName,
          fileType: type,
          sheet: header.sheet,
          headers: header.headers,
          headerRow: header.headerRow,
          sample: header.sample,
          suggestedPreset: header.suggestedPresetId,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'metric_import.uploaded',
        entity: 'metric_import',
        entityId: item.id,
        after: { fileName: item.fileName, fileType: type, headers: header.headers.length },
      });
      return item.id;
    });
    return this.get(actor, id);
  }

  async start(actor: Actor, id: string, input: StartImportDto): Promise<MetricImportDetailDto> {
    await this.uow.run(async (manager) => {
      const item = await this.uow.lockVisible(manager, actor, 'metric_import', MetricImport, id);
      if (item.status !== 'mapping') throw invalidState(msg('This import has already been started.'));
      const goal =
        input.target === 'goal'
          ? await this.metrics.writableGoal(manager, actor, input.goalId as string)
          : null;
      const preset = input.presetId ? presetById(input.presetId) : null;
      if (input.presetId && (!preset || !preset.targets.includes(input.target))) {
        throw new DomainError('invalid_mapping', msg('There is no such preset for this kind of import.'), {
          fields: [
            { field: 'presetId', messages: [msg('There is no such preset for this kind of import.')] },
          ],
        });
      }
      const mapping: ImportMapping = {
        presetId: preset?.id ?? null,
        columns: { ...(preset ? presetMapping(preset, item.headers) : {}), ...cleanColumns(input.columns) },
        defaults: { ...input.defaults },
      };
      const problems = validateMapping(item.headers, mapping, input.target);
      if (problems.length > 0) {
        throw new DomainError('invalid_mapping', msg('The mapping cannot import this file.'), {
          columns: problems.map((problem) => ({ ...problem, message: columnProblemMessage(problem) })),
        });
      }
      Object.assign(item, {
        target: input.target,
        goalId: goal?.id ?? null,
        preset: preset?.id ?? null,
        mapping,
        status: 'queued',
      });
      await manager.save(item);
      await this.queue.sendWithin(manager, IMPORT_JOB, { importId: item.id });
      await this.audit.record(manager, actor, {
        action: 'metric_import.started',
        entity: 'metric_import',
        entityId: item.id,
        after: { target: item.target, goalId: item.goalId, preset: item.preset, mapping },
      });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<MetricImportDetailDto> {
    const query = joinSome(
      this.uow.manager.getRepository(MetricImport).createQueryBuilder('import'),
      'import.creator',
      'creator',
      PERSON,
    ).where('import.id = :id', { id });
    this.access.scope(query, actor, 'metric_import', 'import');
    const item = await query.getOne();
    if (!item) throw new DomainError('not_found', 'Import was not found.');
    const errors = await this.uow.manager.find(MetricImportError, {
      where: { importId: id },
      order: { position: 'ASC' },
      take: DETAIL_ERRORS,
    });
    return toImportDetailDto(
      item,
      errors.map((error) => toImportErrorDto(error, actor.locale)),
    );
  }

  async list(actor: Actor, query: MetricImportListQueryDto): Promise<Page<MetricImportDto>> {
    const qb = joinSome(
      this.uow.manager.getRepository(MetricImport).createQueryBuilder('import'),
      'import.creator',
      'creator',
      PERSON,
    );
    this.access.scope(qb, actor, 'metric_import', 'import');
    whereEqual(qb, {
      'import.status': query.status,
      'import.source': query.source,
      'import.target': query.target,
      'import.goal_id': query.goalId,
    });
    return toPage(await paginate(qb, IMPORT_LIST, query), toImportDto);
  }

  /** Every line error of a refused import, in file order. */
  async errors(
    actor: Actor,
    id: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<MetricImportErrorDto>> {
    await this.access.require(actor, 'metric_import', id);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.uow.manager
      .getRepository(MetricImportError)
      .createQueryBuilder('error')
      .where('error.import_id = :id', { id })
      .orderBy('error.position', 'ASC')
      .limit(limit + 1);
    if (query.cursor) {
      const [position] = decodeKeyCursor(query.cursor, 'position', 1);
      qb.andWhere('error.position > :position', { position: Number(position) });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((error) => toImportErrorDto(error, actor.locale)),
      nextCursor: rows.length > limit && last ? encodeKeyCursor('position', [last.position]) : null,
      limit,
    };
  }
}

function unreadable(): DomainError {
  return new DomainError(
    'unreadable_file',
    msg('The file cannot be read as CSV or XLSX, or it has no header row in its first 20 lines.'),
  );
}

/** Column names are the file's; the values must be fields (checked by validateMapping). */
function cleanColumns(columns: Record<string, ColumnTarget> | undefined): Record<string, ColumnTarget> {
  return Object.fromEntries(
    Object.entries(columns ?? {}).filter(
      (entry): entry is [string, ColumnTarget] => typeof entry[1] === 'string',
    ),
  );
}
