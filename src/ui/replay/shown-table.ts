// The sockets table as the replay screen last showed it, so that a table read between statements (a
// peer acted, a call waits) reaches the screen only when it changed, with what changed since.
import type { Session, TableUpdate } from '../../session/session';
import type { SocketRow } from '../../session/types';
import { changesSince } from '../live/live-controller';
import type { Action } from '../state/types';

export class ShownTable {
  private rows: readonly SocketRow[] = [];

  constructor(private readonly dispatch: (action: Action) => void) {}

  /** Every action for the screen goes through here, so that the table it shows is known. */
  show(action: Action): void {
    if (action.type === 'snapshot') this.rows = action.rows;
    else if (action.type === 'session-reset') this.rows = [];
    else if (action.type === 'statement-finished') this.rows = action.result.rows;
    else if (action.type === 'statements-shown') this.rows = action.results[action.results.length - 1]?.rows ?? this.rows;
    this.dispatch(action);
  }

  /** Reads the table again and shows it if it changed. */
  refresh(session: Session): void {
    let update: TableUpdate;
    try {
      update = session.refresh();
    } catch {
      return;
    }
    const changes = changesSince(this.rows, update.rows);
    const sameRows = update.rows.length === this.rows.length && update.rows.every((r, i) => r.key === this.rows[i]?.key);
    if (changes.length === 0 && sameRows) return;
    this.show({ type: 'snapshot', rows: update.rows, changes });
  }
}
