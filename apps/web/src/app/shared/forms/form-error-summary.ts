import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { FormGroupDirective } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { Subscription } from 'rxjs';

/** One field that stops the form from being saved, as the summary lists it. */
export interface InvalidField {
  /** "Rate card line 2 · Code": the field's label, inside the row or group it belongs to. */
  label: string;
  /** What is wrong, as the field itself says under it ('' when it says nothing). */
  message: string;
  element: HTMLElement;
}

const FOCUSABLE = 'input:not([type=hidden]), textarea, select, [tabindex]:not([tabindex="-1"]), button';

/** The form's controls that are invalid, in the order a person reads them. */
export function invalidFields(form: HTMLElement): InvalidField[] {
  const controls = form.querySelectorAll<HTMLElement>('[formcontrolname].ng-invalid');
  return Array.from(controls, (element) => ({
    label: labelOf(element, form),
    message: messageOf(element),
    element,
  }));
}

function labelOf(element: HTMLElement, form: HTMLElement): string {
  const field = element.closest('mat-form-field') ?? element.querySelector('mat-form-field');
  const own =
    text(field?.querySelector('mat-label')) ||
    element.getAttribute('aria-label') ||
    text(element.closest('.ap-chip-field')?.querySelector('.ap-chip-field__label')) ||
    element.getAttribute('formcontrolname') ||
    '';
  const group = element.parentElement?.closest<HTMLElement>('[role=group][aria-label]');
  return group && form.contains(group) ? `${group.getAttribute('aria-label') ?? ''} · ${own}` : own;
}

function messageOf(element: HTMLElement): string {
  const field = element.closest('mat-form-field') ?? element.querySelector('mat-form-field');
  return (
    text(field?.querySelector('mat-error')) || text(element.parentElement?.querySelector('.ap-field-error'))
  );
}

function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The element to put the cursor in: the control itself, or the first focusable part of it. */
export function focusTarget(element: HTMLElement): HTMLElement {
  return element.matches(FOCUSABLE) ? element : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
}

/**
 * Put first inside an edit form: when Save is pressed while fields are invalid, it marks them all
 * (so each shows its message), lists them at the top of the form with what is wrong, and moves
 * focus to the first one, instead of leaving the person on Save wondering why nothing happened.
 * Each entry moves focus to its field. The list follows the fields as they are corrected and goes
 * away once none is left. One mechanism for every edit form.
 */
@Component({
  selector: 'ap-form-error-summary',
  imports: [MatButtonModule],
  template: `
    @if (fields().length > 0) {
      <div class="ap-form-error ap-error-summary" data-testid="form-error-summary" aria-live="polite">
        <p i18n class="ap-error-summary__title">
          {fields().length, plural,
            =1 {1 field needs your attention before saving:}
            other {{{ fields().length }} fields need your attention before saving:}
          }
        </p>
        <ul>
          @for (field of fields(); track field.element) {
            <li>
              <button type="button" class="ap-error-summary__link" (click)="focusField(field)">
                {{ field.label }}</button><span>{{ field.message ? ': ' + field.message : '' }}</span>
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .ap-error-summary p,
    .ap-error-summary ul {
      margin: 0;
    }
    .ap-error-summary ul {
      padding-left: 20px;
      margin-top: 4px;
    }
    .ap-error-summary__title {
      font-weight: 500;
    }
    .ap-error-summary__link {
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormErrorSummary {
  private readonly formDirective = inject(FormGroupDirective);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly changeDetector = inject(ChangeDetectorRef);

  protected readonly fields = signal<InvalidField[]>([]);

  /** Set on the first invalid submit: from then on the list follows the form's status. */
  private following?: Subscription;

  constructor() {
    const submits = this.formDirective.ngSubmit.subscribe(() => this.summariseAfterSubmit());
    inject(DestroyRef).onDestroy(() => {
      submits.unsubscribe();
      this.following?.unsubscribe();
    });
  }

  protected focusField(field: InvalidField): void {
    const target = focusTarget(field.element);
    target.scrollIntoView?.({ block: 'center' });
    target.focus();
  }

  private summariseAfterSubmit(): void {
    const form = this.formDirective.form;
    if (form.valid) {
      this.fields.set([]);
      return;
    }
    form.markAllAsTouched();
    this.following ??= form.statusChanges.subscribe(() => {
      if (this.fields().length > 0) this.afterRender(() => this.fields.set(this.collect()));
    });
    this.afterRender(() => {
      const fields = this.collect();
      this.fields.set(fields);
      const first = fields[0];
      if (first) this.focusField(first);
    });
  }

  /**
   * Error messages and `ng-invalid` classes are in the DOM only once it has rendered; a change
   * made in code (not by an event) schedules no render by itself, so ask for one.
   */
  private afterRender(work: () => void): void {
    afterNextRender(work, { injector: this.injector });
    this.changeDetector.markForCheck();
  }

  private collect(): InvalidField[] {
    const form = this.host.nativeElement.closest('form');
    return form ? invalidFields(form) : [];
  }
}
