import { HttpClient, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ContractDetailDto,
  ContractDto,
  ContractListQuery,
  CreateContractRequest,
  Page,
  TerminateContractRequest,
  UpdateContractRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { readableBlobErrors } from '../../core/http/blob-error';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

function contractUrl(id: string, action = ''): string {
  return `/api/contracts/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/**
 * /api/contracts. Reads, form saves, uploads and downloads report errors inline (silent here);
 * activate and terminate rely on the error snackbar.
 */
@Injectable({ providedIn: 'root' })
export class ContractService {
  private readonly http = inject(HttpClient);

  list(query: ContractListQuery = {}): Observable<Page<ContractDto>> {
    return this.http.get<Page<ContractDto>>('/api/contracts', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<ContractDetailDto> {
    return this.http.get<ContractDetailDto>(contractUrl(id), { context: silentErrors() });
  }

  create(request: CreateContractRequest): Observable<ContractDetailDto> {
    return this.http.post<ContractDetailDto>('/api/contracts', request, { context: silentErrors() });
  }

  update(id: string, request: UpdateContractRequest): Observable<ContractDetailDto> {
    return this.http.patch<ContractDetailDto>(contractUrl(id), request, { context: silentErrors() });
  }

  activate(id: string): Observable<ContractDetailDto> {
    return this.http.post<ContractDetailDto>(contractUrl(id, 'activate'), null);
  }

  terminate(id: string, reason: string): Observable<ContractDetailDto> {
    const request: TerminateContractRequest = { reason };
    return this.http.post<ContractDetailDto>(contractUrl(id, 'terminate'), request);
  }

  /** Uploads the signed PDF as multipart `file`; the events carry the upload progress. */
  uploadDocument(id: string, file: File): Observable<HttpEvent<ContractDetailDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.put<ContractDetailDto>(contractUrl(id, 'document'), body, {
      reportProgress: true,
      observe: 'events',
      context: silentErrors(),
    });
  }

  /** The signed PDF; fetched with the access token, so it cannot be a plain link. */
  downloadDocument(id: string): Observable<Blob> {
    return this.http
      .get(contractUrl(id, 'document'), { responseType: 'blob', context: silentErrors() })
      .pipe(readableBlobErrors());
  }
}
