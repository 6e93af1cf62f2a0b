// Colour is forced on for this file (no terminal here), to check that colour=false really removes it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UiState } from '../../src/ui/state/types';
import { acceptBlocked, greeting, lesson, result } from './fixtures';
import { loadBytesCodec } from '../../src/ui/components/use-bytes-codec';

type Render = typeof import('ink-testing-library').render;
type ScreenType = typeof import('../../src/ui/components/Screen').Screen;

let render: Render;
let Screen: ScreenType;
let state: UiState;
const previous = process.env.FORCE_COLOR;

beforeAll(async () => {
  process.env.FORCE_COLOR = '1';
  ({ render } = await import('ink-testing-library'));
  ({ Screen } = await import('../../src/ui/components/Screen'));
  const { initialUiState } = await import('../../src/ui/state/initial-state');
  const { uiReducer } = await import('../../src/ui/state/reducer');
  state = [
    { type: 'statement-started', source: 'conn.recv(1024)' } as const,
    {
      type: 'statement-finished',
      result: result('conn.recv(1024)', { output: 'OSError: x\n', error: { type: 'OSError', message: 'x' }, bytes: [greeting] }),
    } as const,
    { type: 'statement-started', source: 's.accept()' } as const,
    { type: 'statement-blocked', info: acceptBlocked } as const,
  ].reduce(uiReducer, initialUiState({ lesson }));
});

afterAll(() => {
  if (previous === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = previous;
});

// loaded before the screen renders, so that no import is still running when the test ends
beforeAll(() => loadBytesCodec());

const instances: Array<{ unmount: () => void }> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.unmount();
});

function frame(colour: boolean): string {
  const instance = render(<Screen state={state} colour={colour} onKey={() => {}} onLineChange={() => {}} />);
  instances.push(instance);
  return instance.lastFrame() ?? '';
}

// SGR foreground colours: 30-37, 90-97, 38;5;n / 38;2;r;g;b
const colourCode = /\x1b\[(?:3[0-79]|9[0-7]|38;[25];[\d;]+)m/;

describe('colour', () => {
  it('colours the state families when colour is on', () => {
    const text = frame(true);
    expect(text).toMatch(colourCode);
    expect(text).toMatch(/\x1b\[36mLISTEN/);
    expect(text).toMatch(/\x1b\[32mESTABLISHED/);
    expect(text).toMatch(/\x1b\[33mTIME_WAIT/);
  });

  it('uses no colour at all when colour is off (NO_COLOR), and still writes every state', () => {
    const text = frame(false);
    expect(text).not.toMatch(colourCode);
    for (const state of ['LISTEN', 'ESTABLISHED', 'TIME_WAIT']) expect(text).toContain(state);
  });

  it('lets no escape sequence through other than SGR styling', () => {
    const withoutSgr = frame(true).replace(/\x1b\[[\d;]*m/g, '');
    expect(withoutSgr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });
});
