// The front matter of a lesson: its identity, settings and peers, each checked at its own line.

import { shown, type DiagnosticSink } from './diagnostics';
import type { LessonLevel, LessonSettings, PeerSpec } from './model';
import { parsePeers } from './peer-specs';
import { scalarValue, YamlReader } from './yaml-nodes';

export interface FrontMatter {
  id: string | null;
  idLine: number;
  title: string | null;
  summary: string | null;
  order: number | null;
  level: LessonLevel | null;
  tags: string[];
  settings: LessonSettings;
  peers: PeerSpec[];
}

export const FRONT_MATTER_KEYS = ['id', 'title', 'summary', 'order', 'level', 'tags', 'settings', 'peers'] as const;
export const SETTINGS_KEYS = ['ipv6', 'ports', 'unix'] as const;
export const LEVELS: readonly LessonLevel[] = ['beginner', 'intermediate', 'advanced'];

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 64;
const MAX_TITLE = 100;
const MAX_SUMMARY = 200;

export const DEFAULT_SETTINGS: LessonSettings = { ipv6: false, ports: 1, unix: false };

function oneLineText(
  value: unknown,
  line: number,
  key: string,
  max: number,
  sink: DiagnosticSink,
): string | null {
  if (typeof value !== 'string') {
    sink.error(line, `${key} must be text`);
    return null;
  }
  const text = value.trim();
  if (text === '') {
    sink.error(line, `${key} is empty`);
    return null;
  }
  if (/[\r\n]/.test(text)) {
    sink.error(line, `${key} must be one line`);
    return null;
  }
  if (Array.from(text).length > max) {
    sink.error(line, `${key} is longer than ${max} characters`);
    return null;
  }
  return text;
}

function parseSettings(reader: YamlReader, node: unknown, line: number, sink: DiagnosticSink): LessonSettings {
  const settings = { ...DEFAULT_SETTINGS };
  for (const entry of reader.entries(node, line, 'setting', SETTINGS_KEYS)) {
    const value = scalarValue(entry.value);
    if (entry.key === 'ports') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 4) {
        sink.error(entry.valueLine, 'ports must be a whole number from 1 to 4 (how many free ports the lesson reserves)');
      } else {
        settings.ports = value;
      }
    } else if (typeof value !== 'boolean') {
      sink.error(entry.valueLine, `${entry.key} must be true or false`);
    } else if (entry.key === 'ipv6') {
      settings.ipv6 = value;
    } else {
      settings.unix = value;
    }
  }
  return settings;
}

/** `yamlLine` is the file line of the YAML's first line. */
export function parseFrontMatter(yaml: string, yamlLine: number, sink: DiagnosticSink): FrontMatter {
  const result: FrontMatter = {
    id: null,
    idLine: yamlLine,
    title: null,
    summary: null,
    order: null,
    level: null,
    tags: [],
    settings: { ...DEFAULT_SETTINGS },
    peers: [],
  };
  const reader = new YamlReader(yaml, yamlLine, sink);
  if (reader.root === null || reader.root === undefined) {
    if (!reader.broken) sink.error(yamlLine, 'the front matter is empty: it needs at least id, title and summary');
    return result;
  }
  const entries = reader.entries(reader.root, yamlLine, 'front-matter key', FRONT_MATTER_KEYS);
  const seen = new Set(entries.map((e) => e.key));

  const settingsEntry = entries.find((e) => e.key === 'settings');
  if (settingsEntry) result.settings = parseSettings(reader, settingsEntry.value, settingsEntry.keyLine, sink);

  for (const entry of entries) {
    const value = scalarValue(entry.value);
    switch (entry.key) {
      case 'id': {
        result.idLine = entry.keyLine;
        if (typeof value !== 'string' || !KEBAB.test(value) || value.length > MAX_ID) {
          sink.error(
            entry.valueLine,
            `id ${typeof value === 'string' ? shown(value) : 'value'} must be kebab-case: lower-case letters and digits joined by '-', like 'hello-server' (at most ${MAX_ID} characters)`,
          );
        } else if (/^[0-9]+$/.test(value)) {
          sink.error(entry.valueLine, `id ${shown(value)} must not be a number: lessons are also found by number`);
        } else {
          result.id = value;
        }
        break;
      }
      case 'title':
        result.title = oneLineText(value, entry.valueLine, 'title', MAX_TITLE, sink);
        break;
      case 'summary':
        result.summary = oneLineText(value, entry.valueLine, 'summary', MAX_SUMMARY, sink);
        break;
      case 'order':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1_000_000) {
          sink.error(entry.valueLine, 'order must be a whole number from 0 to 1000000');
        } else {
          result.order = value;
        }
        break;
      case 'level':
        if (typeof value !== 'string' || !(LEVELS as readonly string[]).includes(value)) {
          sink.error(entry.valueLine, `level must be one of: ${LEVELS.join(', ')}`);
        } else {
          result.level = value as LessonLevel;
        }
        break;
      case 'tags': {
        const items = reader.items(entry.value, entry.keyLine, 'tags');
        for (const item of items ?? []) {
          const tag = scalarValue(item.value);
          if (typeof tag !== 'string' || !KEBAB.test(tag) || tag.length > MAX_ID) {
            sink.error(item.line, `tag ${typeof tag === 'string' ? shown(tag) : 'value'} must be kebab-case, like 'tcp' or 'time-wait'`);
          } else if (result.tags.includes(tag)) {
            sink.error(item.line, `tag ${shown(tag)} is listed twice`);
          } else {
            result.tags.push(tag);
          }
        }
        break;
      }
      case 'peers':
        result.peers = parsePeers(reader, entry.value, entry.keyLine, result.settings, sink);
        break;
      default:
        break;
    }
  }

  if (!reader.broken) {
    for (const key of ['id', 'title', 'summary'] as const) {
      if (!seen.has(key)) sink.error(yamlLine, `the front matter has no ${key}`);
    }
  }
  return result;
}
