// Runs every benchmark in bench/ (each file's default export), one after another: `npm run bench`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .sort();

for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => unknown };
  if (typeof module.default !== 'function') continue;
  console.log(`== ${file}`);
  await module.default();
  console.log();
}
