import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  InjectionToken,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type {
  ApiErrorBody,
  ImportStatus,
  MetricImportDetailDto,
  StartImportRequest,
} from '@agency-portal/shared';
import { FINISHED_IMPORT_STATUSES } from '@agency-portal/shared';
import { EMPTY, type Observable, expand, switchMap, timer } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { LoadError } from '../../shared/ui/load-error';
import { StatusChip } from '../../shared/ui/status-chip';
import { ImportMapping } from './import-mapping';
import { ImportResult } from './import-result';
import { ImportService } from './import.service';
import { IMPORT_STATUS_LABELS, IMPORT_STATUS_TONES } from './import-labels';

/** How often a running import is asked for its progress (ms). */
export const IMPORT_POLL_MS = new InjectionToken<number>('IMPORT_POLL_MS', { factory: () => 1000 });

export function isRunning(status: ImportStatus): boolean {
  return status !== 'mapping' && !FINISHED_IMPORT_STATUSES.includes(status);
}

/**
 * /imports/:id: an uploaded file waiting for its mapping (step 2), or the result page of a started
 * one (step 3), asked again every second while the job runs and no longer once it is done or the
 * page is left.
 */
@Component({
  selector: 'ap-import-page',
  imports: [ImportMapping, ImportResult, LoadError, MatProgressBarModule, RouterLink, StatusChip],
  template: `
    <section class="ap-page">
      <a i18n="@@imports.backToList" class="ap-back" routerLink="/imports">← All imports</a>
      @if (error(); as error) {
        <ap-load-error [error]="error" (retry)="reload()" />
      } @else if (item(); as item) {
        <header class="ap-page-header">
          <div>
            <div class="ap-title-row">
              <h1 #heading tabindex="-1" class="ap-import__title">
                @if (item.status === 'mapping') {
                  <ng-container i18n="@@importPage.mappingTitle"
                    >Map the columns of {{ item.fileName }}</ng-container
                  >
                } @else {
                  <ng-container i18n="@@importPage.resultTitle">Import of {{ item.fileName }}</ng-container>
                }
              </h1>
              <ap-status-chip [label]="statusLabels[item.status]" [tone]="statusTones[item.status]" />
            </div>
            <p class="ap-subtitle">
              @if (item.status === 'mapping') {
                <ng-container i18n="@@importPage.mappingStep"
                  >Step 2 of 3: say what the file's columns hold. Nothing is stored until the whole file has
                  been checked.</ng-container
                >
              } @else {
                <ng-container i18n="@@importPage.resultStep"
                  >Step 3 of 3: the file is checked whole, then imported or refused.</ng-container
                >
              }
            </p>
          </div>
        </header>
        @if (item.status === 'mapping') {
          @if (presets.value(); as presets) {
            <ap-import-mapping
              [item]="item"
              [presets]="presets.items"
              [busy]="starting()"
              [serverError]="startError()"
              (startRequested)="startImport(item.id, $event)"
            />
          } @else if (presets.error(); as error) {
            <ap-load-error [error]="error" (retry)="presets.reload()" />
          } @else {
            <mat-progress-bar
              mode="indeterminate"
              aria-label="Loading the export formats"
              i18n-aria-label="@@importPage.loadingPresets"
            />
          }
        } @else {
          <ap-import-result [item]="item" />
        }
      } @else {
        <mat-progress-bar
          mode="indeterminate"
          aria-label="Loading the import"
          i18n-aria-label="@@importPage.loading"
        />
      }
    </section>
  `,
  styles: `
    .ap-import__title {
      outline: none;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  readonly id = input.required<string>();

  private readonly imports = inject(ImportService);
  private readonly injector = inject(Injector);
  private readonly pollMs = inject(IMPORT_POLL_MS);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  protected readonly statusLabels = IMPORT_STATUS_LABELS;
  protected readonly statusTones = IMPORT_STATUS_TONES;
  protected readonly item = signal<MetricImportDetailDto | undefined>(undefined);
  protected readonly error = signal<ApiErrorBody | null>(null);
  protected readonly starting = signal(false);
  protected readonly startError = signal<ApiErrorBody | null>(null);
  private readonly watches = signal(0);
  /** Mapping or result: focus moves to the heading when the page turns from one to the other. */
  private readonly step = computed(() => {
    const status = this.item()?.status;
    return status === undefined ? null : status === 'mapping' ? 'mapping' : 'result';
  });
  protected readonly presets = createLoader(
    () => (this.step() === 'mapping' ? true : undefined),
    () => this.imports.presets(),
  );

  constructor() {
    effect((onCleanup) => {
      const id = this.id();
      this.watches();
      const subscription = untracked(() =>
        this.watch(id).subscribe({
          next: (item) => this.item.set(item),
          error: (failure: unknown) => this.error.set(toApiError(failure)),
        }),
      );
      onCleanup(() => subscription.unsubscribe());
    });
    effect(() => {
      if (this.step() === null) return;
      afterNextRender({ write: () => this.heading()?.nativeElement.focus() }, { injector: this.injector });
    });
  }

  protected reload(): void {
    this.error.set(null);
    this.watches.update((count) => count + 1);
  }

  protected startImport(id: string, request: StartImportRequest): void {
    this.starting.set(true);
    this.startError.set(null);
    this.imports.start(id, request).subscribe({
      next: (item) => {
        this.starting.set(false);
        this.item.set(item);
        this.watches.update((count) => count + 1);
      },
      error: (failure: unknown) => {
        this.starting.set(false);
        this.startError.set(toApiError(failure));
      },
    });
  }

  /** The import now, then again every second while its job runs. */
  private watch(id: string): Observable<MetricImportDetailDto> {
    return this.imports
      .get(id)
      .pipe(
        expand((item) =>
          isRunning(item.status) ? timer(this.pollMs).pipe(switchMap(() => this.imports.get(id))) : EMPTY,
        ),
      );
  }
}
