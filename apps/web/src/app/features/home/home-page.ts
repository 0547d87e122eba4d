import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { debounceTime } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import { LoadError } from '../../shared/ui/load-error';
import { FinanceQueues } from '../invoices/finance-queues';
import { NoticeStream } from '../notifications/notice-stream';
import { HomeQueue } from './home-queue';
import { HomeService } from './home.service';

/** How long the home waits after a burst of notices before reading its queues again. */
export const HOME_REFRESH_DEBOUNCE_MS = 1_000;

/**
 * Landing page, work first: the person's own queues (GET /api/home), each with its count and
 * overdue count and its rows soonest due first; finance's invoice queues for finance. Read again
 * when a notice arrives, since a notice means something changed that may be theirs to act on.
 */
@Component({
  selector: 'ap-home-page',
  imports: [FinanceQueues, HomeQueue, LoadError, MatButtonModule, MatProgressBarModule, RouterLink],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly auth = inject(AuthService);
  private readonly service = inject(HomeService);
  protected readonly user = this.auth.user;
  protected readonly firstName = computed(() => this.user()?.name.split(' ')[0] ?? '');
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly home = createLoader(
    () => this.user()?.id,
    () => this.service.home(),
  );
  protected readonly queues = computed(() => this.home.value()?.queues ?? []);
  /** Finance starts from what waits for their decision or payment. */
  protected readonly showFinanceQueues = computed(() => this.auth.hasPermission('invoice:decide'));
  /** Finance's way to the report, opened on the year so far. */
  protected readonly showSpendReport = computed(
    () => this.auth.hasPermission('invoice:decide') && this.auth.hasPermission('spend:read'),
  );
  protected readonly yearToDate = computed(() => ({ from: `${new Date().getFullYear()}-01-01` }));
  /** Nobody waits on this person (a viewer): say so rather than show empty queues. */
  protected readonly nothingToDo = computed(
    () => this.home.value() !== undefined && this.queues().length === 0 && !this.showFinanceQueues(),
  );

  constructor() {
    inject(NoticeStream)
      .notices.pipe(debounceTime(HOME_REFRESH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.home.reload());
  }
}
