import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FormErrorSummary } from './form-error-summary';

@Component({
  selector: 'ap-test-form',
  imports: [FormErrorSummary, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="saved = true" novalidate>
      <ap-form-error-summary />
      <mat-form-field>
        <mat-label i18n>Title</mat-label>
        <input matInput formControlName="title" />
        <mat-error i18n>Enter a title.</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>Scope</mat-label>
        <textarea matInput formControlName="scope"></textarea>
      </mat-form-field>
      <div role="group" aria-label="Rate card line 1" i18n-aria-label formGroupName="line">
        <mat-form-field>
          <mat-label i18n>Code</mat-label>
          <input matInput formControlName="code" />
          <mat-error i18n>Enter a code.</mat-error>
        </mat-form-field>
      </div>
      <button i18n type="submit">Save</button>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class TestForm {
  saved = false;
  readonly form = inject(NonNullableFormBuilder).group({
    title: ['', Validators.required],
    scope: [''],
    line: inject(NonNullableFormBuilder).group({ code: ['', Validators.required] }),
  });
}

describe('FormErrorSummary', () => {
  let fixture: ComponentFixture<TestForm>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [TestForm] });
    fixture = TestBed.createComponent(TestForm);
    element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    await fixture.whenStable();
  });

  afterEach(() => element.remove());

  /** The summary reads the rendered fields, then renders itself: two passes. */
  async function settle(): Promise<void> {
    await fixture.whenStable();
    await fixture.whenStable();
  }

  async function pressSave(): Promise<void> {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
  }

  function summary(): string[] {
    return Array.from(element.querySelectorAll('[data-testid="form-error-summary"] li'), (item) =>
      (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  function input(name: string): HTMLInputElement | null {
    return element.querySelector(`[formcontrolname="${name}"]`);
  }

  it('should list every invalid field with its message and focus the first when Save is pressed', async () => {
    await pressSave();

    expect(element.querySelector('[data-testid="form-error-summary"] p')?.textContent?.trim()).toBe(
      '2 fields need your attention before saving:',
    );
    expect(summary()).toEqual(['Title: Enter a title.', 'Rate card line 1 · Code: Enter a code.']);
    expect(document.activeElement).toBe(input('title'));
  });

  it('should move focus to the field when its entry is pressed', async () => {
    await pressSave();

    element.querySelectorAll<HTMLButtonElement>('[data-testid="form-error-summary"] li button')[1]?.click();

    expect(document.activeElement).toBe(input('code'));
  });

  it('should follow the corrections and go away when no field is left invalid', async () => {
    await pressSave();

    fixture.componentInstance.form.controls.title.setValue('Winter launch');
    await settle();
    const afterOne = summary();
    fixture.componentInstance.form.controls.line.controls.code.setValue('REEL');
    await settle();

    expect(afterOne).toEqual(['Rate card line 1 · Code: Enter a code.']);
    expect(element.querySelector('[data-testid="form-error-summary"]')).toBeNull();
  });

  it('should show nothing when a valid form is saved', async () => {
    fixture.componentInstance.form.setValue({ title: 'Winter', scope: '', line: { code: 'REEL' } });

    await pressSave();

    expect(fixture.componentInstance.saved).toBe(true);
    expect(element.querySelector('[data-testid="form-error-summary"]')).toBeNull();
  });
});
