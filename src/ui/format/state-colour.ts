// Colour carries meaning: one colour per family of states, and the state's name is always written
// next to it, so nothing is said by colour alone. NO_COLOR turns every colour off.
import type { SocketState } from '../../session/types';

export type StateFamily = 'listening' | 'established' | 'waiting' | 'closed';
export type ColourFamily = StateFamily | 'error';

const families: Record<SocketState, StateFamily> = {
  LISTEN: 'listening',
  UNCONN: 'listening',
  ESTABLISHED: 'established',
  CONNECTED: 'established',
  SYN_SENT: 'waiting',
  SYN_RECV: 'waiting',
  NEW_SYN_RECV: 'waiting',
  FIN_WAIT1: 'waiting',
  FIN_WAIT2: 'waiting',
  TIME_WAIT: 'waiting',
  CLOSE_WAIT: 'waiting',
  LAST_ACK: 'waiting',
  CLOSING: 'waiting',
  CLOSE: 'closed',
  CLOSED: 'closed',
};

/** The family of a state, or null for a state this screen does not know. */
export function stateFamily(state: string): StateFamily | null {
  return Object.hasOwn(families, state) ? families[state as SocketState] : null;
}

export const familyColours: Record<ColourFamily, string> = {
  listening: 'cyan',
  established: 'green',
  waiting: 'yellow',
  closed: 'gray',
  error: 'red',
};

/** Ink colour name for a family, or undefined when colour is off (or the family unknown). */
export function colourOf(family: ColourFamily | null, colour: boolean): string | undefined {
  return colour && family ? familyColours[family] : undefined;
}

export interface LegendEntry {
  family: ColourFamily;
  colour: string;
  meaning: string;
  states: string[];
}

/** The legend shown in :help, built from the same table the screen colours with. */
export function colourLegend(): LegendEntry[] {
  const meanings: Record<ColourFamily, string> = {
    listening: 'ready for clients or datagrams',
    established: 'connected',
    waiting: 'opening or closing, waiting on the other side or on a timer',
    closed: 'not connected',
    error: 'errors and exceptions',
  };
  return (Object.keys(familyColours) as ColourFamily[]).map((family) => ({
    family,
    colour: familyColours[family],
    meaning: meanings[family],
    states: Object.entries(families)
      .filter(([, f]) => f === family)
      .map(([state]) => state),
  }));
}

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off. */
export function colourEnabled(env: Record<string, string | undefined>): boolean {
  const value = env.NO_COLOR;
  return value === undefined || value === '';
}
