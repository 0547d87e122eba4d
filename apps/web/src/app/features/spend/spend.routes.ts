import type { Route } from '@angular/router';
import { ExchangeRatesPage } from './exchange-rates-page';
import { SpendReportPage } from './spend-report-page';

export const spendRoutes: Route[] = [
  { path: '', title: $localize`Spend report`, component: SpendReportPage },
];

/** Finance's rates live beside the report but have their own address (and navigation entry). */
export const exchangeRateRoutes: Route[] = [
  { path: '', title: $localize`Exchange rates`, component: ExchangeRatesPage },
];
