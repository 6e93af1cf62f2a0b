// The bytes panel's decoder, loaded after the first frame: it needs the interpreter's codecs, which
// the screen has no use for before a call returns bytes (by then the session has loaded them anyway).
import { useEffect, useState } from 'react';

type Codec = typeof import('../format/decode-codec');

let loaded: Codec | null = null;
let loading: Promise<Codec | null> | null = null;

/**
 * Loads the decoder once; the screens start it when drawn, so that it is there before the first bytes
 * are. Never rejects: if it cannot load (a damaged installation, a screen torn down meanwhile), the
 * panel goes on without a decoding and a later call tries again.
 */
export function loadBytesCodec(): Promise<Codec | null> {
  loading ??= import('../format/decode-codec').then(
    (module) => (loaded = module),
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
}

/** The decoder, or null for the moment it is still loading (the panel then says so). */
export function useBytesCodec(): Codec | null {
  const [codec, setCodec] = useState(loaded);
  useEffect(() => {
    if (codec !== null) return;
    let mounted = true;
    void loadBytesCodec().then((module) => {
      if (mounted && module !== null) setCodec(module);
    });
    return () => {
      mounted = false;
    };
  }, [codec]);
  return codec;
}
