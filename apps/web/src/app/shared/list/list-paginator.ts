import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PageTotal } from '@agency-portal/shared';

/** "26–50 of 1,234", "26–50 of 10,000+" or, before the count is known, "26–50". */
export function rangeLabel(
  locale: string,
  pageIndex: number,
  pageSize: number,
  shown: number,
  total: PageTotal | undefined,
): string {
  const number = new Intl.NumberFormat(locale);
  const first = number.format(pageIndex * pageSize + 1);
  const last = number.format(pageIndex * pageSize + shown);
  if (!total) {
    return $localize`:Rows of a list shown on this page@@list.range:${first}:first:–${last}:last:`;
  }
  const count = number.format(total.count);
  return total.exact
    ? $localize`:Rows shown out of all the list's rows@@list.rangeOf:${first}:first:–${last}:last: of ${count}:total:`
    : $localize`:Rows shown out of more rows than were counted@@list.rangeOfMore:${first}:first:–${last}:last: of ${count}:total:+`;
}

/**
 * Keyset paging: where this page sits ("1–25 of 1,234") and Previous / Next. There is no "jump to
 * page 37": people filter and search instead (docs/lists.md).
 */
@Component({
  selector: 'ap-list-paginator',
  imports: [MatButtonModule],
  template: `
    <nav class="ap-paginator" [attr.aria-label]="label()">
      <span class="ap-paginator__range" role="status">{{ range() }}</span>
      <span class="ap-paginator__buttons">
        <button
          matButton
          type="button"
          aria-label="Previous page"
          i18n-aria-label="@@list.previousPage"
          [disabled]="pageIndex() === 0"
          (click)="previous.emit()"
        >
          <span aria-hidden="true">‹</span>
          <ng-container i18n="Goes to the previous page of a list@@list.previous">Previous</ng-container>
        </button>
        <button
          matButton
          type="button"
          aria-label="Next page"
          i18n-aria-label="@@list.nextPage"
          [disabled]="!hasNext()"
          (click)="next.emit()"
        >
          <ng-container i18n="Goes to the next page of a list@@list.next">Next</ng-container>
          <span aria-hidden="true">›</span>
        </button>
      </span>
    </nav>
  `,
  styles: `
    .ap-paginator {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 4px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .ap-paginator__buttons {
      display: flex;
      gap: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListPaginator {
  readonly pageIndex = input.required<number>();
  readonly pageSize = input.required<number>();
  /** Rows on this page. */
  readonly shown = input.required<number>();
  readonly total = input<PageTotal>();
  readonly hasNext = input.required<boolean>();
  readonly label = input($localize`:Accessible name of a list's paging controls@@list.pages:Pages`);
  readonly previous = output();
  readonly next = output();

  private readonly locale = inject(LOCALE_ID);
  protected readonly range = computed(() =>
    rangeLabel(this.locale, this.pageIndex(), this.pageSize(), this.shown(), this.total()),
  );
}
