import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

/** Short, non-blocking messages at the bottom of the screen. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  success(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  /** A message that stays until the next one replaces it (the service is unavailable, say). */
  lasting(message: string): void {
    this.snackBar.open(message, undefined, { politeness: 'assertive' });
  }

  error(message: string): void {
    this.snackBar.open(message, $localize`:Button closing a notice@@notice.dismiss:Dismiss`, {
      duration: 8000,
      politeness: 'assertive',
      panelClass: 'ap-snack-error',
    });
  }
}
