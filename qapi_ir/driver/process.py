"""How a ``qapi-build`` run ends on Ctrl-C or a closed pipe, whatever the run does."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import NoReturn

PROG = "qapi-build"


def interruptible(run: Callable[[threading.Event], int], prog: str = PROG) -> int:
    """``run(interrupted)``, where Ctrl-C (SIGINT) sets ``interrupted`` and ends the run
    with one line (naming ``prog``) and status 130; the write step leaves the output as it was."""
    interrupted = threading.Event()

    def on_sigint(signum: int, frame: object) -> None:
        interrupted.set()
        raise KeyboardInterrupt

    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_sigint) if in_main_thread else None
    try:
        return run(interrupted)
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def flushing_stdout(run: Callable[[], int]) -> int:
    """``run()``, its standard output flushed.

    A reader that closes the pipe early (``| head``) ends the run quietly with
    the status of a process killed by SIGPIPE, as other Unix tools do.
    """
    try:
        try:
            status = run()
        finally:  # --help exits through here too
            sys.stdout.flush()
    except BrokenPipeError:
        # what is left in the buffer can never be written: drop it quietly at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE
    return status


def end_process(status: int) -> NoReturn:
    """End this process with ``status`` once standard error is flushed (standard output
    must be already): its end frees what it made, faster than taking down every object
    one by one (15 ms of a C build)."""
    sys.stderr.flush()
    os._exit(status)
