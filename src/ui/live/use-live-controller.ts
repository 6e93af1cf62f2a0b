import { useEffect, useRef, useState } from 'react';
import { LiveController, type LiveControllerOptions } from './live-controller';

/**
 * One controller for the lifetime of the component: started after the first frame is drawn, disposed
 * (sockets closed, peers stopped) when it unmounts. The target, services and lessons are read once;
 * navigate and quit always call the newest callbacks.
 */
export function useLiveController(options: LiveControllerOptions): LiveController {
  const latest = useRef(options);
  latest.current = options;
  const [controller] = useState(
    () =>
      new LiveController({
        ...options,
        dispatch: (action) => latest.current.dispatch(action),
        navigate: (to) => latest.current.navigate(to),
        quit: () => latest.current.quit(),
      }),
  );
  useEffect(() => {
    controller.start();
    return () => {
      void controller.dispose();
    };
  }, [controller]);
  return controller;
}
