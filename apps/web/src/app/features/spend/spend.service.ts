import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ExchangeRateDto,
  ExchangeRateInput,
  ExchangeRateListQuery,
  Page,
  SpendExportFormat,
  SpendExportView,
  SpendLinePage,
  SpendLinesQuery,
  SpendReportDto,
  SpendReportQuery,
  UpdateExchangeRateRequest,
} from '@agency-portal/shared';
import { type Observable, map } from 'rxjs';
import { readableBlobErrors } from '../../core/http/blob-error';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';
import { attachmentName } from '../../shared/files/save-file';

/** A downloaded export: the file and the name the server gave it. */
export interface SpendExportFile {
  blob: Blob;
  fileName: string;
}

function rateUrl(id: string): string {
  return `/api/exchange-rates/${encodeURIComponent(id)}`;
}

/** /api/spend (the report, its lines and exports) and /api/exchange-rates; errors are shown on the page. */
@Injectable({ providedIn: 'root' })
export class SpendService {
  private readonly http = inject(HttpClient);

  report(query: SpendReportQuery): Observable<SpendReportDto> {
    return this.http.get<SpendReportDto>('/api/spend/report', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  lines(query: SpendLinesQuery): Observable<SpendLinePage> {
    return this.http.get<SpendLinePage>('/api/spend/lines', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  /** The report as a file, fetched with the access token (a plain link cannot carry it). */
  export(
    query: SpendReportQuery,
    format: SpendExportFormat,
    view?: SpendExportView,
  ): Observable<SpendExportFile> {
    return this.http
      .get('/api/spend/export', {
        params: toHttpParams({ ...query, format, view }),
        responseType: 'blob',
        observe: 'response',
        context: silentErrors(),
      })
      .pipe(
        readableBlobErrors(),
        map((response: HttpResponse<Blob>) => ({
          blob: response.body ?? new Blob([]),
          fileName: attachmentName(
            response.headers.get('Content-Disposition'),
            `spend-report${view === 'lines' ? '-lines' : ''}.${format}`,
          ),
        })),
      );
  }

  exchangeRates(query: ExchangeRateListQuery): Observable<Page<ExchangeRateDto>> {
    return this.http.get<Page<ExchangeRateDto>>('/api/exchange-rates', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  createExchangeRate(input: ExchangeRateInput): Observable<ExchangeRateDto> {
    return this.http.post<ExchangeRateDto>('/api/exchange-rates', input, { context: silentErrors() });
  }

  updateExchangeRate(id: string, request: UpdateExchangeRateRequest): Observable<ExchangeRateDto> {
    return this.http.patch<ExchangeRateDto>(rateUrl(id), request, { context: silentErrors() });
  }

  deleteExchangeRate(id: string): Observable<void> {
    return this.http.delete<void>(rateUrl(id), { context: silentErrors() });
  }
}
