import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { Delivery, TerraUser } from './types.js';

/** What the `--data` file holds. */
export interface Snapshot {
  version: 1;
  users: TerraUser[];
  deliveries: Delivery[];
}

/** Thrown when the data file exists but cannot be used; the message says which file and why. */
export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

/** Reads the data file; a missing file is an empty sandbox, a corrupt one is an error. */
export function loadSnapshot(file: string): Snapshot | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DataFileError(
      `data file ${file} is not valid JSON (${(err as Error).message}); fix or delete it to start empty`,
    );
  }
  const snap = parsed as Partial<Snapshot>;
  if (snap?.version !== 1 || !Array.isArray(snap.users) || !Array.isArray(snap.deliveries)) {
    throw new DataFileError(
      `data file ${file} is not a terra-sandbox data file (expected {version:1, users:[], deliveries:[]})`,
    );
  }
  return snap as Snapshot;
}

/**
 * Writes snapshots atomically (temp file + rename, so a crash never leaves half a file) and
 * coalesces bursts of changes into one write: every write holds every payload, so a retry storm
 * must not turn into a write per attempt.
 */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private counter = 0;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => Snapshot,
    private readonly debounceMs = 250,
  ) {}

  /** Schedules a write soon. */
  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
  }

  /** Writes now if anything changed; resolves when the file is on disk. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const temp = `${this.file}.${process.pid}.${++this.counter}.tmp`;
      await writeFile(temp, JSON.stringify(this.snapshot()));
      await rename(temp, this.file);
    });
    return this.writing;
  }
}
