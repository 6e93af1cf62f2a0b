// Bundles a benchmark's own entry as the CLI is bundled (minified ESM for Node 20), into a cache
// inside node_modules so that what the bundle leaves out (koffi, iconv-lite) resolves as the CLI's does.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const CACHE = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'socklab-bench');

/** Writes `contents` (TypeScript, imports resolved from `resolveDir`) bundled to `name` in the cache; returns its path. */
export async function bundleEntry(name: string, contents: string, resolveDir: string, extra: BuildOptions = {}): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, name);
  await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    ...extra,
  });
  return outfile;
}
