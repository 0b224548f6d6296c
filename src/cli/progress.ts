// A progress bar for long imports, drawn on stderr only when a person is watching (stdout and
// stderr are terminals): the share of the file read so far, and the rows read.

const WIDTH = 24;

export interface Progress {
  /** Wraps the file's byte stream, counting what the reader has taken. */
  track(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** Told of every row read; redraws every few hundred rows. */
  row(rows: number): void;
  /** Clears the bar before the report is printed. */
  done(): void;
}

export function progressBar(totalBytes: number, write: (s: string) => void): Progress {
  let read = 0;
  const draw = (rows: number) => {
    const share = totalBytes > 0 ? Math.min(1, read / totalBytes) : 0;
    const filled = Math.round(share * WIDTH);
    write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${rows.toLocaleString('en')} rows`,
    );
  };
  return {
    async *track(chunks) {
      for await (const chunk of chunks) {
        read += chunk.length;
        yield chunk;
      }
    },
    row: (rows) => {
      if (rows % 250 === 0) draw(rows);
    },
    done: () => write('\r\x1b[K'),
  };
}

/** No bar: for scripts, pipes and --json. */
export const noProgress: Progress = { track: (c) => c, row: () => undefined, done: () => undefined };
