// Runs every benchmark in bench/ (each file's default export), one after another: `npm run bench`;
// `npm run bench -- ui` runs only the benchmarks whose file name contains 'ui'.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => process.argv.length <= 2 || process.argv.slice(2).some((name) => f.includes(name)))
  .sort();

for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => unknown };
  if (typeof module.default !== 'function') continue;
  console.log(`== ${file}`);
  await module.default();
  console.log();
}
