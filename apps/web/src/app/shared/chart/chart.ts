import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  InjectionToken,
  afterRenderEffect,
  computed,
  inject,
  input,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what the charts here draw: bars and lines on a category axis, with legend and tooltips.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
);

/** One series of a chart: a bar per category, or a line through them; null leaves a gap. */
export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  kind: 'bar' | 'line';
  /** Drawn dashed, for a reference such as a budget. */
  dashed?: boolean;
}

export type ChartConfig = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

/** The drawing of a chart: what the component needs of Chart.js, replaceable in tests (jsdom has no canvas). */
export interface ChartHandle {
  destroy(): void;
}
export type ChartFactory = (canvas: HTMLCanvasElement, config: ChartConfig) => ChartHandle;

export const CHART_FACTORY = new InjectionToken<ChartFactory>('CHART_FACTORY', {
  providedIn: 'root',
  factory: () => (canvas, config) => new Chart(canvas, config),
});

/** Series colours: the theme's primary, then colours that stay apart for common colour blindness. */
const FALLBACK_COLOURS = ['#3f51b5', '#e08a00', '#2e7d4f', '#b0306d', '#5f6368'];

/** The chart's configuration for these series; values are formatted by `formatValue` on axis and tooltip. */
export function chartConfig(
  labels: readonly string[],
  series: readonly ChartSeries[],
  formatValue: (value: number) => string,
  colours: readonly string[] = FALLBACK_COLOURS,
): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: [...labels],
      datasets: series.map((entry, index) => {
        const colour = colours[index % colours.length] ?? '#5f6368';
        return {
          type: entry.kind,
          label: entry.label,
          data: [...entry.values],
          backgroundColor: colour,
          borderColor: colour,
          borderWidth: entry.kind === 'line' ? 2 : 0,
          borderDash: entry.dashed ? [6, 4] : [],
          pointRadius: entry.kind === 'line' && !entry.dashed ? 3 : 0,
          // Lines are drawn over the bars.
          order: entry.kind === 'line' ? 0 : 1,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, ticks: { callback: (value) => formatValue(Number(value)) } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${item.parsed.y === null ? '—' : formatValue(item.parsed.y)}`,
          },
        },
      },
    },
  };
}

/**
 * A bar and line chart (Chart.js) as an accessible figure: the caption names it, the canvas is
 * an image labelled by the caption, and the same numbers are a table behind "Show the numbers"
 * for anyone who cannot or would rather not read the drawing.
 */
@Component({
  selector: 'ap-chart',
  template: `
    <figure class="ap-chart">
      <figcaption class="ap-chart__caption" [id]="captionId">{{ caption() }}</figcaption>
      <div class="ap-chart__canvas">
        <canvas #canvas role="img" [attr.aria-labelledby]="captionId"></canvas>
      </div>
      <details class="ap-chart__data">
        <summary i18n="Opens the table of the numbers a chart draws">Show the numbers</summary>
        <div class="ap-table-wrap">
          <table class="ap-chart__table">
            <caption class="ap-visually-hidden">
              {{
                caption()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ categoryLabel() }}</th>
                @for (entry of series(); track entry.label) {
                  <th scope="col" class="ap-number">{{ entry.label }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.label) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  @for (cell of row.cells; track $index) {
                    <td class="ap-number">{{ cell }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  `,
  styles: `
    .ap-chart {
      margin: 0;
    }
    .ap-chart__caption {
      margin-bottom: 8px;
      font: var(--mat-sys-title-small);
    }
    .ap-chart__canvas {
      position: relative;
      height: 280px;
    }
    .ap-chart__data {
      margin-top: 8px;
    }
    .ap-chart__data summary {
      cursor: pointer;
      color: var(--mat-sys-primary);
    }
    .ap-chart__table {
      border-collapse: collapse;
      margin-top: 8px;
    }
    .ap-chart__table th,
    .ap-chart__table td {
      padding: 4px 12px;
    }
    .ap-chart__table th:not(.ap-number) {
      text-align: left;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApChart {
  private static nextId = 0;

  readonly caption = input.required<string>();
  /** The header of the categories' column in the table, e.g. "Month". */
  readonly categoryLabel = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  /** Formats a value for the axis, the tooltips and the table (e.g. money in the person's locale). */
  readonly formatValue = input<(value: number) => string>((value) => String(value));

  protected readonly captionId = `ap-chart-caption-${ApChart.nextId++}`;
  protected readonly rows = computed(() => {
    const format = this.formatValue();
    const series = this.series();
    return this.labels().map((label, index) => ({
      label,
      cells: series.map((entry) => {
        const value = entry.values[index];
        return value === null || value === undefined ? '—' : format(value);
      }),
    }));
  });

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly factory = inject(CHART_FACTORY);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private chart: ChartHandle | null = null;

  constructor() {
    afterRenderEffect(() => {
      const config = chartConfig(this.labels(), this.series(), this.formatValue(), this.colours());
      // Drawn anew on a change: a new currency changes the axis' format as well as the data.
      this.chart?.destroy();
      this.chart = this.factory(this.canvas().nativeElement, config);
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  /** The theme's primary colour first, read from the page so the chart follows the theme. */
  private colours(): string[] {
    const view = this.host.nativeElement.ownerDocument.defaultView;
    const primary = view
      ?.getComputedStyle(this.host.nativeElement)
      .getPropertyValue('--mat-sys-primary')
      .trim();
    // A canvas takes plain colours only (not light-dark() or var()).
    return primary && /^(#|rgba?\(|hsla?\()/.test(primary)
      ? [primary, ...FALLBACK_COLOURS.slice(1)]
      : FALLBACK_COLOURS;
  }
}
