/** How long a download's object URL lives: long enough for the browser to start saving it. */
const REVOKE_AFTER_MS = 30_000;

/** Saves a blob fetched with the access token as a file named `fileName` (a plain link cannot carry the token). */
export function saveBlob(document: Document, blob: Blob, fileName: string): void {
  const view = document.defaultView;
  if (!view) {
    return;
  }
  const url = view.URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
