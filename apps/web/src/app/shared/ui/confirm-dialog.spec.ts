import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { firstValueFrom } from 'rxjs';
import { openConfirmDialog } from './confirm-dialog';

// Where focus starts and returns needs a real layout: e2e/journeys/contracts.spec.ts checks it.
/** Any fixture will do: the dialog lives in the overlay at the document's root. */
@Component({ selector: 'ap-test-host', template: '' })
class TestHost {}

describe('openConfirmDialog', () => {
  async function open(): Promise<{ answer: Promise<boolean>; dialog: MatDialogHarness }> {
    const dialogs = TestBed.inject(MatDialog);
    const answer = firstValueFrom(
      openConfirmDialog(dialogs, {
        title: 'Send this brief?',
        message: 'The agency is notified and can accept or decline it.',
        confirmLabel: 'Send brief',
      }),
    );
    const opened = dialogs.openDialogs[0];
    if (opened) await firstValueFrom(opened.afterOpened());
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(
      TestBed.createComponent(TestHost),
    ).getHarness(MatDialogHarness);
    return { answer, dialog };
  }

  it('should be named by its title and described by what will happen when it opens', async () => {
    const { dialog } = await open();

    const describedBy = (await (await dialog.host()).getAttribute('aria-describedby')) ?? '';
    expect(await dialog.getTitleText()).toBe('Send this brief?');
    expect(document.getElementById(describedBy)?.textContent).toBe(
      'The agency is notified and can accept or decline it.',
    );
  });

  it('should answer true when the named button is pressed', async () => {
    const { answer } = await open();

    (document.querySelector('[data-testid="confirm-button"]') as HTMLButtonElement).click();

    expect(await answer).toBe(true);
  });

  it('should answer false when Escape is pressed', async () => {
    const { answer, dialog } = await open();

    await dialog.close();

    expect(await answer).toBe(false);
  });
});
