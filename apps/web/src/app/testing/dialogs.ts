import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

/**
 * Presses a button of the open dialog by its text and waits until the dialog has closed (its
 * answer reaches the page after the closing animation). Dialogs render in the overlay at the
 * document's root, outside the component under test.
 */
export async function pressInDialog(name: string): Promise<void> {
  const dialog = TestBed.inject(MatDialog).openDialogs.at(-1);
  const buttons = document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button');
  const button = Array.from(buttons).find((candidate) => candidate.textContent?.trim() === name);
  if (!dialog || !button) {
    throw new Error(`No dialog button "${name}"; the dialog shows: ${openDialogText()}`);
  }
  const closed = firstValueFrom(dialog.afterClosed());
  button.click();
  await closed;
}

/** The text of the open dialog ('' when none is open). */
export function openDialogText(): string {
  return document.querySelector('mat-dialog-container')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
