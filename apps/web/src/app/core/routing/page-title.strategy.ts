import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const APP_NAME = 'Agency Portal';

/** "Agencies · Agency Portal" from each route's `title`. */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(
      page
        ? $localize`:Browser tab title — page, then the product@@title.page:${page}:page: · ${APP_NAME}:product:`
        : APP_NAME,
    );
  }
}
