import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ListQueryState } from './list-query-state';

/**
 * A list's filter bar: the text search (when the route searches), the page's own filter fields
 * (projected, bound with `[formControl]="list.form.controls.<name>"`) and "Clear filters" while
 * anything narrows the list. Enter searches at once; otherwise the search follows typing when it rests.
 */
@Component({
  selector: 'ap-list-filters',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <div class="ap-filters" role="search" [attr.aria-label]="label()">
      @if (searchLabel(); as searchLabel) {
        <mat-form-field class="ap-filters__search">
          <mat-label>{{ searchLabel }}</mat-label>
          <svg
            matIconPrefix
            class="ap-filters__icon"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
          >
            <path
              fill="currentColor"
              d="M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z"
            />
          </svg>
          <input
            matInput
            type="search"
            autocomplete="off"
            [formControl]="list().searchControl"
            [placeholder]="searchPlaceholder()"
            (keydown.enter)="list().setSearch(list().searchControl.value)"
          />
        </mat-form-field>
      }
      <ng-content />
      @if (list().hasFilters()) {
        <button
          i18n="Removes every filter and the search of a list@@list.clearFilters"
          matButton
          type="button"
          (click)="list().clearFilters()"
        >
          Clear filters
        </button>
      }
    </div>
  `,
  styles: `
    .ap-filters__search {
      flex: 1 1 240px;
    }
    .ap-filters__icon {
      margin: 0 4px 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListFilters {
  readonly list = input.required<ListQueryState>();
  /** The search field's label; without one the list has no text search. */
  readonly searchLabel = input<string>();
  readonly searchPlaceholder = input('');
  /** Accessible name of the filter bar, e.g. "Filter briefs". */
  readonly label = input.required<string>();
}
