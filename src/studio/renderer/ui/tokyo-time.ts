/**
 * A moment the studio stores (ISO 8601, UTC) as people in the office read it: Japan time, with
 * "JST" after it so nobody takes it for their own zone (the studio's "today" is Tokyo's too).
 * `2026-11-30T09:35:31.123Z` → `2026-11-30 18:35:31 JST` (`minutes`: `2026-11-30 18:35 JST`).
 * A text that is not a moment is shown as it is.
 */
const FORMATS = {
  seconds: new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }),
  minutes: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

export function tokyoTime(iso: string, precision: 'seconds' | 'minutes' = 'seconds'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const part = Object.fromEntries(FORMATS[precision].formatToParts(at).map((p) => [p.type, p.value]));
  const time = precision === 'seconds' ? `${part.hour}:${part.minute}:${part.second}` : `${part.hour}:${part.minute}`;
  return `${part.year}-${part.month}-${part.day} ${time} JST`;
}
