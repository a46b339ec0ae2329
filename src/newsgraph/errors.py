"""One error hierarchy. Every message says what was wrong and what to do.

The CLI maps each class to an exit code (see ``EXIT_CODES``); library users
catch :class:`NewsgraphError`.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class for every error newsgraph raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(NewsgraphError):
    """An input (file, line, feed entry) that cannot be read as an article."""

    exit_code = 2


class ModelNotInstalled(NewsgraphError):
    """The requested spaCy pipeline is not installed."""

    exit_code = 3


class StoreError(NewsgraphError):
    """The SQLite store cannot be opened, is not a newsgraph store, or is too new."""

    exit_code = 4


class EvaluationDataMissing(NewsgraphError):
    """Gold data for an evaluation is not where it is expected."""

    exit_code = 5


class SchedulerUnreachable(NewsgraphError):
    """The Dask scheduler given to ``newsgraph run --scheduler`` did not answer in time."""

    exit_code = 6


#: Exit codes of the ``newsgraph`` command; documented in README.md.
EXIT_CODES = {
    0: "success",
    1: "some inputs in a batch were skipped (each is reported) or an unexpected error",
    2: "bad input (missing, empty, binary, undecodable, malformed) or option value (an unreadable date, an unknown --type)",
    3: "spaCy pipeline not installed",
    4: "store error (damaged, read-only, empty, not a store, busy); the message says what to do",
    5: "evaluation data missing",
    6: "the Dask scheduler of `newsgraph run --scheduler` could not be reached",
    130: "interrupted (Ctrl-C); what was stored stays, a rerun resumes",
    143: "stopped by SIGTERM (128 + the signal's number: 129 for SIGHUP); what was stored stays, a rerun resumes",
}
