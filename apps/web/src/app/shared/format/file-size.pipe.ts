import { Pipe, type PipeTransform, inject } from '@angular/core';
import { DISPLAY_LOCALE } from './display-locale';

/** "245760" → "240 KB"; bytes, KB, MB or GB in the display locale. */
export function formatFileSize(bytes: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${format.format(bytes / 1024)} KB`;
  }
  if (bytes < 1024 * 1024 * 1024) {
    return `${format.format(bytes / (1024 * 1024))} MB`;
  }
  return `${format.format(bytes / (1024 * 1024 * 1024))} GB`;
}

@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  private readonly locale = inject(DISPLAY_LOCALE);

  transform(bytes: number | null | undefined): string {
    return bytes === null || bytes === undefined ? '—' : formatFileSize(bytes, this.locale);
  }
}
