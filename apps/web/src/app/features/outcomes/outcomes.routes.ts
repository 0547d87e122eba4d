import type { Route } from '@angular/router';
import { ImportListPage } from './import-list-page';
import { ImportPage } from './import-page';
import { NewImportPage } from './new-import-page';

/** /imports: metric imports (the outcomes area's screens; goal dashboards live with the goals). */
export const importRoutes: Route[] = [
  { path: '', title: $localize`:@@imports.routeTitle:Metric imports`, component: ImportListPage },
  {
    path: 'new',
    title: $localize`:@@newImport.routeTitle:Import a file of figures`,
    component: NewImportPage,
  },
  { path: ':id', title: $localize`:@@importPage.routeTitle:Metric import`, component: ImportPage },
];
