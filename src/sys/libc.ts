// The one place libc is loaded. Every binding lives in the module that uses it; they share this handle.
import koffi from 'koffi';

export const libc = koffi.load('libc.so.6');
export { koffi };
