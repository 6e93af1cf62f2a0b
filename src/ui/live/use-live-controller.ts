import { useEffect, useRef, useState } from 'react';
import { LiveController, type LiveControllerOptions } from './live-controller';

/**
 * One controller for the lifetime of the component: started after the first frame is drawn, disposed
 * (sockets closed, peers stopped) when it unmounts. The target and services are read once; the lessons
 * (which may be read after the first frame), navigate and quit are always the newest.
 */
export function useLiveController(options: LiveControllerOptions): LiveController {
  const latest = useRef(options);
  latest.current = options;
  const [controller] = useState(
    () =>
      new LiveController({
        ...options,
        get curriculum() {
          return latest.current.curriculum;
        },
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
