import type { ScorecardRow } from '@agency-portal/shared';
import { type TableColumn, textCell } from '../../shared/table/table-column';
import { FIGURE_DEFINITIONS, FIGURE_KEYS, FIGURE_LABELS, formatFigure, sampleNote } from './scorecard-view';

/**
 * The comparison's columns: the agency (each row's header, to its scorecard), every figure with
 * what it rests on (sortable, rates best first), then the money figures per currency (drawn by the
 * page's templates `agency`, `budgetVariance` and `kpiContribution`).
 */
export function scorecardColumns(locale: string): readonly TableColumn<ScorecardRow>[] {
  return [
    { id: 'agency', header: $localize`:@@scorecard.agency:Agency`, sort: 'name', rowHeader: true },
    ...FIGURE_KEYS.map((key): TableColumn<ScorecardRow> => ({
      id: key,
      header: FIGURE_LABELS[key],
      headerTitle: FIGURE_DEFINITIONS[key],
      sort: key,
      start: key === 'onTimeRate' || key === 'firstPassRate' ? 'desc' : 'asc',
      numeric: true,
      cellTestId: `figure-${key}`,
      cell: textCell(
        (row) => formatFigure(row.figures, key, locale),
        (row) => sampleNote(row.figures, key),
      ),
    })),
    {
      id: 'budgetVariance',
      header: $localize`:@@scorecard.budget:Budget variance`,
      headerTitle: FIGURE_DEFINITIONS.budgetVariance,
      numeric: true,
    },
    {
      id: 'kpiContribution',
      header: $localize`:@@scorecard.kpi:KPI per 1,000 of spend`,
      headerTitle: FIGURE_DEFINITIONS.kpiContribution,
      numeric: true,
    },
  ];
}
