import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { SavedLabReport } from './lab-reports.js';
import type { ConnectSession, Delivery, TerraUser } from './types.js';
import type { WorkoutsSnapshot } from './workouts.js';

/** What the `--data` file holds. */
export interface Snapshot {
  version: 2;
  users: TerraUser[];
  deliveries: Delivery[];
  workouts: WorkoutsSnapshot;
  labReports: SavedLabReport[];
  /** Connect-flow (widget and auth_url) sessions. */
  sessions: ConnectSession[];
}

/** Version 1 files (users and deliveries only) still load: the rest starts empty. */
function upgrade(snap: Partial<Snapshot>): Snapshot {
  return {
    version: 2,
    users: snap.users ?? [],
    deliveries: snap.deliveries ?? [],
    workouts: snap.workouts ?? { templates: [], planned: [], nextTemplateId: 0, nextPlannedId: 0 },
    labReports: snap.labReports ?? [],
    sessions: snap.sessions ?? [],
  };
}

function isWellFormed(snap: Partial<Snapshot> | undefined): boolean {
  const version = snap?.version as number | undefined;
  if (!snap || (version !== 1 && version !== 2)) return false;
  if (!Array.isArray(snap.users) || !Array.isArray(snap.deliveries)) return false;
  if (version === 1) return true;
  return (
    Array.isArray(snap.workouts?.templates) &&
    Array.isArray(snap.workouts?.planned) &&
    Array.isArray(snap.labReports) &&
    Array.isArray(snap.sessions)
  );
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
  const snap = parsed as Partial<Snapshot> | undefined;
  if (!isWellFormed(snap)) {
    throw new DataFileError(
      `data file ${file} is not a terra-sandbox data file (expected {version:2, users:[], deliveries:[], ` +
        'workouts:{templates:[], planned:[]}, labReports:[], sessions:[]}); fix or delete it to start empty',
    );
  }
  return upgrade(snap as Partial<Snapshot>);
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
