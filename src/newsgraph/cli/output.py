"""Output flags defined once: JSON, JSON Lines, CSV, or a table on a terminal.

Data goes to stdout; messages and progress go to stderr (``err``). Article
text is untrusted: the consoles print it literally (no rich markup unless a
caller asks with ``markup=True`` and escapes what it interpolates), and
control characters are made visible (``\\x1b``) before they reach a
terminal. Piped TSV keeps one row per line (``\\t``, ``\\n``, ``\\r`` and
``\\\\`` escaped inside fields); JSON escapes the C1 controls.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("json", "jsonl", "csv")

#: C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that can
#: disguise text: what must not reach a terminal as it is.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``, ``\\u202e``), never acted on."""
    def esc(m: re.Match[str]) -> str:
        c = ord(m.group())
        return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"

    text = _CONTROL.sub(esc, text)
    return text if newlines else text.replace("\n", "\\n").replace("\t", "\\t")


class SafeConsole(Console):
    """A rich console for untrusted text: markup off by default, control characters made visible."""

    def print(self, *objects: Any, **kwargs: Any) -> None:  # noqa: A003 - rich's name
        super().print(*(visible(o) if isinstance(o, str) else o for o in objects), **kwargs)


err = SafeConsole(stderr=True, highlight=False, soft_wrap=True, markup=False)
out = SafeConsole(highlight=False, soft_wrap=True, markup=False)

#: JSON leaves C1 controls and U+2028/9 raw inside strings; escaped they are the same JSON value.
_JSON_SAFE = str.maketrans({c: f"\\u{c:04x}" for c in [*range(0x7f, 0xa0), 0x2028, 0x2029,
                                                        *range(0x202a, 0x202f), *range(0x2066, 0x206a)]})
#: Any character ``_JSON_SAFE`` replaces.
_JSON_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _JSON_SAFE) + "]")


def json_text(text: str) -> str:
    """Serialised JSON made safe to print: same value, no raw control characters.

    ``str.translate`` looks every character of the line up in its table (~1 ms for a record, more
    than serialising it, once the line holds one non-ASCII letter); a record rarely holds a
    character to replace, and a search for one costs a few microseconds."""
    return text.translate(_JSON_SAFE) if _JSON_UNSAFE.search(text) else text


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


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_cell(value) -> str:
    """One TSV field on one line: backslash, tab, newline and carriage return escaped."""
    return _cell(value).translate(_TSV_ESCAPES)


def emit(rows: Iterable[dict], fmt: str | None, columns: list[str] | None = None,
         title: str | None = None) -> None:
    """Write rows to stdout as ``fmt`` (json|jsonl|csv), or a table (terminal) / TSV (pipe) when None.

    The header of CSV and TSV is written even when there are no rows (``columns``,
    else the ``columns`` attribute that query results carry).
    """
    columns = columns or getattr(rows, "columns", None)
    rows = list(rows)
    columns = columns or (list(rows[0].keys()) if rows else [])
    tty = sys.stdout.isatty()
    if fmt == "json":
        sys.stdout.write(json_text(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json_text(json.dumps(row, ensure_ascii=False)) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([visible(_cell(row.get(c))) if tty else _cell(row.get(c)) for c in columns])
    elif not tty:
        sys.stdout.write("\t".join(columns) + "\n")
        for row in rows:
            sys.stdout.write("\t".join(tsv_cell(row.get(c)) for c in columns) + "\n")
    else:
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*(Text(visible(_cell(row.get(c)))) for c in columns))
        out.print(table)
        if not rows:
            err.print("(no rows)")
