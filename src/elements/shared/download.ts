/**
 * Saves a Blob as a file through a temporary `<a download>` and an object URL: no `data:` URL, no
 * markup, so it works under a strict Content-Security-Policy.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: revoking at once can cancel the download in some browsers
  // (https://bugzilla.mozilla.org/show_bug.cgi?id=1282407).
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from free text: letters, digits and dashes, lower case, no path characters. */
export function fileNameFrom(text: string, extension: string): string {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'msg-report'}.${extension}`;
}
