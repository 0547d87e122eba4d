import { HttpClient, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ImportTarget,
  MappingPreset,
  MetricImportDetailDto,
  MetricImportDto,
  MetricImportErrorDto,
  MetricImportFormatDto,
  MetricImportListQuery,
  Page,
  StartImportRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { readableBlobErrors } from '../../core/http/blob-error';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

function importUrl(id: string, action = ''): string {
  return `/api/metric-imports/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/**
 * /api/metric-imports and /api/metric-presets: upload a metrics file, map it, start the job and
 * read its result. Errors are shown on the page that asked (silent here).
 */
@Injectable({ providedIn: 'root' })
export class ImportService {
  private readonly http = inject(HttpClient);

  list(query: MetricImportListQuery = {}): Observable<Page<MetricImportDto>> {
    return this.http.get<Page<MetricImportDto>>('/api/metric-imports', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<MetricImportDetailDto> {
    return this.http.get<MetricImportDetailDto>(importUrl(id), { context: silentErrors() });
  }

  /** A refused import's line errors, in the file's order. */
  errors(
    id: string,
    query: { limit?: number; cursor?: string } = {},
  ): Observable<Page<MetricImportErrorDto>> {
    return this.http.get<Page<MetricImportErrorDto>>(importUrl(id, 'errors'), {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  presets(): Observable<{ items: MappingPreset[] }> {
    return this.http.get<{ items: MappingPreset[] }>('/api/metric-presets', { context: silentErrors() });
  }

  format(): Observable<MetricImportFormatDto> {
    return this.http.get<MetricImportFormatDto>('/api/metric-imports/format', { context: silentErrors() });
  }

  /** Uploads the file as multipart `file`; the events carry the upload progress. */
  upload(file: File): Observable<HttpEvent<MetricImportDetailDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<MetricImportDetailDto>('/api/metric-imports', body, {
      reportProgress: true,
      observe: 'events',
      context: silentErrors(),
    });
  }

  start(id: string, request: StartImportRequest): Observable<MetricImportDetailDto> {
    return this.http.post<MetricImportDetailDto>(importUrl(id, 'start'), request, {
      context: silentErrors(),
    });
  }

  /** Our template with its header row (fetched with the access token, so not a plain link). */
  template(target: ImportTarget): Observable<Blob> {
    return this.http
      .get('/api/metric-imports/template', {
        params: { target },
        responseType: 'blob',
        context: silentErrors(),
      })
      .pipe(readableBlobErrors());
  }
}
