/**
 * Electron fires the page's beforeunload on closing or reloading the window too, but a page that
 * asks to stay (it holds typed, unsaved text: src/studio/renderer/shell/unsaved-edits.ts) only
 * makes Electron cancel the close silently ('will-prevent-unload'). This asks the user instead, as
 * a browser does: leave (and lose the typing) or stay. The main process does not know the page's
 * language, so the dialog says it in both.
 */
export type UnloadContents = { on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown };
export type AskSync = (options: { type: 'warning'; buttons: string[]; defaultId: number; cancelId: number; title: string; message: string; detail: string }) => number;

export const UNSAVED_PROMPT = {
  buttons: ['移動する（入力を破棄） / Leave', 'このページに留まる / Stay'],
  title: 'Tariff Studio',
  message: '保存していない入力があります。 / You have typed changes that are not saved.',
  detail: '移動すると入力した内容は失われます。 / If you leave, what you typed is lost.',
} as const;

export function askBeforeUnload(contents: UnloadContents, ask: AskSync): void {
  contents.on('will-prevent-unload', (event) => {
    const choice = ask({
      type: 'warning',
      buttons: [...UNSAVED_PROMPT.buttons],
      defaultId: 1,
      cancelId: 1,
      title: UNSAVED_PROMPT.title,
      message: UNSAVED_PROMPT.message,
      detail: UNSAVED_PROMPT.detail,
    });
    // preventDefault on this event overrides the page's "stay": the window closes or reloads.
    if (choice === 0) event.preventDefault();
  });
}
