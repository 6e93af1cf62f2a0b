// The exceptions the socket module raises, with CPython's classes and texts: sys/'s SysError becomes
// the OSError subclass its errno selects, GaiError becomes socket.gaierror, a socket timeout is
// `TimeoutError: timed out`.
import { ERRNO, AddressError, GaiError, SysError, gaiStrerror } from '../../../sys';
import type { PyType } from '../../objects/object';
import { OSError, PyException, TimeoutError, defineExceptionClass } from '../../exceptions/classes';
import { osError, osErrorOfClass } from '../../exceptions/oserror';
import { pyError } from '../../exceptions/raise';

export const gaierror: PyType = defineExceptionClass(
  'gaierror',
  'socket',
  OSError,
  'A name could not be resolved (getaddrinfo failed): [Errno -2] Name or service not known means the host name does not exist.',
);

export const herror: PyType = defineExceptionClass(
  'herror',
  'socket',
  OSError,
  'An address-related error of the old gethostbyname_ex and gethostbyaddr functions.',
);

export function timeoutError(): PyException {
  return osErrorOfClass(TimeoutError, null, 'timed out');
}

/** `OSError: [Errno 9] Bad file descriptor`: what every call on a closed socket gives. */
export function badFd(): PyException {
  return osError(ERRNO.EBADF);
}

/** An OSError with only a message and no errno (`OSError: AF_UNIX path too long`). */
export function plainOSError(message: string): PyException {
  return pyError(OSError, message);
}

/** Any error of a socket call as the Python exception CPython raises; Python exceptions pass through. */
export function asPyError(error: unknown): unknown {
  if (error instanceof PyException) return error;
  if (error instanceof SysError) return osError(error.errno);
  if (error instanceof GaiError) return osErrorOfClass(gaierror, error.code, gaiStrerror(error.code));
  if (error instanceof AddressError) return plainOSError(error.message);
  return error;
}

export function isWouldBlock(error: unknown): boolean {
  return error instanceof SysError && error.errno === ERRNO.EAGAIN;
}

export function isInProgress(error: unknown): boolean {
  return error instanceof SysError && error.errno === ERRNO.EINPROGRESS;
}
