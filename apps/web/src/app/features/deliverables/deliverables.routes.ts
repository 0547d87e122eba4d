import type { Route } from '@angular/router';
import { DeliverableDetailPage } from './deliverable-detail-page';
import { DeliverableListPage } from './deliverable-list-page';
import { VersionComparePage } from './version-compare-page';

export const deliverableRoutes: Route[] = [
  {
    path: '',
    title: $localize`:Title of the list of every deliverable@@deliverables.title:Deliverables`,
    component: DeliverableListPage,
  },
  { path: ':id', title: $localize`Deliverable`, component: DeliverableDetailPage },
  {
    path: ':id/compare',
    title: $localize`:Title of the page comparing two versions@@compare.title:Compare versions`,
    component: VersionComparePage,
  },
];
