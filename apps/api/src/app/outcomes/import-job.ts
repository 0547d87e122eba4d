import { Inject, Injectable } from '@nestjs/common';
import type { ImportMapping, KpiMetric, ReadRow, RowError } from '@agency-portal/shared';
import {
  checkAgainstGoal,
  columnPlan,
  combineRows,
  IMPORT_FIELDS,
  MAX_IMPORT_ROWS,
  MAX_STORED_ROW_ERRORS,
  METRIC_COUNTS,
  presetById,
  readRow,
  type ColumnPlan,
  type ImportField,
  type KeyedRow,
} from '@agency-portal/shared';
import { PinoLogger } from 'nestjs-pino';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { UnitOfWork } from '../database/unit-of-work';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage';
import { StoredFile } from '../files/stored-file.entity';
import { MarketingGoal } from '../goals/goal.entity';
import { User } from '../users/user.entity';
import { deliverableRecords, postKeysOf, type DeliverableRecord } from './deliverable-facts';
import { fileRows, UnreadableFileError } from './import-files';
import { checkResolvedRows, type ResolvedRow } from './metric-checks';
import { writeGoalOutcomes, writeMetrics, type StoredOutcome, type WriteCounts } from './metric-store';
import { MetricImport, MetricImportError } from './outcome.entities';

export const IMPORT_JOB = 'outcomes.import';

/** How often (rows) the job writes its progress where the result page reads it. */
const PROGRESS_EVERY = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One file import, run by the queue: the whole file is read and every row checked first (the
 * progress says how far); with any problem it is refused with its line errors and nothing is
 * stored, otherwise every row is written in one transaction with the import's result and audit
 * entry. Safe to run again after a crash: nothing is kept until that last transaction commits.
 */
@Injectable()
export class ImportJob {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly logger: PinoLogger,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {
    this.logger.setContext(ImportJob.name);
  }

  async run(importId: string, now = new Date()): Promise<void> {
    const manager = this.uow.manager;
    const claimed = await manager
      .createQueryBuilder()
      .update(MetricImport)
      .set({
        status: 'checking',
        startedAt: () => 'coalesce(started_at, now())',
        rowsChecked: 0,
        rowsImported: 0,
      })
      .where('id = :importId AND status IN (:...open)', {
        importId,
        open: ['queued', 'checking', 'importing'],
      })
      .execute();
    if (!claimed.affected) return;
    const item = await manager.findOneByOrFail(MetricImport, { id: importId });
    const actor = await this.actorOf(item.createdBy);
    try {
      const read = await this.readFile(item);
      if (read.tooMany) return await this.refuse(item, actor, [], 'too_many_rows');
      if (item.target === 'goal') await this.importGoal(item, actor, read.rows, read.errors, now);
      else await this.importDeliverables(item, actor, read.rows, read.errors, now);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      this.logger.warn({ importId, err: error }, 'Import file unreadable');
      await this.refuse(item, actor, [], 'unreadable_file', 'failed');
    }
  }

  /** The creator as the access rules see them (their scope decides which deliverables a file may name). */
  private async actorOf(userId: string): Promise<Actor> {
    const user = await this.uow.manager.findOneByOrFail(User, { id: userId });
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      agencyId: user.agencyId,
      sessionId: '',
      locale: user.locale,
    };
  }

  private async readFile(
    item: MetricImport,
  ): Promise<{ rows: ReadRow[]; errors: RowError[]; tooMany: boolean }> {
    const mapping = item.mapping as ImportMapping;
    const plan: ColumnPlan = columnPlan(item.headers, mapping);
    const preset = presetById(mapping.presetId);
    const file = await this.uow.manager.findOneByOrFail(StoredFile, { id: item.fileId as string });
    const stream = await this.storage.open(file.storageKey);
    const rows: ReadRow[] = [];
    const errors: RowError[] = [];
    let checked = 0;
    try {
      for await (const { line, cells } of fileRows(stream, item.fileType ?? 'csv', item.sheet)) {
        if (line <= item.headerRow) continue;
        const first = typeof cells[0] === 'string' ? cells[0] : '';
        if (preset?.commentPrefix && first.startsWith(preset.commentPrefix)) continue;
        const reading = readRow(cells, line, item.headers, plan, item.target, mapping.presetId);
        if (reading.kind === 'skip') continue;
        checked += 1;
        if (checked > MAX_IMPORT_ROWS) return { rows: [], errors: [], tooMany: true };
        if (reading.kind === 'row') rows.push(reading.row);
        else errors.push(...reading.errors);
        if (checked % PROGRESS_EVERY === 0) await this.progress(item.id, { rowsChecked: checked });
      }
    } finally {
      stream.destroy();
    }
    await this.progress(item.id, { rowsChecked: checked, rowsTotal: checked });
    item.rowsTotal = checked;
    return { rows, errors, tooMany: false };
  }

  private async importDeliverables(
    item: MetricImport,
    actor: Actor,
    rows: ReadRow[],
    readErrors: RowError[],
    now: Date,
  ): Promise<void> {
    const mapping = item.mapping as ImportMapping;
    const preset = presetById(mapping.presetId);
    const manager = this.uow.manager;
    const refs = rows.map((row) => ({ value: row.deliverable ?? '', channel: row.channel }));
    const keys = await postKeysOf(
      manager,
      refs.filter((ref) => !UUID.test(ref.value)),
    );
    let keyIndex = 0;
    const refKeys = refs.map((ref) => (UUID.test(ref.value) ? null : (keys[keyIndex++] ?? null)));
    const records = await deliverableRecords(
      manager,
      this.access,
      actor,
      refs.filter((ref) => UUID.test(ref.value)).map((ref) => ref.value.toLowerCase()),
      refKeys.filter((key): key is string => key !== null),
    );
    const byId = new Map(records.map((record) => [record.id, record]));
    const byKey = new Map<string, DeliverableRecord[]>();
    for (const record of records) {
      if (record.postKey) byKey.set(record.postKey, [...(byKey.get(record.postKey) ?? []), record]);
    }
    const recordOf = (index: number): DeliverableRecord | null | 'ambiguous' => {
      const ref = refs[index]?.value ?? '';
      if (UUID.test(ref)) return byId.get(ref.toLowerCase()) ?? null;
      const found = byKey.get(refKeys[index] ?? '') ?? [];
      return found.length > 1 ? 'ambiguous' : (found[0] ?? null);
    };

    // Rows the export splits by further dimensions are added up per stored key first.
    let resolved: ResolvedRow[] = rows.map((row, index) => toResolved(row, recordOf(index)));
    const errors = [...readErrors];
    if (preset?.sumDuplicates) {
      const found = new Map(resolved.map((row) => [row.line, row.record]));
      const keyed: KeyedRow[] = resolved.map((row, index) => ({
        row: rows[index] as ReadRow,
        key:
          typeof row.record === 'object' && row.record
            ? `${row.record.id}|${row.date}|${row.channel ?? row.record.channel ?? ''}`
            : `line:${row.line}`,
      }));
      const combined = combineRows(keyed, true);
      errors.push(...combined.errors);
      resolved = combined.rows.map(({ row }) => toResolved(row, found.get(row.line) ?? null));
    }
    const columns = {
      deliverable: columnOf(item, 'deliverable'),
      date: columnOf(item, 'date'),
      channel: columnOf(item, 'channel'),
      currency: columnOf(item, 'currency'),
    };
    const checked = checkResolvedRows(resolved, columns, now);
    errors.push(...checked.errors);
    if (errors.length > 0) return this.refuse(item, actor, errors);
    await this.progress(item.id, { status: 'importing' });
    await this.uow.run(async (tx) => {
      const counts = await writeMetrics(tx, item.id, checked.stored, (written) =>
        this.progress(item.id, { rowsImported: written }),
      );
      await this.finish(tx, item, actor, counts);
    });
  }

  private async importGoal(
    item: MetricImport,
    actor: Actor,
    rows: ReadRow[],
    readErrors: RowError[],
    now: Date,
  ): Promise<void> {
    const goal = await this.uow.manager.findOneByOrFail(MarketingGoal, { id: item.goalId as string });
    const errors = [...readErrors];
    const outcomes: StoredOutcome[] = [];
    const seen = new Map<string, number>();
    for (const row of rows) {
      const values: [KpiMetric, number][] = [
        ...METRIC_COUNTS.flatMap((field) =>
          row.counts[field] === undefined ? [] : [[field, row.counts[field]] as [KpiMetric, number]],
        ),
        ...(row.followers === null ? [] : [['followers', row.followers] as [KpiMetric, number]]),
        ...(row.revenueMinor === null ? [] : [['revenue', row.revenueMinor] as [KpiMetric, number]]),
      ];
      for (const [metric, value] of values) {
        const currency = metric === 'revenue' ? row.currency : null;
        const problems = checkAgainstGoal({ date: row.date, metric, currency }, goal, now);
        for (const problem of problems) {
          errors.push({
            line: row.line,
            column: columnOf(item, problem.column === 'deliverable' ? 'date' : problem.column),
            code: problem.code,
            value: problem.column === 'currency' ? currency : row.date,
            params: problem.params ?? {},
          });
        }
        const key = `${row.date}|${metric}`;
        const first = seen.get(key);
        if (first !== undefined) {
          errors.push({
            line: row.line,
            column: null,
            code: 'duplicate_row',
            value: null,
            params: { line: String(first) },
          });
        } else seen.set(key, row.line);
        if (problems.length === 0) outcomes.push({ date: row.date, metric, value, currency, note: '' });
      }
    }
    if (errors.length > 0) return this.refuse(item, actor, errors);
    await this.progress(item.id, { status: 'importing' });
    await this.uow.run(async (tx) => {
      await tx
        .getRepository(MarketingGoal)
        .createQueryBuilder('goal')
        .setLock('pessimistic_write')
        .where('goal.id = :id', { id: goal.id })
        .getOne();
      const counts = await writeGoalOutcomes(tx, goal.id, item.id, outcomes, (written) =>
        this.progress(item.id, { rowsImported: written }),
      );
      await this.finish(tx, item, actor, counts);
    });
  }

  /** Progress is written outside the import's transaction, so the result page sees it move. */
  private async progress(importId: string, values: Partial<MetricImport>): Promise<void> {
    await this.uow.manager.update(MetricImport, { id: importId }, values);
  }

  private async finish(
    manager: EntityManager,
    item: MetricImport,
    actor: Actor,
    counts: WriteCounts,
  ): Promise<void> {
    await manager.update(
      MetricImport,
      { id: item.id },
      {
        status: 'imported',
        ...counts,
        rowsImported: counts.inserted + counts.updated + counts.unchanged + counts.removed,
        finishedAt: new Date(),
      },
    );
    await this.audit.record(manager, actor, {
      action: 'metric_import.imported',
      entity: 'metric_import',
      entityId: item.id,
      after: {
        fileName: item.fileName,
        target: item.target,
        goalId: item.goalId,
        rows: item.rowsTotal,
        ...counts,
      },
    });
  }

  private async refuse(
    item: MetricImport,
    actor: Actor,
    errors: RowError[],
    failure: string | null = null,
    status: 'refused' | 'failed' = 'refused',
  ): Promise<void> {
    const sorted = [...errors].sort((a, b) => a.line - b.line);
    await this.uow.run(async (manager) => {
      await manager.delete(MetricImportError, { importId: item.id });
      if (sorted.length > 0) {
        await manager.insert(
          MetricImportError,
          sorted.slice(0, MAX_STORED_ROW_ERRORS).map((error, position) => ({
            importId: item.id,
            position,
            line: error.line,
            columnName: error.column,
            code: error.code,
            value: error.value,
            params: error.params,
          })),
        );
      }
      await manager.update(
        MetricImport,
        { id: item.id },
        {
          status,
          errorCount: sorted.length,
          failure,
          finishedAt: new Date(),
        },
      );
      await this.audit.record(manager, actor, {
        action: `metric_import.${status}`,
        entity: 'metric_import',
        entityId: item.id,
        after: { fileName: item.fileName, errors: sorted.length, failure },
      });
    });
  }
}

function toResolved(row: ReadRow, record: DeliverableRecord | null | 'ambiguous'): ResolvedRow {
  return {
    line: row.line,
    record,
    date: row.date,
    channel: row.channel,
    counts: row.counts,
    revenueMinor: row.revenueMinor,
    currency: row.currency,
    written: { deliverable: row.deliverable, channel: row.channel, currency: row.currency, date: row.date },
  };
}

/** The file's (first) column mapped to a field, for naming it in a line error. */
function columnOf(item: MetricImport, field: ImportField): string | null {
  if (!IMPORT_FIELDS.includes(field)) return null;
  const columns = (item.mapping as ImportMapping).columns;
  return item.headers.find((header) => columns[header] === field) ?? null;
}
