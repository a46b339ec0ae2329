"""The ``newsgraph`` command: a thin layer over the library.

Each subcommand parses options and calls one public function. Errors that
newsgraph raises on purpose (:class:`~newsgraph.errors.NewsgraphError`) are
printed as one line, with the exit code of their class; no tracebacks.
"""

from __future__ import annotations

from ..run.local import start_for_command

# `newsgraph run` on a local cluster: its workers' forkserver starts loading the pipeline now, before
# the imports below (~0.25 s); the run's start waits for that load (docs/scale.md, "Session 9")
start_for_command()

import importlib  # noqa: E402
import importlib.util  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402

import typer  # noqa: E402

from ..errors import NewsgraphError  # noqa: E402
from .output import err  # noqa: E402

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into an evidence-linked record of actors, events, quotes, claims, figures, dates and places.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("newsgraph")
        except PackageNotFoundError:
            from .. import __version__ as v
        sys.stdout.write(f"newsgraph {v}\n")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn news articles into an evidence-linked record of actors, events, quotes, claims, figures, dates and places."""


@app.command()
def schema() -> None:
    """Print the JSON Schema of the newsgraph/1 record."""
    import json

    from ..records import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


def _register() -> None:
    from . import analyze, evaluate

    analyze.register(app)
    evaluate.register(app)
    if importlib.util.find_spec(f"{__name__}.corpus") is not None:  # the corpus layer
        importlib.import_module(f"{__name__}.corpus").register(app)
    importlib.import_module(f"{__name__}.serve").register(app)  # the web UI
    importlib.import_module(f"{__name__}.run").register(app)  # newsgraph run (Dask)


_register()


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, mapping newsgraph errors to messages and exit codes."""
    from ..workers import Terminated, exit_on_signals

    try:
        with exit_on_signals() as received:  # SIGTERM/SIGHUP: roll back, stop workers, exit 128+N
            rv = app(args=argv, standalone_mode=False)
        if received.signum is not None:
            raise Terminated(received.signum)
    except Terminated as exc:
        err.print(f"stopped by {exc}", markup=False)
        return 128 + exc.signum
    except NewsgraphError as exc:
        from rich.markup import escape

        err.print(f"[bold red]error:[/] {escape(str(exc))}", markup=True)
        return exc.exit_code
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except sqlite3.Error as exc:  # a store problem no command caught: still a StoreError, no traceback
        from ..store.sqlite import store_error

        error = store_error(exc)
        err.print(f"error: {error}", markup=False)
        return error.exit_code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except typer.Exit as exc:
        return exc.exit_code
    except Exception as exc:
        # Usage errors from click (typer may vendor its own copy): show them as click would.
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            return exc.exit_code
        if type(exc).__name__ == "Abort":
            return 1
        raise
    if rv == 130:  # typer's code for KeyboardInterrupt (Ctrl-C), which it handles itself
        err.print("interrupted", markup=False)
    return rv if isinstance(rv, int) else 0


def run() -> None:
    """The console script: run, then leave without tearing down the interpreter.

    Freeing a loaded pipeline object by object takes about half a second and
    serves nothing once the command has returned (its stores are closed by then).
    Exit handlers still run (worker pools, clusters); then output is flushed and
    the process ends. Only the command-line entry point does this, never the library.
    """
    code = main()
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader that went away (main treats a broken pipe as success) or a closed stream
    os._exit(code)
