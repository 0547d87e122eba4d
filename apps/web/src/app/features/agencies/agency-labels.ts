import type { AgencyService as AgencyServiceKind, AgencyStatus } from '@agency-portal/shared';
import { AGENCY_SERVICE_LABELS } from '@agency-portal/shared';

export const AGENCY_STATUS_LABELS: Record<AgencyStatus, string> = {
  active: 'Active',
  offboarded: 'Offboarded',
};

export function serviceLabels(services: readonly AgencyServiceKind[]): string {
  return services.map((service) => AGENCY_SERVICE_LABELS[service]).join(', ');
}
