import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { IMPORT_SORT_KEYS, IMPORT_SOURCES, IMPORT_STATUSES, IMPORT_TARGETS } from '@agency-portal/shared';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState, oneOf } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { ImportService } from './import.service';
import { IMPORT_SOURCE_LABELS, IMPORT_STATUS_LABELS, IMPORT_TARGET_LABELS } from './import-labels';
import { ImportsTable } from './imports-table';

/** /imports: metric imports newest first, filtered by status, source and target in the URL. */
@Component({
  selector: 'ap-import-list-page',
  imports: [
    ImportsTable,
    ListFilters,
    ListView,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          <h1 i18n="@@imports.title">Metric imports</h1>
          <p i18n="@@imports.subtitle" class="ap-subtitle">
            Files of published work's figures from the platforms' exports or our template, and integration
            batches: each one checked whole, then imported or refused with its line errors.
          </p>
        </div>
        <div class="ap-page-header__actions">
          <a i18n="@@imports.new" matButton="filled" routerLink="/imports/new">Import a file</a>
        </div>
      </header>

      <ap-list-filters [list]="list" label="Filter imports" i18n-label="@@imports.filters">
        <mat-form-field>
          <mat-label i18n="@@imports.filter.status">Status</mat-label>
          <mat-select [formControl]="list.form.controls.status">
            <mat-option i18n="@@imports.filter.anyStatus" value="">Any status</mat-option>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="Filter: where imports came from@@imports.filter.source">Source</mat-label>
          <mat-select [formControl]="list.form.controls.source">
            <mat-option i18n="@@imports.filter.anySource" value="">Files and integrations</mat-option>
            @for (source of sources; track source) {
              <mat-option [value]="source">{{ sourceLabels[source] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="Filter: what imports hold@@imports.filter.target">Holds</mat-label>
          <mat-select [formControl]="list.form.controls.target">
            <mat-option i18n="@@imports.filter.anyTarget" value="">Anything</mat-option>
            @for (target of targets; track target) {
              <mat-option [value]="target">{{ targetLabels[target] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </ap-list-filters>

      <ap-list-view
        [list]="list"
        [loader]="imports"
        loadingLabel="Loading imports"
        i18n-loadingLabel="@@imports.loading"
      >
        <div listEmpty>
          <p i18n="@@imports.empty">Nothing has been imported yet.</p>
          <p i18n="@@imports.emptyHint">
            Use “Import a file” to bring in a platform's export or our template.
          </p>
        </div>
        <ap-imports-table [imports]="imports.items()" />
      </ap-list-view>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportListPage {
  private readonly importService = inject(ImportService);

  protected readonly statuses = IMPORT_STATUSES;
  protected readonly sources = IMPORT_SOURCES;
  protected readonly targets = IMPORT_TARGETS;
  protected readonly statusLabels = IMPORT_STATUS_LABELS;
  protected readonly sourceLabels = IMPORT_SOURCE_LABELS;
  protected readonly targetLabels = IMPORT_TARGET_LABELS;

  protected readonly list = listQueryState({
    filters: ['status', 'source', 'target'] as const,
    sortKeys: IMPORT_SORT_KEYS,
    defaultSort: '-createdAt',
  });
  protected readonly imports = createListLoader(
    this.list,
    (filters) => ({
      status: oneOf(IMPORT_STATUSES, filters.status),
      source: oneOf(IMPORT_SOURCES, filters.source),
      target: oneOf(IMPORT_TARGETS, filters.target),
    }),
    (query) => this.importService.list(query),
  );
}
