// The progress store: the one owner of the learner's progress file,
// $XDG_STATE_HOME/socklab/progress.json (default ~/.local/state/socklab/progress.json).
// Writes are atomic (a temp file in the same directory, fsync, rename), so a crash or a second
// socklab writing at the same time leaves either the old file or the new one, never a mix.
// Problems never stop the app: they come back as a warning to show.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { emptyProgress, readProgressText, type Progress } from './progress-data';
import { errorMessage } from '../sys/error-text';

export * from './progress-data';

/** A progress file is a few kilobytes; a huge one is not ours. */
const MAX_PROGRESS_BYTES = 8 << 20;

/** $XDG_STATE_HOME/socklab/progress.json; the XDG spec says to ignore a relative XDG_STATE_HOME. */
export function progressFilePath(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const xdg = env['XDG_STATE_HOME'];
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'state');
  return path.join(base, 'socklab', 'progress.json');
}

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  if (e?.code === 'EISDIR') return 'it is a directory';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'ENOTDIR') return 'a part of its path is not a directory';
  return errorMessage(err);
}

/**
 * Writes `text` to `file` atomically: readers see the old content or the new, never a part.
 * On failure the temp file is removed and the error is thrown.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Unique per process and per call, so concurrent writers never share a temp file.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, 'wx', 0o600);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temp, file);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  // Make the rename itself durable; not every file system can sync a directory, and that is fine.
  try {
    const dirHandle = await open(dir, 'r');
    await dirHandle.sync().finally(() => dirHandle.close());
  } catch {
    // The data is written and renamed; only the durability of the rename across a power cut is lost.
  }
}

export interface OpenedProgress {
  store: ProgressStore;
  /** Something to tell the learner (a damaged or newer file), or null. */
  warning: string | null;
}

export class ProgressStore {
  private saving: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private current: Progress,
    /** False when the file belongs to a newer socklab: saving would destroy what it recorded. */
    readonly writable: boolean,
  ) {}

  /** Reads the progress file. Never throws: a missing file is a fresh start, anything wrong a warning. */
  static async open(file: string = progressFilePath()): Promise<OpenedProgress> {
    let text: string;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: info.isDirectory() ? 'EISDIR' : undefined });
      if (info.size > MAX_PROGRESS_BYTES) {
        return ProgressStore.damaged(file, `it is larger than ${MAX_PROGRESS_BYTES} bytes`);
      }
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { store: new ProgressStore(file, emptyProgress(), true), warning: null };
      const warning = `could not read your progress from ${file} (${reasonOf(err)}); starting afresh`;
      return { store: new ProgressStore(file, emptyProgress(), true), warning };
    }
    const read = readProgressText(text);
    switch (read.kind) {
      case 'ok':
        return { store: new ProgressStore(file, read.progress, true), warning: null };
      case 'newer':
        return {
          store: new ProgressStore(file, emptyProgress(), false),
          warning: `your progress in ${file} was saved by a newer socklab (format ${read.version}); starting afresh, and this session's progress will not be saved so that file stays as it is`,
        };
      case 'damaged':
        return ProgressStore.damaged(file, read.reason);
    }
  }

  /** A damaged file is kept aside (progress.json.damaged) so that nothing is lost without a trace. */
  private static async damaged(file: string, reason: string): Promise<OpenedProgress> {
    const kept = `${file}.damaged`;
    let where: string;
    try {
      await rename(file, kept);
      where = `it was kept as ${kept}`;
    } catch (err) {
      where = `it could not be kept aside (${reasonOf(err)})`;
    }
    return {
      store: new ProgressStore(file, emptyProgress(), true),
      warning: `your progress file ${file} is damaged (${reason}); starting afresh: ${where}`,
    };
  }

  get progress(): Progress {
    return this.current;
  }

  /**
   * Applies a change and saves the result. Saves of one store run one after another, so the file
   * always ends with the latest state. Returns a warning to show when it could not be saved.
   */
  update(change: (progress: Progress) => Progress): Promise<string | null> {
    this.current = change(this.current);
    const snapshot = this.current;
    const result = this.saving.then(() => this.save(snapshot));
    this.saving = result;
    return result;
  }

  private async save(progress: Progress): Promise<string | null> {
    if (!this.writable) return null;
    try {
      await writeFileAtomic(this.file, `${JSON.stringify(progress, null, 2)}\n`);
      return null;
    } catch (err) {
      return `could not save your progress to ${this.file} (${reasonOf(err)})`;
    }
  }
}
