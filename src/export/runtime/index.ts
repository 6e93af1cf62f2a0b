// The machinery an exported program carries so that it runs alone: the console always; the peers and
// the lesson's steps when it comes from a lesson.
import { PY_CONSOLE_RUNTIME } from './console-runtime';
import { PY_DATAGRAM_PEERS } from './datagram-peers';
import { PY_LESSON_RUNTIME } from './lesson-runtime';
import { PY_PEER_ACTIVITY } from './peer-activity';
import { PY_IMPORTS } from './python-imports';
import { PY_STREAM_PEERS } from './stream-peers';
import { PY_TCP_CLIENT_PEER } from './tcp-client-peer';

export function pythonRuntime(withLesson: boolean): string {
  const parts = [PY_IMPORTS, PY_CONSOLE_RUNTIME];
  if (withLesson) parts.push(PY_PEER_ACTIVITY, PY_STREAM_PEERS, PY_TCP_CLIENT_PEER, PY_DATAGRAM_PEERS, PY_LESSON_RUNTIME);
  return parts.map((p) => p.trim()).join('\n\n\n') + '\n';
}
