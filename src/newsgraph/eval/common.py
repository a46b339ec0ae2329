"""Helpers shared by the evaluations: where the gold data lives, and P/R/F1.

Gold data are measuring instruments kept outside the repo (``../shared``);
every evaluation finds them the same way and fails with the same typed error.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvaluationDataMissing, NewsgraphError

__all__ = ["PRF", "entry_point", "eval_file", "prf", "read_jsonl", "shared_dir", "write_jsonl"]

_REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """The shared data folder: $NEWSGRAPH_SHARED if set (and only it), else <repo>/../shared, else ./shared."""
    env = os.environ.get("NEWSGRAPH_SHARED")
    candidates = [Path(env)] if env else [_REPO.parent / "shared", Path.cwd() / "shared"]
    for path in candidates:
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in candidates)
    raise EvaluationDataMissing(
        f"the shared evaluation folder was not found (tried {tried}). "
        "Set NEWSGRAPH_SHARED to the folder that holds eval/.")


def eval_file(*parts: str, data: Path | None = None) -> Path:
    """``data`` if given, else ``<shared>/eval/<parts>``; raises if the file is absent."""
    path = Path(data) if data is not None else shared_dir().joinpath("eval", *parts)
    if not path.is_file():
        raise EvaluationDataMissing(
            f"gold data {path} is missing. Point NEWSGRAPH_SHARED at the shared folder "
            "or pass the file explicitly.")
    return path


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    """The first ``limit`` objects (all when None) of a JSON Lines gold file."""
    docs: list[dict] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(docs) >= limit:
                break
            if line.strip():
                docs.append(json.loads(line))
    return docs


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    """Write ``rows`` as JSON Lines (the ``--errors`` dumps of the evaluations)."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def entry_point(main: Callable[[list[str] | None], int]) -> Callable[[list[str] | None], int]:
    """Wrap an evaluation's ``main``: a NewsgraphError (missing gold data, say) becomes one
    line on stderr and its exit code, as in the ``newsgraph`` command."""

    @functools.wraps(main)
    def run(argv: list[str] | None = None) -> int:
        try:
            return main(argv)
        except NewsgraphError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return exc.exit_code

    return run


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts."""

    precision: float
    recall: float
    f1: float


def prf(tp_sys: int, n_sys: int, tp_gold: int | None = None, n_gold: int = 0) -> PRF:
    """P = tp_sys/n_sys, R = tp_gold/n_gold (tp_gold defaults to tp_sys), F1 their harmonic mean."""
    tp_gold = tp_sys if tp_gold is None else tp_gold
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f)
