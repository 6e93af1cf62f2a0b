import { useEffect, useState } from 'react';
import { useStdout } from 'ink';
import type { TerminalSize } from './state/types';

/** The terminal's size, starting from `initial`, and again after every resize. */
export function useTerminalSize(initial: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(initial);
  useEffect(() => {
    const onResize = () => {
      const { columns, rows } = stdout;
      if (columns > 0 && rows > 0) setSize((old) => (old.columns === columns && old.rows === rows ? old : { columns, rows }));
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
