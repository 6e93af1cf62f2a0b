import type { TerminalSize, UiState } from './types';

export const DEFAULT_SIZE: TerminalSize = { columns: 80, rows: 24 };

export function initialUiState(overrides: Partial<UiState> = {}): UiState {
  return {
    console: [],
    consoleScroll: 0,
    history: [],
    historyIndex: null,
    draft: '',
    line: '',
    cursor: 0,
    inputVersion: 0,
    block: [],
    candidates: [],
    rows: [],
    changes: [],
    bytes: [],
    decoding: 'utf-8',
    running: false,
    blocked: null,
    overlay: null,
    overlayScroll: 0,
    quitArmed: false,
    quitRequested: false,
    tableScroll: 0,
    size: DEFAULT_SIZE,
    lesson: null,
    ...overrides,
  };
}
