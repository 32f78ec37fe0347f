"""Progress: shown on a terminal once a run is slow, never when output is piped."""

from __future__ import annotations

import io

from qapi_ir.driver.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_slow_run_on_a_terminal_shows_the_step_then_clears_it() -> None:
    stream = _Terminal()
    progress = Progress(stream, show_after=0.0)
    progress.step("[1/2] c")
    assert stream.getvalue().endswith("[1/2] c")
    progress.done()
    assert stream.getvalue().endswith("\r\033[K")


def test_fast_run_shows_nothing_even_on_a_terminal() -> None:
    stream = _Terminal()
    progress = Progress(stream, show_after=3600.0)
    progress.step("reading schema")
    progress.done()
    assert stream.getvalue() == ""


def test_piped_output_stays_quiet() -> None:
    stream = io.StringIO()
    progress = Progress(stream, show_after=0.0)
    progress.step("[1/1] c")
    progress.done()
    assert stream.getvalue() == ""
