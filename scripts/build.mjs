// Bundles the CLI into dist/socklab.js (one minified file starts about twice as fast as many modules).
// `--if-needed` skips the build when dist is newer than every source file, so `npm start` stays quick.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
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

// Ink imports react-devtools-core only when DEV=true; without a bundler split that import would become
// static, so stand an empty module in for it.
const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'devtools', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

await build({
  entryPoints: [join(root, 'src', 'cli.tsx')],
  outfile: out,
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // koffi loads a native binary relative to its own package.
  external: ['koffi'],
  plugins: [noDevtools],
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
