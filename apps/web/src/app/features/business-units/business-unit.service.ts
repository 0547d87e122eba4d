import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BusinessUnitDto,
  CreateBusinessUnitRequest,
  UpdateBusinessUnitRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/** /api/business-units. Reads and form saves report errors inline, so they are silent here. */
@Injectable({ providedIn: 'root' })
export class BusinessUnitService {
  private readonly http = inject(HttpClient);

  list(): Observable<BusinessUnitDto[]> {
    return this.http.get<BusinessUnitDto[]>('/api/business-units', { context: silentErrors() });
  }

  get(id: string): Observable<BusinessUnitDto> {
    return this.http.get<BusinessUnitDto>(`/api/business-units/${encodeURIComponent(id)}`, {
      context: silentErrors(),
    });
  }

  create(request: CreateBusinessUnitRequest): Observable<BusinessUnitDto> {
    return this.http.post<BusinessUnitDto>('/api/business-units', request, {
      context: silentErrors(),
    });
  }

  update(id: string, request: UpdateBusinessUnitRequest): Observable<BusinessUnitDto> {
    return this.http.patch<BusinessUnitDto>(`/api/business-units/${encodeURIComponent(id)}`, request, {
      context: silentErrors(),
    });
  }
}
