// The Markdown body of a lesson -> intro, setup and steps. A step is a '## ' section; inside it,
// ```python, ```check and ```peer blocks and '> hint:' / '> on `...`:' / '> varies:' quotes are
// directives; the rest is the step's prose.

import { closestName, editDistance } from './closest-name';
import { shown, type DiagnosticSink } from './diagnostics';
import { blocksToMarkdown, type FenceBlock, type MarkdownBlock, type NumberedLine, type QuoteBlock } from './markdown-blocks';
import type { ErrorHint, Hint, LessonSettings, PeerActionBlock, PeerSpec, SourceLine, Step } from './model';
import { parsePeerBlock } from './peer-actions';
import { NameScope } from './name-scope';
import { checkCallLine, checkCheckLines } from './python-lines';

export interface BodyContext {
  sink: DiagnosticSink;
  settings: LessonSettings;
  peers: PeerSpec[];
}

export interface LessonBody {
  intro: string;
  setup: SourceLine[];
  steps: Step[];
}

const DIRECTIVE_LANGS = ['python', 'check', 'peer'];
/** Info strings that are real languages, though one letter away from a directive. */
const OTHER_LANGS = new Set(['py', 'py3', 'python2', 'python3', 'pycon', 'perl', 'text', 'sh', 'bash', 'shell', 'console', 'http', 'c']);
const HINT = /^\s*hint\s*:\s*(.*)$/i;
const ON = /^\s*on\s+`([^`]+)`\s*:\s*(.*)$/i;
const VARIES = /^\s*varies\s*:\s*(.*)$/i;
/** The words that start a directive quote, for spotting a misspelt one. */
const DIRECTIVE_WORDS = ['hint', 'varies'];
/** '> on OSError: ...' without backticks: a mistake; '> On Linux, ...' is prose. */
const ON_WITHOUT_BACKTICKS = /^\s*[Oo]n\s+(?:[A-Z][A-Za-z]*(?:Error|Exception|Interrupt|Exit)\b|socket\.\w+|\[Errno)/;
const DIRECTIVE_WORD = /^\s*([A-Za-z]+)\s*:/;
const CLASS_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MAX_STEPS = 100;

interface QuoteItems {
  hints: Hint[];
  errorHints: ErrorHint[];
  /** Why the step's numbers differ from run to run, with its line. */
  varies: Hint[];
}

function isDirectiveQuote(quote: QuoteBlock): boolean {
  const first = quote.lines[0]!.text;
  return HINT.test(first) || ON.test(first) || ON_WITHOUT_BACKTICKS.test(first) || VARIES.test(first);
}

/** Reports a quote that looks like a misspelt directive ('> hnit: ...'); others are prose. */
function checkPlainQuote(quote: QuoteBlock, sink: DiagnosticSink): void {
  const word = DIRECTIVE_WORD.exec(quote.lines[0]!.text)?.[1];
  const near = word === undefined ? undefined : DIRECTIVE_WORDS.find((d) => editDistance(word.toLowerCase(), d) === 1);
  if (near) sink.error(quote.line, `unknown directive '${word}:' (did you mean '${near}:'?)`);
}

interface OpenHint {
  line: number;
  paragraphs: string[][];
  kind: 'hint' | 'on' | 'varies';
  /** The exception an error hint matches ('on' only). */
  match: string;
}

/** A hint's quoted lines as Markdown shows them: lines of a paragraph joined, paragraphs kept apart. */
function hintText(paragraphs: string[][]): string {
  return paragraphs
    .map((lines) => lines.map((l) => l.trim()).filter((l) => l !== '').join(' '))
    .filter((p) => p !== '')
    .join('\n\n');
}

function parseDirectiveQuote(quote: QuoteBlock, sink: DiagnosticSink): QuoteItems {
  const open: OpenHint[] = [];
  for (const { text, line } of quote.lines) {
    const hint = HINT.exec(text);
    const on = ON.exec(text);
    const varies = VARIES.exec(text);
    const current = open[open.length - 1];
    if (hint) {
      open.push({ line, paragraphs: [[hint[1]!]], kind: 'hint', match: '' });
    } else if (varies) {
      open.push({ line, paragraphs: [[varies[1]!]], kind: 'varies', match: '' });
    } else if (on) {
      open.push({ line, paragraphs: [[on[2]!]], kind: 'on', match: on[1]!.trim() });
    } else if (ON_WITHOUT_BACKTICKS.test(text)) {
      sink.error(line, 'put the exception to match in backticks: > on `OSError: [Errno 98]`: the port is still taken ...');
    } else if (current && text.trim() === '') {
      current.paragraphs.push([]);
    } else if (current) {
      current.paragraphs[current.paragraphs.length - 1]!.push(text);
    }
  }
  const out: QuoteItems = { hints: [], errorHints: [], varies: [] };
  for (const item of open) {
    const text = hintText(item.paragraphs);
    if (item.kind === 'varies') {
      if (text === '') sink.error(item.line, "say why the numbers vary: > varies: the count depends on the kernel's buffers");
      else out.varies.push({ text, line: item.line });
    } else if (text === '') {
      sink.error(item.line, 'this hint has no text');
    } else if (item.kind === 'hint') {
      out.hints.push({ text, line: item.line });
    } else {
      const matchKind = CLASS_NAME.test(item.match) ? 'class' : 'text';
      out.errorHints.push({ match: item.match, matchKind, text, line: item.line });
    }
  }
  return out;
}

function checkFenceLang(fence: FenceBlock, sink: DiagnosticSink): void {
  if (fence.lang === '' || DIRECTIVE_LANGS.includes(fence.lang) || OTHER_LANGS.has(fence.lang)) return;
  const near = closestName(fence.lang, DIRECTIVE_LANGS);
  if (near && editDistance(fence.lang, near) === 1) {
    sink.error(fence.line, `unknown block type '${fence.lang}' (did you mean '${near}'?); this block is shown as prose`);
  }
}

function pythonLines(fence: FenceBlock): NumberedLine[] {
  return fence.body.filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
}

interface Section {
  title: string;
  line: number;
  blocks: MarkdownBlock[];
}

function parseStep(section: Section, number: number, id: string, ctx: BodyContext, scope: NameScope): Step | null {
  const { sink } = ctx;
  const prose: MarkdownBlock[] = [];
  const calls: SourceLine[] = [];
  const pythonBlocks = section.blocks.filter((b): b is FenceBlock => b.type === 'fence' && b.lang === 'python');
  const checkBlocks = section.blocks.filter((b): b is FenceBlock => b.type === 'fence' && b.lang === 'check');
  const hints: Hint[] = [];
  const errorHints: ErrorHint[] = [];
  const varies: Hint[] = [];
  const peerActions: PeerActionBlock[] = [];

  // The calls run before the check is evaluated, wherever the blocks stand in the step.
  for (const block of pythonBlocks) {
    const lines = pythonLines(block);
    if (lines.length === 0) sink.error(block.line, 'this python block has no statement');
    for (const line of lines) {
      const call = checkCallLine(line, ctx, scope);
      if (call) calls.push(call);
    }
  }
  let check: SourceLine | null = null;
  const first = checkBlocks[0];
  if (first) {
    if (first.params.length > 0) sink.error(first.line, `a check block takes nothing after 'check', found ${shown(first.params.join(' '))}`);
    check = checkCheckLines(first.body, first.line, ctx, scope);
  }
  for (const extra of checkBlocks.slice(1)) {
    sink.error(extra.line, `a step has one check; this step has another at line ${first!.line}: join them with 'and'`);
  }

  for (const block of section.blocks) {
    if (block.type === 'fence' && (block.lang === 'python' || block.lang === 'check')) continue;
    if (block.type === 'fence' && block.lang === 'peer') {
      const parsed = parsePeerBlock(block, ctx);
      if (parsed) peerActions.push(parsed);
    } else if (block.type === 'quote' && isDirectiveQuote(block)) {
      const items = parseDirectiveQuote(block, sink);
      hints.push(...items.hints);
      errorHints.push(...items.errorHints);
      varies.push(...items.varies);
    } else {
      if (block.type === 'fence') checkFenceLang(block, sink);
      if (block.type === 'quote') checkPlainQuote(block, sink);
      prose.push(block);
    }
  }

  for (const extra of varies.slice(1)) {
    sink.error(extra.line, `a step says once why its numbers vary; it says so already at line ${varies[0]!.line}`);
  }

  const title = section.title;
  if (pythonBlocks.length === 0) sink.error(section.line, `step ${shown(title)} has no suggested call: add a \`\`\`python block with the statements to type`);
  if (!first) sink.error(section.line, `step ${shown(title)} has no check: add a \`\`\`check block with one expression that holds once the step is done`);
  if (!check || calls.length === 0 || title === '') return null;
  return {
    id,
    number,
    title,
    line: section.line,
    prose: blocksToMarkdown(prose),
    calls,
    check,
    hints,
    errorHints,
    varies: varies[0]?.text ?? null,
    peerActions,
  };
}

function parseIntro(blocks: MarkdownBlock[], ctx: BodyContext, scope: NameScope): { intro: string; setup: SourceLine[] } {
  const { sink } = ctx;
  const prose: MarkdownBlock[] = [];
  const setup: SourceLine[] = [];
  for (const block of blocks) {
    if (block.type === 'fence' && block.lang === 'python') {
      for (const line of pythonLines(block)) {
        const call = checkCallLine(line, ctx, scope);
        if (call) setup.push(call);
      }
    } else if (block.type === 'fence' && (block.lang === 'check' || block.lang === 'peer')) {
      sink.error(block.line, `a ${block.lang} block belongs to a step: start the step with a '## ' heading above it`);
    } else if (block.type === 'quote' && isDirectiveQuote(block)) {
      const what = VARIES.test(block.lines[0]!.text) ? "'varies:'" : 'hint';
      sink.error(block.line, `a ${what} belongs to a step: start the step with a '## ' heading above it`);
    } else {
      if (block.type === 'fence') checkFenceLang(block, sink);
      if (block.type === 'quote') checkPlainQuote(block, sink);
      prose.push(block);
    }
  }
  return { intro: blocksToMarkdown(prose), setup };
}

/** The title as a slug: lower case, letters and digits, words joined by '-'. */
export function stepSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

export function parseBody(blocks: MarkdownBlock[], bodyLine: number, ctx: BodyContext): LessonBody {
  const { sink } = ctx;
  const introBlocks: MarkdownBlock[] = [];
  const sections: Section[] = [];
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === 2) {
      sections.push({ title: block.text, line: block.line, blocks: [] });
    } else if (sections.length === 0) {
      introBlocks.push(block);
    } else {
      sections[sections.length - 1]!.blocks.push(block);
    }
    if (block.type === 'fence' && !block.closed) {
      sink.error(block.line, `the code block opened here is never closed (a line of ${block.raw[0]!.trim().slice(0, 3)} ends it)`);
    }
  }

  const scope = new NameScope(ctx.settings);
  const { intro, setup } = parseIntro(introBlocks, ctx, scope);
  if (sections.length === 0) {
    const firstText = blocks.find((b) => b.type !== 'text' || b.text.trim() !== '');
    sink.error(firstText?.line ?? bodyLine - 1, "the lesson has no steps: each step is a '## ' heading followed by its prose, a ```python block and a ```check block");
  }
  if (sections.length > MAX_STEPS) sink.error(sections[MAX_STEPS]!.line, `a lesson has at most ${MAX_STEPS} steps`);

  const steps: Step[] = [];
  const ids = new Map<string, number>();
  sections.slice(0, MAX_STEPS).forEach((section, index) => {
    if (section.title === '') sink.error(section.line, 'this step has no title: write it after the ##');
    const id = stepSlug(section.title) || `step-${index + 1}`;
    const twin = ids.get(id);
    if (section.title !== '' && twin !== undefined) {
      sink.error(section.line, `two steps have the title ${shown(section.title)} (the other at line ${twin}): progress tells steps apart by title`);
    }
    ids.set(id, section.line);
    const step = parseStep(section, index + 1, id, ctx, scope);
    if (step) steps.push(step);
  });
  return { intro, setup, steps };
}
