import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorBodyOf, describeError } from '../../core/http/api-error';
import { formatFileSize } from '../../shared/format/file-size.pipe';

/** Names a CSV or XLSX export may have; the server decides by content, this only spares a wasted upload. */
const IMPORT_FILE_NAME = /\.(csv|tsv|txt|xlsx)$/i;

/** The file picker's `accept`: CSV (and other text exports) and Excel workbooks. */
export const IMPORT_FILE_ACCEPT =
  '.csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why a chosen file will not be uploaded, or null when it may be. */
export function fileProblem(file: File, maxBytes: number | null, locale: string): string | null {
  if (!IMPORT_FILE_NAME.test(file.name)) {
    return $localize`:@@importFile.notCsv:“${file.name}:name:” is not a CSV file or an Excel workbook (XLSX). Save an older .xls workbook as XLSX first.`;
  }
  if (file.size === 0) {
    return $localize`:@@importFile.empty:“${file.name}:name:” is empty.`;
  }
  if (maxBytes !== null && file.size > maxBytes) {
    return tooLarge(file, maxBytes, locale);
  }
  return null;
}

function tooLarge(file: File, maxBytes: number, locale: string): string {
  const size = formatFileSize(file.size, locale);
  const max = formatFileSize(maxBytes, locale);
  return $localize`:@@importFile.tooLarge:“${file.name}:name:” is ${size}:size:; an import takes files of up to ${max}:max:. Export a shorter period or fewer posts.`;
}

/** What a refused upload says: the server's message (415 not CSV/XLSX, 422 unreadable), in words for 413. */
export function uploadErrorText(error: unknown, file: File, maxBytes: number | null, locale: string): string {
  if (error instanceof HttpErrorResponse && error.status === 413) {
    return maxBytes !== null
      ? tooLarge(file, maxBytes, locale)
      : $localize`:@@importFile.tooLargeUnknown:“${file.name}:name:” is larger than an import takes.`;
  }
  return apiErrorBodyOf(error)?.message ?? describeError(error);
}
