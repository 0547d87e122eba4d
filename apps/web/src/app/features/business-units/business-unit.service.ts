import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BusinessUnitDto,
  BusinessUnitListQuery,
  CreateBusinessUnitRequest,
  Page,
  UpdateBusinessUnitRequest,
} from '@agency-portal/shared';
import { type Observable, tap } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';
import { Lookups } from '../../core/lookups/lookups';

/** /api/business-units. Reads and form saves report errors inline, so they are silent here. */
@Injectable({ providedIn: 'root' })
export class BusinessUnitService {
  private readonly http = inject(HttpClient);
  private readonly lookups = inject(Lookups);
  /** Pickers name units from a cache; a saved change must show there too. */
  private readonly changed = tap<BusinessUnitDto>(() => this.lookups.units.invalidate());

  list(query: BusinessUnitListQuery = {}): Observable<Page<BusinessUnitDto>> {
    return this.http.get<Page<BusinessUnitDto>>('/api/business-units', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<BusinessUnitDto> {
    return this.http.get<BusinessUnitDto>(`/api/business-units/${encodeURIComponent(id)}`, {
      context: silentErrors(),
    });
  }

  create(request: CreateBusinessUnitRequest): Observable<BusinessUnitDto> {
    return this.http
      .post<BusinessUnitDto>('/api/business-units', request, { context: silentErrors() })
      .pipe(this.changed);
  }

  update(id: string, request: UpdateBusinessUnitRequest): Observable<BusinessUnitDto> {
    return this.http
      .patch<BusinessUnitDto>(`/api/business-units/${encodeURIComponent(id)}`, request, {
        context: silentErrors(),
      })
      .pipe(this.changed);
  }
}
