import { describe, expect, it } from 'vitest';
import { askBeforeUnload, UNSAVED_PROMPT, type AskSync, type UnloadContents } from '../../src/studio/main/unsaved-prompt.js';

/** The desktop window asks before a close or reload loses typed text (the page said to stay: will-prevent-unload). */
function windowWith(answer: number) {
  let listener: ((e: { preventDefault(): void }) => void) | undefined;
  const contents: UnloadContents = {
    on: (event, l) => {
      expect(event).toBe('will-prevent-unload');
      listener = l;
    },
  };
  const asked: Parameters<AskSync>[0][] = [];
  askBeforeUnload(contents, (o) => {
    asked.push(o);
    return answer;
  });
  const close = (): boolean => {
    let leaves = false;
    listener!({ preventDefault: () => (leaves = true) });
    return leaves;
  };
  return { close, asked };
}

describe('desktop: leaving a window with unsaved typing', () => {
  it('leaves (the page unloads) only when the user chooses to, asking in Japanese and English', () => {
    const leave = windowWith(0);
    expect(leave.close()).toBe(true);
    expect(leave.asked).toEqual([expect.objectContaining({ type: 'warning', buttons: [...UNSAVED_PROMPT.buttons], cancelId: 1, defaultId: 1 })]);
    expect(leave.asked[0]!.message).toMatch(/保存していない入力があります.*not saved/u);
    const stay = windowWith(1);
    expect(stay.close()).toBe(false);
    expect(stay.asked).toHaveLength(1);
  });

  it('is wired to both windows of the desktop app (the local studio and a team server)', async () => {
    const { readFileSync } = await import('node:fs');
    const main = readFileSync(new URL('../../src/studio/main/main.ts', import.meta.url), 'utf8');
    expect(main.match(/askBeforeUnload\((local|team)\.webContents/gu)).toEqual(['askBeforeUnload(local.webContents', 'askBeforeUnload(team.webContents']);
  });
});
