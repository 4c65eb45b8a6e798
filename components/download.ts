/**
 * An ordinary page download through a link to a Blob URL: no `downloads`
 * permission, and nothing leaves the machine. Used for every file the
 * extension hands the moderator (idea exports, the purge's export, packs).
 */
export function downloadFile(parts: string | BlobPart[], fileName: string, type = 'application/json'): void {
  const blob = new Blob(typeof parts === 'string' ? [parts] : parts, { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file the moderator picked, as text (a UTF-8 BOM is left for the parser to drop). */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}
