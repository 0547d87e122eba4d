import type { Route } from '@angular/router';
import { AuditLogPage } from './audit-log-page';

export const auditRoutes: Route[] = [{ path: '', title: $localize`Audit log`, component: AuditLogPage }];
