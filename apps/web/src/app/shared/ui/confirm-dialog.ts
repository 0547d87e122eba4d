import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule } from '@angular/material/dialog';
import { type Observable, map } from 'rxjs';

export interface ConfirmDialogData {
  title: string;
  /** What will happen, in a sentence or two: who sees it, what can no longer change. */
  message: string;
  confirmLabel: string;
  /** Styles the confirming button as a destructive action. */
  destructive?: boolean;
}

/** The message's id: the dialog is described by it, so a screen reader reads it with the title. */
const MESSAGE_ID = 'ap-confirm-dialog-message';

/**
 * "Are you sure?" before a step that cannot simply be taken back: the title names it, the message
 * says what will happen. Keyboard: focus starts on Cancel (the safe choice; Enter on it changes
 * nothing), Tab reaches the confirming button, Escape cancels, and focus returns to the button
 * that opened the dialog.
 */
@Component({
  selector: 'ap-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p [id]="messageId">{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button i18n matButton type="button" cdkFocusInitial [mat-dialog-close]="false">Cancel</button>
      <button
        matButton="filled"
        type="button"
        data-testid="confirm-button"
        [class.ap-danger]="data.destructive"
        [mat-dialog-close]="true"
      >
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
  protected readonly messageId = MESSAGE_ID;
}

/** Opens a {@link ConfirmDialog}; emits true only when the user confirmed. */
export function openConfirmDialog(dialog: MatDialog, data: ConfirmDialogData): Observable<boolean> {
  return dialog
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data,
      width: '440px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      ariaDescribedBy: MESSAGE_ID,
    })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
