import type { Route } from '@angular/router';
import { DeliverableDetailPage } from './deliverable-detail-page';

export const deliverableRoutes: Route[] = [
  // Deliverables are listed on their brief and in the review queue.
  { path: '', pathMatch: 'full', redirectTo: '/briefs' },
  { path: ':id', title: $localize`Deliverable`, component: DeliverableDetailPage },
];
