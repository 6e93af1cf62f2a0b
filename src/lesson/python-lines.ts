// Checks of the Python in a lesson: the suggested calls (statements) and the check (one expression).

import {
  CHECK_FORBIDDEN_FUNCTIONS,
  CHECK_FORBIDDEN_METHODS,
  CHECK_HELPERS,
  checkHelper,
  definedLessonNames,
  LESSON_NAMES,
  missingNameAdvice,
  type CheckHelper,
} from './check-helpers';
import { closestName, didYouMean } from './closest-name';
import { shown, type DiagnosticSink } from './diagnostics';
import type { NumberedLine } from './markdown-blocks';
import type { LessonSettings, PeerSpec, SourceLine } from './model';
import type { NameScope } from './name-scope';
import { fixedPortMessage } from './peer-specs';
import { isPythonBuiltin, pythonBuiltinNames } from './python-builtins';
import { describeParseFailure, parsePython } from './python-syntax';
import { walkExpr, walkStatement, type PyExpr, type PyStatement } from './python-tree';

export interface PythonContext {
  sink: DiagnosticSink;
  settings: LessonSettings;
  peers: PeerSpec[];
}

const HELPER_NAMES = CHECK_HELPERS.map((h) => h.name);
const LESSON_NAME_SET = new Set(LESSON_NAMES.map((n) => n.name));

function isAddressHost(expr: PyExpr): boolean {
  return expr.kind === 'str' || expr.kind === 'name' || expr.kind === 'attribute';
}

/**
 * Port numbers written into an address: ('127.0.0.1', 9999). Port 0 asks the kernel to choose and
 * a port past 65535 only shows OverflowError, so those are fine; below 1024 is a warning (a lesson
 * may show PermissionError on purpose); anything else would collide between learners: an error.
 */
function checkFixedPorts(roots: Iterable<PyExpr>, line: number, sink: DiagnosticSink): void {
  for (const expr of roots) {
    if (expr.kind !== 'tuple' || (expr.items.length !== 2 && expr.items.length !== 4)) continue;
    const [host, port] = expr.items;
    if (!host || !port || !isAddressHost(host) || port.kind !== 'int') continue;
    const value = port.value;
    if (value <= 0n || value > 65535n) continue;
    if (value < 1024n) {
      sink.warning(
        line,
        `fixed port ${value}: a port below 1024 shows PermissionError only to a learner who is not root; use PORT unless that is the point`,
      );
    } else {
      sink.error(line, fixedPortMessage(value));
    }
  }
}

function checkLessonNames(roots: Iterable<PyExpr>, line: number, settings: LessonSettings, sink: DiagnosticSink): void {
  const defined = definedLessonNames(settings);
  const reported = new Set<string>();
  for (const expr of roots) {
    if (expr.kind === 'name' && LESSON_NAME_SET.has(expr.id) && !defined.has(expr.id) && !reported.has(expr.id)) {
      reported.add(expr.id);
      sink.error(line, missingNameAdvice(expr.id));
    }
  }
}

function statementsExprs(statements: PyStatement[]): PyExpr[] {
  return statements.flatMap((s) => [...walkStatement(s)]);
}

/**
 * A suggested call (or setup statement): it must parse and use PORT, not a fixed port. A name that
 * no earlier line defines is a warning: a lesson may show a NameError on purpose.
 */
export function checkCallLine(line: NumberedLine, ctx: PythonContext, scope: NameScope): SourceLine | null {
  const source = line.text.trimEnd();
  const parsed = parsePython(source);
  if (!parsed.ok) {
    ctx.sink.error(line.line, describeParseFailure(parsed));
    return null;
  }
  const exprs = statementsExprs(parsed.statements);
  checkLessonNames(exprs, line.line, ctx.settings, ctx.sink);
  checkFixedPorts(exprs, line.line, ctx.sink);
  for (const statement of parsed.statements) {
    for (const name of scope.undefinedInStatement(statement)) {
      if (LESSON_NAME_SET.has(name)) continue;
      ctx.sink.warning(line.line, `'${name}' is used before any line of the lesson defines it: this line raises NameError when followed as written`);
    }
    scope.define(statement);
  }
  return { source, line: line.line };
}

function checkHelperCall(
  helper: CheckHelper,
  call: Extract<PyExpr, { kind: 'call' }>,
  line: number,
  ctx: PythonContext,
): void {
  const { sink } = ctx;
  const usage = `${helper.name}(${helper.args.map((a) => (a === 'socket' ? 's' : a === 'name' ? "'conn'" : "'client'")).join(', ')})`;
  if (call.spread || call.keywords.length > 0 || call.args.length !== helper.args.length) {
    const count = helper.args.length;
    sink.error(line, `${helper.name}() takes ${count === 0 ? 'no arguments' : count === 1 ? 'one argument' : `${count} arguments`}: ${usage}`);
    return;
  }
  helper.args.forEach((kind, index) => {
    const arg = call.args[index]!;
    if (kind === 'socket' && (arg.kind === 'str' || arg.kind === 'bytes' || arg.kind === 'int')) {
      sink.error(line, `${helper.name}() takes the socket itself, not its name in quotes: ${usage}`);
    } else if (kind === 'name' && (arg.kind !== 'str' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(arg.value))) {
      sink.error(line, `${helper.name}() takes a variable name in quotes: ${usage}`);
    } else if (kind === 'peer') {
      const names = ctx.peers.map((p) => p.name);
      if (arg.kind !== 'str') {
        sink.error(line, `${helper.name}() takes a peer's name in quotes: ${usage}`);
      } else if (!names.includes(arg.value)) {
        const declared = names.length > 0 ? `; the peers are ${names.join(', ')}` : '; this lesson declares no peers';
        sink.error(line, `unknown peer ${shown(arg.value)} in ${helper.name}()${didYouMean(arg.value, names)}${declared}`);
      }
    }
  });
}

function checkCalls(root: PyExpr, line: number, ctx: PythonContext): void {
  const { sink } = ctx;
  for (const expr of walkExpr(root)) {
    if (expr.kind !== 'call') continue;
    const func = expr.func;
    if (func.kind === 'name') {
      const helper = checkHelper(func.id);
      if (helper) {
        checkHelperCall(helper, expr, line, ctx);
      } else if (CHECK_FORBIDDEN_FUNCTIONS.includes(func.id)) {
        sink.error(line, `a check must only look, and ${func.id}() would act (the check runs after every statement)`);
      } else if (!isPythonBuiltin(func.id)) {
        const suggestion = closestName(func.id, HELPER_NAMES) ?? closestName(func.id, pythonBuiltinNames());
        sink.error(
          line,
          `unknown helper ${shown(func.id)} in the check${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; the helpers are ${HELPER_NAMES.join(', ')}`,
        );
      }
    } else if (func.kind === 'attribute' && CHECK_FORBIDDEN_METHODS.includes(func.attr)) {
      sink.error(line, `a check must only look, and .${func.attr}() would act (the check runs after every statement)`);
    }
  }
}

/** The body of a ```check block: one expression on one line, using only the helper vocabulary. */
export function checkCheckLines(body: NumberedLine[], fenceLine: number, ctx: PythonContext, scope: NameScope): SourceLine | null {
  const { sink } = ctx;
  const lines = body.filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
  if (lines.length === 0) {
    sink.error(fenceLine, "this check is empty: write one expression, like state(s) == 'LISTEN'");
    return null;
  }
  if (lines.length > 1) {
    sink.error(lines[1]!.line, "a check is one expression on one line: join conditions with 'and'");
    return null;
  }
  const { text, line } = lines[0]!;
  const source = text.trim();
  const parsed = parsePython(source);
  if (!parsed.ok) {
    sink.error(line, describeParseFailure(parsed));
    return null;
  }
  const statement = parsed.statements.length === 1 ? parsed.statements[0]! : null;
  if (!statement || statement.kind !== 'expression') {
    const what = statement ? `${/^[aeiou]/.test(statement.what) ? 'an' : 'a'} ${statement.what}` : `${parsed.statements.length} statements`;
    sink.error(line, `a check is one expression (== compares), not ${what}`);
    return null;
  }
  const errorsBefore = sink.errorCount;
  checkCalls(statement.expr, line, ctx);
  const exprs = [...walkExpr(statement.expr)];
  checkLessonNames(exprs, line, ctx.settings, sink);
  checkFixedPorts(exprs, line, sink);
  for (const name of scope.undefinedInCheck(statement.expr)) {
    if (LESSON_NAME_SET.has(name)) continue;
    sink.error(line, `the check uses '${name}', which no suggested call up to this step defines${didYouMean(name, scope.known())}`);
  }
  return sink.errorCount === errorsBefore ? { source, line } : null;
}
