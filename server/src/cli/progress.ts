/** `Checking 120/450 plans…` on stderr for large runs at a terminal; cleared when done. */

export interface Progress {
  tick(done: number): void;
  clear(): void;
}

const silent: Progress = { tick: () => undefined, clear: () => undefined };

/** A progress line when stderr is a terminal and the run is large enough to wait for. */
export function createProgress(total: number, threshold = 50): Progress {
  const stream = process.stderr;
  if (!stream.isTTY || total <= threshold) return silent;
  let shown = false;
  let last = 0;
  return {
    tick(done) {
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[2KChecking ${done}/${total} plans…`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
