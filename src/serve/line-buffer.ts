/**
 * The decision service's log lines (one JSON object per line), written in batches: a line is
 * queued and every line queued in one turn of the event loop goes out in one write (stdout to a
 * pipe or a file is a blocking write on Linux: one per request was a system call on the hot
 * path). A burst larger than `maxBuffered` characters is written at once; `flush()` writes what is
 * queued (on shutdown). A line is never dropped and the order is kept.
 */
export type LineBuffer = { line(o: object): void; flush(): void };

export function lineBuffer(write: (text: string) => void, maxBuffered = 64 * 1024): LineBuffer {
  let queued: string[] = [];
  let size = 0;
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (!queued.length) return;
    const text = queued.join('\n');
    queued = [];
    size = 0;
    write(text);
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
