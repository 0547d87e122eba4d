import { Directive, LOCALE_ID, inject } from '@angular/core';
import type { ScorecardFigures } from '@agency-portal/shared';
import { KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import {
  FIGURE_DEFINITIONS,
  FIGURE_KEYS,
  FIGURE_LABELS,
  type FigureKey,
  formatDecimal,
  formatFigure,
  formatShare,
  quarterLabel,
  quarterOptions,
  sampleNote,
} from './scorecard-view';

/**
 * What both scorecard pages (the quarter's comparison and one agency's) show the same way: the
 * figures with their labels and definitions, their sample notes, shares, per-thousand values and
 * the quarters to choose from.
 */
@Directive()
export abstract class ScorecardPage {
  protected readonly locale = inject(LOCALE_ID);

  protected readonly figureKeys = FIGURE_KEYS;
  protected readonly figureLabels = FIGURE_LABELS;
  protected readonly definitions = FIGURE_DEFINITIONS;
  protected readonly kpiLabels = KPI_METRIC_LABELS;
  protected readonly quarters = quarterOptions();
  protected readonly quarterLabel = quarterLabel;

  /** A figure of a row or a quarter, formatted. */
  protected figure(of: { figures: ScorecardFigures }, key: FigureKey): string {
    return formatFigure(of.figures, key, this.locale);
  }

  protected sample(of: { figures: ScorecardFigures }, key: FigureKey): string {
    return sampleNote(of.figures, key);
  }

  protected ratio(value: number | null): string {
    return value === null ? '—' : formatShare(value, this.locale);
  }

  protected perThousand(value: number | null): string {
    return value === null ? '—' : formatDecimal(value, this.locale);
  }
}
