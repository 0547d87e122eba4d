import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

/** ["a", "b", "c"] → "a, b and c" in English, "a, b, c" in Korean, "a, b, dan c" in Indonesian. */
@Pipe({ name: 'list' })
export class ListPipe implements PipeTransform {
  private readonly format = new Intl.ListFormat(inject(LOCALE_ID), { type: 'conjunction' });

  transform(items: readonly string[] | null | undefined): string {
    return items ? this.format.format(items) : '';
  }
}
