import type { Route } from '@angular/router';
import { CalendarPage } from './calendar-page';

export const calendarRoutes: Route[] = [
  {
    path: '',
    title: $localize`:Title of the content calendar@@calendar.title:Content calendar`,
    component: CalendarPage,
  },
];
