import type {
  Channel,
  ImportFileType,
  ImportMapping,
  ImportSource,
  ImportStatus,
  ImportTarget,
  OutcomeMetric,
} from '@agency-portal/shared';
import { Column, Entity, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import {
  BigintColumn,
  CreatedEntity,
  CurrencyColumn,
  ForeignKey,
  TimestampColumn,
} from '../database/columns';

/** A batch of figures: one uploaded file through its mapping, check and import, or one integration request. */
@Entity({ name: 'metric_imports' })
export class MetricImport extends CreatedEntity {
  @Column({ type: 'text' })
  source!: ImportSource;

  @Column({ type: 'text', default: 'deliverables' })
  target!: ImportTarget;

  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId!: string | null;

  @Column({ type: 'text' })
  status!: ImportStatus;

  @ForeignKey('created_by', () => User, 'creator')
  createdBy!: string;
  creator?: Relation<User>;

  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId!: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ name: 'file_type', type: 'text', nullable: true })
  fileType!: ImportFileType | null;

  @Column({ type: 'text', nullable: true })
  sheet!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  headers!: string[];

  @Column({ name: 'header_row', type: 'integer', default: 1 })
  headerRow!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sample!: string[][];

  @Column({ name: 'suggested_preset', type: 'text', nullable: true })
  suggestedPreset!: string | null;

  @Column({ type: 'text', nullable: true })
  preset!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  mapping!: ImportMapping | null;

  @Column({ name: 'rows_total', type: 'integer', nullable: true })
  rowsTotal!: number | null;

  @Column({ name: 'rows_checked', type: 'integer', default: 0 })
  rowsChecked!: number;

  @Column({ name: 'rows_imported', type: 'integer', default: 0 })
  rowsImported!: number;

  @Column({ type: 'integer', default: 0 })
  inserted!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount!: number;

  @Column({ type: 'integer', default: 0 })
  removed!: number;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @TimestampColumn('started_at', { nullable: true })
  startedAt!: Date | null;

  @TimestampColumn('finished_at', { nullable: true })
  finishedAt!: Date | null;
}

/** One line error of a refused import, kept for its results page (worded when read). */
@Entity({ name: 'metric_import_errors' })
export class MetricImportError {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ type: 'integer' })
  line!: number;

  @Column({ name: 'column_name', type: 'text', nullable: true })
  columnName!: string | null;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text', nullable: true })
  value!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: Record<string, string>;
}

/** A published deliverable's figures for one day on one channel. Written by set-based upserts. */
@Entity({ name: 'performance_metrics' })
export class PerformanceMetric {
  @PrimaryColumn({ name: 'deliverable_id', type: 'uuid' })
  deliverableId!: string;

  @PrimaryColumn({ name: 'metric_date', type: 'date' })
  date!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'integer', nullable: true })
  impressions!: number | null;

  @Column({ type: 'integer', nullable: true })
  reach!: number | null;

  @Column({ type: 'integer', nullable: true })
  engagements!: number | null;

  @Column({ type: 'integer', nullable: true })
  clicks!: number | null;

  @Column({ name: 'video_views', type: 'integer', nullable: true })
  videoViews!: number | null;

  @Column({ type: 'integer', nullable: true })
  conversions!: number | null;

  @BigintColumn('revenue_minor', { nullable: true })
  revenueMinor!: number | null;

  @CurrencyColumn('revenue_currency', { nullable: true })
  currency!: string | null;

  @Column({ name: 'import_id', type: 'uuid' })
  importId!: string;
}

/** A goal's outcome on one day that no single deliverable produced (the brand's own analytics). */
@Entity({ name: 'goal_outcomes' })
export class GoalOutcome {
  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @PrimaryColumn({ name: 'outcome_date', type: 'date' })
  date!: string;

  @PrimaryColumn({ type: 'text' })
  metric!: OutcomeMetric;

  @BigintColumn()
  value!: number;

  @CurrencyColumn(undefined, { nullable: true })
  currency!: string | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'import_id', type: 'uuid' })
  importId!: string;
}
