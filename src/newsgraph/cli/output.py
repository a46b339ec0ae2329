"""Output flags defined once: JSON, JSON Lines, CSV, or a table on a terminal.

Data goes to stdout; messages and progress go to stderr (``err``).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

FORMATS = ("json", "jsonl", "csv")


def pick_format(json_: bool = False, jsonl: bool = False, csv_: bool = False) -> str | None:
    """The one format the flags ask for; None means "a table for people"."""
    chosen = [name for name, on in (("json", json_), ("jsonl", jsonl), ("csv", csv_)) if on]
    if len(chosen) > 1:
        import typer

        raise typer.BadParameter(f"choose one of --json, --jsonl, --csv (got {', '.join('--' + c for c in chosen)})")
    return chosen[0] if chosen else None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(rows: Iterable[dict], fmt: str | None, columns: list[str] | None = None,
         title: str | None = None) -> None:
    """Write rows to stdout as ``fmt`` (json|jsonl|csv), or a table/TSV when None."""
    rows = list(rows)
    columns = columns or (list(rows[0].keys()) if rows else [])
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv" or not sys.stdout.isatty():
        writer = csv.writer(sys.stdout, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    else:
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        out.print(table)
        if not rows:
            err.print("(no rows)")
