import type { AgencyService as AgencyServiceKind, AgencyStatus } from '@agency-portal/shared';
import { AGENCY_SERVICE_LABELS } from '../../shared/i18n/labels';

export const AGENCY_STATUS_LABELS: Record<AgencyStatus, string> = {
  active: $localize`:Status of an agency@@agencyStatus.active:Active`,
  offboarded: $localize`:Status of an agency@@agencyStatus.offboarded:Offboarded`,
};

export function serviceLabels(services: readonly AgencyServiceKind[]): string {
  return services.map((service) => AGENCY_SERVICE_LABELS[service]).join(', ');
}
