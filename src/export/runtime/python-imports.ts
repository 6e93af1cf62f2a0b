// The standard modules the exported program's machinery uses, under private names so that the
// learner's own names (socket, select, time ...) never clash with them.
export const PY_IMPORTS = String.raw`import atexit as _atexit
import builtins as _builtins
import errno as _errno
import os as _os
import random as _random
import select as _select
import shutil as _shutil
import signal as _signal
import socket as _socket
import struct as _struct
import sys as _sys
import tempfile as _tempfile
import threading as _threading
import time as _time
import traceback as _traceback
`;
