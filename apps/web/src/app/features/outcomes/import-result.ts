import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import { DecimalPipe, PercentPipe } from '@angular/common';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { MetricImportDetailDto } from '@agency-portal/shared';
import { FINISHED_IMPORT_STATUSES, MAX_IMPORT_ROWS, MAX_STORED_ROW_ERRORS } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ImportErrors } from './import-errors';

/** Why an import failed or was refused without line errors, in words. */
export function failureText(failure: string | null, locale: string): string {
  switch (failure) {
    case 'too_many_rows': {
      const max = new Intl.NumberFormat(locale).format(MAX_IMPORT_ROWS);
      return $localize`:@@importResult.tooManyRows:The file has more than ${max}:max: data rows, the most one import takes. Split it by period and import each part.`;
    }
    case 'unreadable_file':
      return $localize`:@@importResult.unreadable:The file could not be read to its end: it may be damaged or not UTF-8 text. Export it again.`;
    default:
      return $localize`:@@importResult.failed:The portal could not finish this import. Start it again; if it fails again, tell your administrator.`;
  }
}

/** Step 3 of 3: where the job stands (a progress bar while it runs), then its counts or the lines it refused. */
@Component({
  selector: 'ap-import-result',
  imports: [DecimalPipe, ImportErrors, LocalDatePipe, MatProgressBarModule, PercentPipe, RouterLink],
  template: `
    @switch (item().status) {
      @case ('imported') {
        <p i18n="@@importResult.imported" class="ap-notice" role="status">
          Imported: every row was checked and stored.
        </p>
      }
      @case ('refused') {
        <div class="ap-form-error" role="alert">
          <p i18n="@@importResult.refused" class="ap-result__title">
            The file was refused: nothing was stored.
          </p>
          @if (item().counts.errors > 0) {
            <p i18n="@@importResult.refusedLines">Fix the lines below in the file and import it again.</p>
          } @else {
            <p>{{ failure() }}</p>
          }
        </div>
      }
      @case ('failed') {
        <div class="ap-form-error" role="alert">
          <p i18n="@@importResult.failedTitle" class="ap-result__title">
            The import failed: nothing was stored.
          </p>
          <p>{{ failure() }}</p>
        </div>
      }
      @default {
        <div class="ap-result__running" role="status">
          <p>{{ runningText() }}</p>
          @if (share(); as share) {
            <mat-progress-bar mode="determinate" [value]="share * 100" [attr.aria-label]="runningText()" />
            <span>{{ share | percent }}</span>
          } @else {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="runningText()" />
          }
        </div>
      }
    }

    <dl class="ap-details ap-result__facts">
      <dt i18n="@@importResult.file">File</dt>
      <dd>{{ item().fileName ?? '' }}</dd>
      <dt i18n="@@importResult.uploadedBy">Uploaded</dt>
      <dd i18n="@@importResult.uploadedByValue">
        {{ item().createdAt | localDate: 'dateTime' }} by {{ item().createdBy.name }}
      </dd>
      @if (item().finishedAt; as finishedAt) {
        <dt i18n="@@importResult.finished">Finished</dt>
        <dd>{{ finishedAt | localDate: 'dateTime' }}</dd>
      }
      @if (item().progress.total !== null) {
        <dt i18n="@@importResult.rows">Data rows</dt>
        <dd data-testid="import-total">{{ item().progress.total | number }}</dd>
      }
    </dl>

    @if (finished() && item().status !== 'failed') {
      <section aria-labelledby="import-counts-heading">
        <h2 i18n="@@importResult.countsHeading" id="import-counts-heading">Rows</h2>
        <dl class="ap-result__counts">
          <div>
            <dt i18n="Rows an import added@@importResult.inserted">New</dt>
            <dd data-testid="count-inserted">{{ item().counts.inserted | number }}</dd>
          </div>
          <div>
            <dt i18n="Rows an import changed@@importResult.updated">Updated</dt>
            <dd data-testid="count-updated">{{ item().counts.updated | number }}</dd>
          </div>
          <div>
            <dt i18n="Rows an import found already stored with the same figures@@importResult.unchanged">
              Unchanged
            </dt>
            <dd data-testid="count-unchanged">{{ item().counts.unchanged | number }}</dd>
          </div>
          @if (item().target === 'goal') {
            <div>
              <dt i18n="Goal outcomes an import removed@@importResult.removed">Removed</dt>
              <dd data-testid="count-removed">{{ item().counts.removed | number }}</dd>
            </div>
          }
          <div>
            <dt i18n="Line errors of an import@@importResult.errors">Errors</dt>
            <dd data-testid="count-errors">{{ item().counts.errors | number }}</dd>
          </div>
        </dl>
      </section>
    }

    @if (item().status === 'refused' && item().counts.errors > 0) {
      <section aria-labelledby="import-errors-heading">
        <h2 i18n="@@importResult.errorsHeading" id="import-errors-heading">Line errors</h2>
        @if (item().counts.errors > storedErrors) {
          <p i18n="@@importResult.errorsCapped" class="ap-hint">
            The first {{ storedErrors | number }} errors are kept; fix them and import again to see the rest.
          </p>
        }
        <ap-import-errors [importId]="item().id" [count]="shownErrorCount()" />
      </section>
    }

    <p class="ap-result__next">
      <a i18n="@@importResult.another" routerLink="/imports/new">Import another file</a>
    </p>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
      min-width: 0;
    }
    .ap-result__title {
      font-weight: 500;
    }
    .ap-form-error p,
    .ap-notice {
      margin: 0;
    }
    .ap-result__running {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .ap-result__running p {
      flex: 1 1 100%;
      margin: 0;
    }
    .ap-result__running mat-progress-bar {
      flex: 1 1 200px;
    }
    .ap-result__counts {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 32px;
      margin: 0;
    }
    .ap-result__counts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .ap-result__counts dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportResult {
  readonly item = input.required<MetricImportDetailDto>();

  private readonly locale = inject(LOCALE_ID);
  /** The server keeps the first 1,000 line errors of a refused file. */
  protected readonly storedErrors = MAX_STORED_ROW_ERRORS;
  protected readonly finished = computed(() => FINISHED_IMPORT_STATUSES.includes(this.item().status));
  protected readonly failure = computed(() => failureText(this.item().failure, this.locale));
  protected readonly shownErrorCount = computed(() => Math.min(this.item().counts.errors, this.storedErrors));
  /** Share of the rows done in the current phase (0–1); null while the file's length is unknown. */
  protected readonly share = computed(() => {
    const { status, progress } = this.item();
    if (!progress.total) return null;
    const done = status === 'importing' ? progress.imported : progress.checked;
    return Math.min(1, done / progress.total);
  });
  protected readonly runningText = computed(() => {
    const { status, progress } = this.item();
    const number = new Intl.NumberFormat(this.locale);
    const total = number.format(progress.total ?? 0);
    switch (status) {
      case 'checking':
        return $localize`:@@importResult.checking:Checking every row: ${number.format(progress.checked)}:checked: of ${total}:total:.`;
      case 'importing':
        return $localize`:@@importResult.importing:Storing the rows: ${number.format(progress.imported)}:imported: of ${total}:total:.`;
      default:
        return $localize`:@@importResult.queued:Waiting for the import to start…`;
    }
  });
}
