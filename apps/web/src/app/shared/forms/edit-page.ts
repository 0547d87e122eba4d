import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  contentChild,
  inject,
  input,
  output,
} from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ApiErrorBody } from '@agency-portal/shared';
import { LoadError } from '../ui/load-error';

/** Marks the `<ng-template>` holding an edit page's form; it is created only once the page is ready. */
@Directive({ selector: 'ng-template[apEditForm]' })
export class EditFormTemplate {
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}

/**
 * The frame of every create / edit page: the header (projected, `editPageHeader`), a progress bar
 * while the record loads or the save is under way, the load error with "Try again", a notice
 * instead of the form when the record can no longer be edited (`blocked`, projected
 * `editPageBlocked`), and the form (`<ng-template apEditForm>`) in a card once `ready`. Messages
 * above the card (`editPageNotice`) show with the form.
 */
@Component({
  selector: 'ap-edit-page',
  imports: [LoadError, MatCardModule, MatProgressBarModule, NgTemplateOutlet],
  template: `
    <section class="ap-page" [class.ap-page--narrow]="!maxWidth()" [style.max-width.px]="maxWidth()">
      <header class="ap-page-header">
        <ng-content select="[editPageHeader]" />
      </header>
      <div class="ap-progress-slot">
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" i18n-aria-label />
        }
      </div>
      @if (loadError(); as error) {
        <ap-load-error [error]="error" (retry)="retry.emit()" />
      } @else if (blocked()) {
        <ng-content select="[editPageBlocked]" />
      } @else if (ready()) {
        <ng-content select="[editPageNotice]" />
        <mat-card appearance="outlined">
          <mat-card-content>
            <ng-container [ngTemplateOutlet]="form()?.template ?? null" />
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditPage {
  /** The record (or its lookups) loading, or the save under way. */
  readonly busy = input(false);
  readonly loadError = input<ApiErrorBody | null>(null);
  /** The record can no longer be edited: the projected notice shows instead of the form. */
  readonly blocked = input(false);
  /** Whether the form can show: creating, or the record has loaded. */
  readonly ready = input(true);
  /** A wider page than the narrow default, for forms with tables (in px). */
  readonly maxWidth = input<number>();
  readonly retry = output();

  protected readonly form = contentChild(EditFormTemplate);
}
