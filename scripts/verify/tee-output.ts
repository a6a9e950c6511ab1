/**
 * Copies everything this process writes to stdout and stderr into a log file under
 * test-results/logs/, so the final leak scan reads what verify itself printed too.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Starts the copy into `file` (appended: several runs may share the log directory). */
export function teeOutputTo(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a');
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      fs.writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}
