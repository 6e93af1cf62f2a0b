// Bundles the CLI into dist/socklab.js (one minified file starts about twice as fast as many modules).
// `--if-needed` skips the build when dist is newer than every source file, so `npm start` stays quick.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'socklab.js');

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function upToDate() {
  if (!existsSync(out)) return false;
  const inputs = ['src', 'package.json', 'package-lock.json', 'scripts/build.mjs']
    .map((p) => join(root, p))
    .filter(existsSync);
  const built = statSync(out).mtimeMs;
  return inputs.every((p) => newestMtime(p) <= built);
}

if (process.argv.includes('--if-needed') && upToDate()) process.exit(0);

// Ink imports react-devtools-core (and ws for it) only when DEV=true; bundled, those imports would
// run at start-up, so empty modules stand in for them.
const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^(react-devtools-core|ws)$/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

// Yoga's WebAssembly loader fetch()es its own base64 data: URL whenever fetch exists, which loads all
// of Node's undici at start-up; without fetch it decodes the same bytes synchronously.
// Ink measures every line with string-width; socklab's wrapper answers the same without segmenting text
// that has no grapheme clusters (see src/ui/format/string-width-fast.ts).
const fastStringWidth = {
  name: 'fast-string-width',
  setup(b) {
    const wrapper = join(root, 'src', 'ui', 'format', 'string-width-fast.ts');
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === wrapper ? undefined : { path: wrapper }));
  },
};

const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/].*\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replace(/typeof fetch\b/g, 'typeof undefined'), loader: 'js' };
    });
  },
};

// Chunk names carry a hash: clear the old ones so dist/ holds one build only.
rmSync(join(root, 'dist'), { recursive: true, force: true });

await build({
  entryPoints: { socklab: join(root, 'src', 'cli.tsx') },
  outdir: join(root, 'dist'),
  // Each mode is imported when chosen: split, its code is parsed only then.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // koffi loads a native binary relative to its own package; iconv-lite is required on first use.
  external: ['koffi', 'iconv-lite'],
  plugins: [noDevtools, yogaWithoutFetch, fastStringWidth],
  define: {
    'process.env.NODE_ENV': '"production"',
    SOCKLAB_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
  },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __socklabCreateRequire } from 'node:module';",
      'const require = __socklabCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
