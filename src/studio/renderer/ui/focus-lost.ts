/**
 * Whether the focus is lost or about to be: nothing has it (the focused control was removed, and
 * the browser put it on <body>), or the control that has it was just disabled (React may reuse a
 * button's element for another, disabled one; the browser then blurs it on its next frame).
 */
export function focusIsLost(): boolean {
  const el = document.activeElement;
  if (el === null || el === document.body || !el.isConnected) return true;
  return (el instanceof HTMLButtonElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.disabled;
}
