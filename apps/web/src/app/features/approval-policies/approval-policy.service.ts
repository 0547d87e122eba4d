import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AppliedPolicyDto,
  ApprovalPolicyDto,
  ApprovalPolicyListQuery,
  Page,
  UpsertApprovalPolicyRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

/** Where a policy is defined: a business unit (and the units inheriting from it) or one contract. */
export type PolicyScope = 'business_unit' | 'contract';

function policyUrl(scope: PolicyScope, id: string): string {
  const base = scope === 'business_unit' ? 'business-units' : 'contracts';
  return `/api/${base}/${encodeURIComponent(id)}/approval-policy`;
}

/**
 * /api/approval-policies and the policies of business units and contracts. Reads and saves report
 * errors inline; removing an override relies on the error snackbar.
 */
@Injectable({ providedIn: 'root' })
export class ApprovalPolicyService {
  private readonly http = inject(HttpClient);

  list(query: ApprovalPolicyListQuery = {}): Observable<Page<ApprovalPolicyDto>> {
    return this.http.get<Page<ApprovalPolicyDto>>('/api/approval-policies', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  save(scope: PolicyScope, id: string, request: UpsertApprovalPolicyRequest): Observable<ApprovalPolicyDto> {
    return this.http.put<ApprovalPolicyDto>(policyUrl(scope, id), request, { context: silentErrors() });
  }

  /** Back to inheritance. */
  remove(scope: PolicyScope, id: string): Observable<void> {
    return this.http.delete<void>(policyUrl(scope, id));
  }

  /** The policy that applies to a contract's deliverables, and why. */
  effectiveForContract(contractId: string): Observable<AppliedPolicyDto> {
    return this.http.get<AppliedPolicyDto>(`${policyUrl('contract', contractId)}/effective`, {
      context: silentErrors(),
    });
  }
}
