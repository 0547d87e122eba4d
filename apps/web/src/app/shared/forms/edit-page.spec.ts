import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ApiErrorBody } from '@agency-portal/shared';
import { EditFormTemplate, EditPage } from './edit-page';

/** A page in the frame, as every create / edit page uses it. */
@Component({
  selector: 'ap-edit-page-host',
  imports: [EditFormTemplate, EditPage],
  template: `
    <ap-edit-page
      [busy]="busy()"
      [loadError]="loadError()"
      [blocked]="blocked()"
      [ready]="ready()"
      (retry)="retried.set(retried() + 1)"
    >
      <div editPageHeader><h1 i18n>Edit thing</h1></div>
      <p editPageBlocked i18n class="blocked">This thing is closed.</p>
      <ng-template apEditForm>
        <form class="the-form"></form>
      </ng-template>
    </ap-edit-page>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class EditPageHost {
  readonly busy = signal(false);
  readonly loadError = signal<ApiErrorBody | null>(null);
  readonly blocked = signal(false);
  readonly ready = signal(false);
  readonly retried = signal(0);
}

describe('EditPage', () => {
  async function render(): Promise<{
    host: EditPageHost;
    element: HTMLElement;
    settle: () => Promise<void>;
  }> {
    const fixture = TestBed.createComponent(EditPageHost);
    const settle = async (): Promise<void> => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    await settle();
    return { host: fixture.componentInstance, element: fixture.nativeElement as HTMLElement, settle };
  }

  it('should create the form only once the page is ready', async () => {
    const { host, element, settle } = await render();
    const before = element.querySelector('.the-form');

    host.ready.set(true);
    await settle();

    expect(before).toBeNull();
    expect(element.querySelector('mat-card .the-form')).not.toBeNull();
    expect(element.querySelector('header h1')?.textContent).toBe('Edit thing');
  });

  it('should show the notice instead of the form when the record can no longer be edited', async () => {
    const { host, element, settle } = await render();

    host.ready.set(true);
    host.blocked.set(true);
    await settle();

    expect(element.querySelector('.blocked')?.textContent).toBe('This thing is closed.');
    expect(element.querySelector('.the-form')).toBeNull();
  });

  it('should show the load error with Try again instead of the form when the record failed to load', async () => {
    const { host, element, settle } = await render();

    host.ready.set(true);
    host.loadError.set({ code: 'internal_error', message: 'Something went wrong.' });
    await settle();
    element.querySelector<HTMLButtonElement>('ap-load-error button')?.click();

    expect(element.querySelector('ap-load-error')?.textContent).toContain('Something went wrong.');
    expect(element.querySelector('.the-form')).toBeNull();
    expect(host.retried()).toBe(1);
  });

  it('should show progress while busy', async () => {
    const { host, element, settle } = await render();

    host.busy.set(true);
    await settle();

    expect(element.querySelector('.ap-progress-slot mat-progress-bar')).not.toBeNull();
  });
});
