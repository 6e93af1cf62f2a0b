import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECK_HELPERS, LESSON_NAMES } from '../../src/lesson/check-helpers';
import { ENCODING_NAMES } from '../../src/lesson/encodings';
import { FRONT_MATTER_KEYS, SETTINGS_KEYS } from '../../src/lesson/front-matter';
import { parseLessonText } from '../../src/lesson/load';
import { PEER_ACTIONS, PEER_TRIGGERS } from '../../src/lesson/peer-action-specs';
import { PEER_KINDS } from '../../src/lesson/peer-kinds';
import { TEMPLATE_PLACEHOLDERS } from '../../src/lesson/reply-template';

const readmePath = fileURLToPath(new URL('../../lessons/README.md', import.meta.url));

async function readme(): Promise<string> {
  return readFile(readmePath, 'utf8');
}

/** The rows of the Markdown table whose header row starts with `| first |`. */
function tableRows(text: string, first: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(lines[i]!.slice(1, -1).split(' | ').map((cell) => cell.trim()));
  }
  return rows;
}

describe('lessons/README.md', () => {
  it('holds a complete example lesson that validates without a single diagnostic', async () => {
    const text = await readme();
    const match = /````markdown\n([\s\S]*?)\n````/.exec(text);
    expect(match).not.toBeNull();
    const result = parseLessonText(match![1]!, 'README example');
    expect(result.diagnostics).toEqual([]);
    expect(result.lesson!.steps.length).toBeGreaterThanOrEqual(5);
    expect(result.lesson!.peers.map((p) => p.kind)).toEqual(['tcp-client']);
  });

  it('documents every check helper, with its arguments and return type', async () => {
    const rows = tableRows(await readme(), 'helper');
    const documented = rows.map((r) => r[0]!.replace(/`/g, ''));
    const example = { socket: 's', name: "'conn'", peer: "'client'" } as const;
    expect(documented).toEqual(CHECK_HELPERS.map((h) => `${h.name}(${h.args.map((a) => example[a]).join(', ')})`));
    rows.forEach((row, i) => expect(row[1]).toBe(CHECK_HELPERS[i]!.returns.replace(' | ', ' or ')));
  });

  it('documents every lesson name, front-matter key and setting', async () => {
    const text = await readme();
    const names = tableRows(text, 'name').flatMap((r) => r[0]!.replace(/`/g, '').split(', '));
    expect(names).toEqual(LESSON_NAMES.map((n) => n.name));
    expect(tableRows(text, 'key').map((r) => r[0]!.replace(/`/g, ''))).toEqual([...FRONT_MATTER_KEYS]);
    expect(tableRows(text, 'setting').map((r) => r[0]!.replace(/`/g, ''))).toEqual([...SETTINGS_KEYS]);
  });

  it('documents every peer kind with its actions, and every parameter of each kind', async () => {
    const text = await readme();
    const kinds = tableRows(text, 'kind | what it does');
    expect(kinds.map((r) => r[0]!.replace(/`/g, ''))).toEqual(PEER_KINDS.map((k) => k.kind));
    kinds.forEach((row, i) => expect(row[2]).toBe(PEER_KINDS[i]!.actions.join(', ')));
    const params = tableRows(text, 'kind | parameter');
    for (const kind of PEER_KINDS) {
      const documented = params.filter((r) => r[0]!.split(', ').includes(kind.kind)).map((r) => r[1]!.replace(/`/g, ''));
      expect(documented.sort()).toEqual(kind.params.map((p) => p.key).sort());
    }
    for (const encoding of ENCODING_NAMES) expect(text).toContain(`\`${encoding}\``);
  });

  it('documents every action with its arguments, every trigger and every placeholder', async () => {
    const text = await readme();
    const actions = tableRows(text, 'action').map((r) => r[0]!.replace(/`/g, ''));
    expect(actions).toEqual(
      PEER_ACTIONS.map((a) => `${a.type}(${a.params.map((p) => (p.default === null ? p.name : `${p.name}=${p.default}`)).join(', ')})`),
    );
    const triggers = tableRows(text, 'trigger').map((r) => r[0]);
    expect(triggers).toEqual(PEER_TRIGGERS.map((t) => t.trigger));
    const placeholders = tableRows(text, 'placeholder').map((r) => r[0]!.replace(/`/g, ''));
    expect(placeholders).toEqual(Object.keys(TEMPLATE_PLACEHOLDERS).map((p) => `{${p}}`));
  });
});
