import { HttpClient, type HttpEvent, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  FinanceQueueCountsDto,
  InvoiceDetailDto,
  InvoiceDocumentDto,
  InvoiceDraftDto,
  InvoiceDraftRequest,
  InvoiceListQuery,
  InvoicePage,
  PayInvoiceRequest,
  RejectInvoiceRequest,
  SubmitInvoiceRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { readableBlobErrors } from '../../core/http/blob-error';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

function invoiceUrl(id: string, action = ''): string {
  return `/api/invoices/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/**
 * /api/invoices. Every call reports its errors inline (silent here): decisions explain a lost
 * race (409) on the page, and the draft form shows refusals beside its fields.
 */
@Injectable({ providedIn: 'root' })
export class InvoiceService {
  private readonly http = inject(HttpClient);

  list(query: InvoiceListQuery = {}): Observable<InvoicePage> {
    return this.http.get<InvoicePage>('/api/invoices', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  /** How many invoices wait in each of finance's queues. */
  queueCounts(): Observable<FinanceQueueCountsDto> {
    return this.http.get<FinanceQueueCountsDto>('/api/invoices/finance-queue/counts', {
      context: silentErrors(),
    });
  }

  get(id: string): Observable<InvoiceDetailDto> {
    return this.http.get<InvoiceDetailDto>(invoiceUrl(id), { context: silentErrors() });
  }

  /** Pay on approval: the contract's approved, unbilled deliverables priced from the rate card (nothing stored). */
  draft(request: InvoiceDraftRequest): Observable<InvoiceDraftDto> {
    return this.http.post<InvoiceDraftDto>('/api/invoices/draft', request, { context: silentErrors() });
  }

  /** Uploads the agency's invoice PDF as multipart `file`; the events carry the upload progress. */
  uploadDocument(file: File): Observable<HttpEvent<InvoiceDocumentDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<InvoiceDocumentDto>('/api/invoices/documents', body, {
      reportProgress: true,
      observe: 'events',
      context: silentErrors(),
    });
  }

  /**
   * Submits with an Idempotency-Key: the same key with the same body answers the first answer and
   * creates nothing, so a retry after a lost answer never makes a second invoice.
   */
  submit(request: SubmitInvoiceRequest, idempotencyKey: string): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>('/api/invoices', request, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
      context: silentErrors(),
    });
  }

  approve(id: string): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>(invoiceUrl(id, 'approve'), null, { context: silentErrors() });
  }

  reject(id: string, reason: string): Observable<InvoiceDetailDto> {
    const request: RejectInvoiceRequest = { reason };
    return this.http.post<InvoiceDetailDto>(invoiceUrl(id, 'reject'), request, { context: silentErrors() });
  }

  pay(id: string, request: PayInvoiceRequest): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>(invoiceUrl(id, 'pay'), request, { context: silentErrors() });
  }

  withdraw(id: string): Observable<InvoiceDetailDto> {
    return this.http.post<InvoiceDetailDto>(invoiceUrl(id, 'withdraw'), null, { context: silentErrors() });
  }

  /** The agency's PDF; fetched with the access token, so it cannot be a plain link. */
  downloadDocument(id: string): Observable<Blob> {
    return this.http
      .get(invoiceUrl(id, 'document'), { responseType: 'blob', context: silentErrors() })
      .pipe(readableBlobErrors());
  }
}
