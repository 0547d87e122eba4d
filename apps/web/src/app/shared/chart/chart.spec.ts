import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApChart, CHART_FACTORY, type ChartConfig, type ChartSeries, chartConfig } from './chart';

const SERIES: ChartSeries[] = [
  { label: 'Spend', kind: 'bar', values: [100, 250] },
  { label: 'Budget', kind: 'line', dashed: true, values: [1000, null] },
];

@Component({
  imports: [ApChart],
  template: `
    @if (shown()) {
      <ap-chart
        [caption]="caption"
        [categoryLabel]="categoryLabel"
        [labels]="labels()"
        [series]="series()"
        [formatValue]="format"
      />
    }
  `,
})
class Host {
  readonly caption = 'Spend against budget';
  readonly categoryLabel = 'Month';
  readonly shown = signal(true);
  readonly labels = signal<readonly string[]>(['Jan', 'Feb']);
  readonly series = signal<readonly ChartSeries[]>(SERIES);
  readonly format = (value: number): string => `KRW ${value}`;
}

async function render(): Promise<{
  host: Host;
  element: HTMLElement;
  drawn: { canvas: HTMLCanvasElement; config: ChartConfig; destroy: jest.Mock }[];
  stable: () => Promise<void>;
}> {
  const drawn: { canvas: HTMLCanvasElement; config: ChartConfig; destroy: jest.Mock }[] = [];
  TestBed.configureTestingModule({
    imports: [Host],
    providers: [
      {
        provide: CHART_FACTORY,
        useValue: (canvas: HTMLCanvasElement, config: ChartConfig) => {
          const chart = { canvas, config, destroy: jest.fn() };
          drawn.push(chart);
          return chart;
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  return {
    host: fixture.componentInstance,
    element: fixture.nativeElement as HTMLElement,
    drawn,
    stable: () => fixture.whenStable(),
  };
}

describe('chartConfig', () => {
  it('should draw bars under lines and dash the reference series when given both kinds', () => {
    const config = chartConfig(['Jan', 'Feb'], SERIES, String);

    expect(config.data.labels).toEqual(['Jan', 'Feb']);
    expect(config.data.datasets.map((dataset) => [dataset.type, dataset.label, dataset.order])).toEqual([
      ['bar', 'Spend', 1],
      ['line', 'Budget', 0],
    ]);
    expect(config.data.datasets[1]).toMatchObject({ data: [1000, null], borderDash: [6, 4] });
  });

  it('should format axis ticks with the given formatter when the values are money', () => {
    const config = chartConfig(['Jan'], SERIES, (value) => `USD ${value / 100}`);
    const ticks = config.options?.scales?.['y']?.ticks as { callback: (value: number) => string };

    expect(ticks.callback(12345)).toBe('USD 123.45');
  });
});

describe('ApChart', () => {
  it('should render a captioned figure whose canvas is an image named by the caption', async () => {
    const { element } = await render();

    const caption = element.querySelector('figure figcaption');
    const canvas = element.querySelector('canvas');
    expect(caption?.textContent?.trim()).toBe('Spend against budget');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-labelledby')).toBe(caption?.id);
  });

  it('should offer the same numbers as a table, formatted, with a dash for a gap', async () => {
    const { element } = await render();

    const headers = Array.from(element.querySelectorAll('thead th'), (cell) => cell.textContent?.trim());
    const rows = Array.from(element.querySelectorAll('tbody tr'), (row) =>
      Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim()),
    );
    expect(headers).toEqual(['Month', 'Spend', 'Budget']);
    expect(rows).toEqual([
      ['Jan', 'KRW 100', 'KRW 1000'],
      ['Feb', 'KRW 250', '—'],
    ]);
  });

  it('should draw on its canvas, and draw anew and release the old drawing when the data changes', async () => {
    const { host, element, drawn, stable } = await render();
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.canvas).toBe(element.querySelector('canvas'));

    host.series.set([{ label: 'Spend', kind: 'bar', values: [5, 6] }]);
    await stable();

    expect(drawn).toHaveLength(2);
    expect(drawn[0]?.destroy).toHaveBeenCalled();
    expect(drawn[1]?.config.data.datasets[0]?.data).toEqual([5, 6]);
  });

  it('should release its drawing when it leaves the page', async () => {
    const { host, drawn, stable } = await render();

    host.shown.set(false);
    await stable();

    expect(drawn[0]?.destroy).toHaveBeenCalled();
  });
});
