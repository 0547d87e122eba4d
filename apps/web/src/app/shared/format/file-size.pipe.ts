import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

/** "245760" → "240 kB"; bytes, kB, MB or GB with the locale's own unit names and marks. */
export function formatFileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  if (bytes < 1024) {
    return format(bytes, 'byte');
  }
  if (bytes < 1024 * 1024) {
    return format(bytes / 1024, 'kilobyte');
  }
  if (bytes < 1024 * 1024 * 1024) {
    return format(bytes / (1024 * 1024), 'megabyte');
  }
  return format(bytes / (1024 * 1024 * 1024), 'gigabyte');
}

@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(bytes: number | null | undefined): string {
    return bytes === null || bytes === undefined ? '—' : formatFileSize(bytes, this.locale);
  }
}
