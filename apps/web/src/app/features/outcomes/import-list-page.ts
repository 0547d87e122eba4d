import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { IMPORT_SORT_KEYS, IMPORT_SOURCES, IMPORT_STATUSES, IMPORT_TARGETS } from '@agency-portal/shared';
import { ListFilters } from '../../shared/list/list-filters';
import { OptionFilter } from '../../shared/list/filter-fields';
import { createListPage, oneOfThese } from '../../shared/list/list-page';
import { ListView } from '../../shared/list/list-view';
import { ImportService } from './import.service';
import { IMPORT_SOURCE_LABELS, IMPORT_STATUS_LABELS, IMPORT_TARGET_LABELS } from './import-labels';
import { ImportsTable } from './imports-table';

/** /imports: metric imports newest first, filtered by status, source and target in the URL. */
@Component({
  selector: 'ap-import-list-page',
  imports: [ImportsTable, ListFilters, ListView, MatButtonModule, OptionFilter, RouterLink],
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
        <ap-option-filter
          label="Status"
          i18n-label="@@imports.filter.status"
          anyLabel="Any status"
          i18n-anyLabel="@@imports.filter.anyStatus"
          [options]="statuses"
          [labels]="statusLabels"
          [control]="list.form.controls.status"
        />
        <ap-option-filter
          label="Source"
          i18n-label="Filter: where imports came from@@imports.filter.source"
          anyLabel="Files and integrations"
          i18n-anyLabel="@@imports.filter.anySource"
          [options]="sources"
          [labels]="sourceLabels"
          [control]="list.form.controls.source"
        />
        <ap-option-filter
          label="Holds"
          i18n-label="Filter: what imports hold@@imports.filter.target"
          anyLabel="Anything"
          i18n-anyLabel="@@imports.filter.anyTarget"
          [options]="targets"
          [labels]="targetLabels"
          [control]="list.form.controls.target"
        />
      </ap-list-filters>

      <ap-list-view
        [list]="list"
        [loader]="list.loader"
        loadingLabel="Loading imports"
        i18n-loadingLabel="@@imports.loading"
      >
        <div listEmpty>
          <p i18n="@@imports.empty">Nothing has been imported yet.</p>
          <p i18n="@@imports.emptyHint">
            Use “Import a file” to bring in a platform's export or our template.
          </p>
        </div>
        <ap-imports-table [imports]="list.loader.items()" />
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

  protected readonly list = createListPage(
    {
      status: oneOfThese(IMPORT_STATUSES),
      source: oneOfThese(IMPORT_SOURCES),
      target: oneOfThese(IMPORT_TARGETS),
    },
    {
      sortKeys: IMPORT_SORT_KEYS,
      defaultSort: '-createdAt',
      load: (query) => this.importService.list(query),
    },
  );
}
