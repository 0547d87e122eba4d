import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LoadError } from '../ui/load-error';
import type { ListLoader } from './list-loader';
import { ListPaginator } from './list-paginator';
import type { ListQueryState } from './list-query-state';

/**
 * The body of every list page: a progress bar while a page loads (the last page stays on screen),
 * the error with "Try again", the two empty states — nothing matches the filters (with "Clear
 * filters") or nothing exists yet (the page's own words, projected with `listEmpty`) — the table
 * (projected) and the paginator.
 */
@Component({
  selector: 'ap-list-view',
  imports: [ListPaginator, LoadError, MatButtonModule, MatProgressBarModule],
  template: `
    <div class="ap-progress-slot">
      @if (loader().loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
      }
    </div>
    @if (loader().error(); as error) {
      <ap-load-error [error]="error" (retry)="loader().reload()" />
    } @else if (loader().value(); as page) {
      @if (page.items.length === 0) {
        <div class="ap-empty" role="status">
          @if (list().hasFilters() || list().pageIndex() > 0) {
            <ng-content select="[listNoMatch]">
              <p i18n="A filtered list is empty@@list.noMatch">Nothing matches these filters.</p>
            </ng-content>
            @if (list().hasFilters()) {
              <button
                i18n="@@list.clearFilters"
                matButton="outlined"
                type="button"
                (click)="list().clearFilters()"
              >
                Clear filters
              </button>
            }
          } @else {
            <ng-content select="[listEmpty]" />
          }
        </div>
      } @else {
        <ng-content />
      }
      @if (page.items.length > 0 || list().pageIndex() > 0) {
        <ap-list-paginator
          [pageIndex]="list().pageIndex()"
          [pageSize]="list().pageSize"
          [shown]="page.items.length"
          [total]="loader().total()"
          [hasNext]="page.nextCursor !== null"
          [label]="pagesLabel()"
          (previous)="list().previousPage()"
          (next)="nextPage(page.nextCursor)"
        />
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: 0;
    }
    .ap-empty button {
      margin-top: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListView {
  readonly list = input.required<ListQueryState>();
  readonly loader = input.required<ListLoader<unknown>>();
  /** Accessible name of the progress bar, e.g. "Loading briefs". */
  readonly loadingLabel = input.required<string>();
  readonly pagesLabel = input($localize`:Accessible name of a list's paging controls@@list.pages:Pages`);

  protected nextPage(cursor: string | null): void {
    if (cursor) this.list().nextPage(cursor);
  }
}
