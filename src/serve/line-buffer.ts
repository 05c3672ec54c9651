/**
 * The decision service's log lines (one JSON object per line), written in batches: a line is
 * queued and every line queued in one turn of the event loop goes out in one write (stdout to a
 * pipe or a file is a blocking write on Linux: one per request was a system call on the hot
 * path). A burst larger than `maxBuffered` characters is written at once; `flush()` writes what is
 * queued (on shutdown). A line is never dropped and the order is kept.
 *
 * Each write carries whole lines and at most `maxWrite` bytes (4 KiB, the size a pipe writes
 * atomically), unless one line alone is longer: the workers of `tariff serve --workers N` share
 * one stdout, and their writes must not cut into each other's lines.
 */
export type LineBuffer = { line(o: object): void; flush(): void };

export function lineBuffer(write: (text: string) => void, maxBuffered = 64 * 1024, maxWrite = 4096): LineBuffer {
  let queued: string[] = [];
  let size = 0;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (!queued.length) return;
    const lines = queued;
    queued = [];
    size = 0;
    // `write` adds the final newline: a chunk of n lines is their bytes and n newlines.
    let from = 0;
    let bytes = 0;
    for (let i = 0; i < lines.length; i += 1) {
      const b = Buffer.byteLength(lines[i]!) + 1;
      if (i > from && bytes + b > maxWrite) {
        write(lines.slice(from, i).join('\n'));
        from = i;
        bytes = 0;
      }
      bytes += b;
    }
    write(from === 0 ? lines.join('\n') : lines.slice(from).join('\n'));
  };
  return {
    line(o) {
      const text = JSON.stringify(o);
      queued.push(text);
      size += text.length;
      if (size >= maxBuffered) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
