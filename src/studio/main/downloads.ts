import type { DownloadItem, Session } from 'electron';
import { extname } from 'node:path';

/**
 * Every file the studio saves (a workbook, a change notice, a release, a case file, a scenario's
 * results: the page hands them over as a download) goes through the system's save dialog,
 * asked here rather than left to Chromium's defaults, which may save into Downloads unasked.
 * `ask` shows the dialog for the suggested name and answers the chosen path, or undefined when
 * the user cancelled (the download is then cancelled too).
 */
export function saveDownloadsWithDialog(session: Pick<Session, 'on'>, ask: (fileName: string, filters: { name: string; extensions: string[] }[]) => string | undefined): void {
  session.on('will-download', (_event, item: Pick<DownloadItem, 'getFilename' | 'setSavePath' | 'cancel'>) => {
    const name = item.getFilename();
    const ext = extname(name).slice(1);
    const path = ask(name, ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : []);
    if (path) item.setSavePath(path);
    else item.cancel();
  });
}
