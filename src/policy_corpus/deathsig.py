"""Processes of a build die with it: the kernel's parent-death signal (Linux), set without the GIL.

A pool worker stuck in a long regular-expression match holds the GIL, so no Python thread of
its own can notice that the build is gone; `prctl(PR_SET_PDEATHSIG)` makes the kernel kill it
when its parent dies. The chain: the build's main process → the forkserver (imports this
module as a preload and arms it) → each worker (arms it in its initializer).
"""

from __future__ import annotations

import os
import signal
import sys

#: Set by the build before it starts a pool: the pid whose death must end the forkserver.
ENV = "POLICY_CORPUS_BUILD_PID"
_PR_SET_PDEATHSIG = 1


def arm() -> bool:
    """Ask the kernel to SIGKILL this process when its parent exits; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


# imported as the forkserver's preload: arm it when its parent is the build that asked for it
if os.environ.get(ENV) and os.environ[ENV] == str(os.getppid()):
    arm()
