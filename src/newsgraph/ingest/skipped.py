"""``Skipped``: an input that was not analysed, with a typed reason (GUIDE practice 4)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Skipped", "KINDS"]

#: Every ``Skipped.kind`` the ingest layer produces, with what it means.
KINDS = {
    "missing": "the path does not exist",
    "empty": "an empty file, feed or directory with nothing readable",
    "binary": "binary data (NUL bytes, control characters, a PDF or archive)",
    "encoding": "not UTF-8 and no other encoding could be detected with confidence",
    "too_large": "bigger than the size limit (max_bytes)",
    "not_english": "the text is not in English",
    "malformed": "a bad JSON line, a broken feed or WARC",
    "corrupt": "a corrupt or truncated gzip stream",
    "no_text": "a page, entry or record with no article text",
    "unreadable": "the operating system refused to read it (permissions, I/O error)",
    "unsupported": "a dependency needed for this kind of input is missing",
    "unknown_type": "a file in a directory whose extension is not one newsgraph reads",
    "hidden": "a hidden file or folder in a directory (its name starts with a dot); not read",
}


@dataclass
class Skipped:
    """An input that was not analysed, and why."""

    source: str  # a path, "path:line", "path#entry", a WARC record's URL …
    kind: str  # one of KINDS
    reason: str  # one sentence for a person: what was wrong and what to do
