// The one place libc is loaded. Every binding lives in the module that uses it; they share this handle.
import koffi from 'koffi';
import { checkPlatform } from './platform';

// On another system the C library has another name and other numbers: say so before koffi fails obscurely.
checkPlatform();

export const libc = koffi.load('libc.so.6');
export { koffi };
