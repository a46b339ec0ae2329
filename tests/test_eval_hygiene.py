"""The evaluation data are measuring instruments: no test, comment, docstring or doc copies their text.

Every string literal and comment in src/, tests/ and benchmarks/, and the text of docs/**/*.md (the
session logs in docs/history included) and README.md, is cut into runs of six words and
looked up among the runs of the evaluation text (gold sentences and stories, not the dictionaries the
knowledge base is compiled from). Stock phrases anyone would write ("did not reply to a request for
comment", an organisation's full name) are listed with a reason in ``eval_phrases_allowed.txt``.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from newsgraph.eval.common import shared_dir

REPO = Path(__file__).resolve().parent.parent
RUN = 6
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _evaluation_runs() -> set[tuple[str, ...]]:
    root = shared_dir() / "eval"
    runs: set[tuple[str, ...]] = set()
    for path in root.rglob("*"):
        if path.is_dir() or "dictionaries" in path.parts or path.suffix in {".py", ".md"} \
                or path.name.startswith("CAMEO2PLOVER"):
            continue
        runs |= _runs(_words(path.read_text(encoding="utf-8", errors="ignore")))
    return runs


def _texts(path: Path):
    """(line, text) of each string literal and comment of a Python file."""
    kinds = {tokenize.STRING, tokenize.COMMENT, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type in kinds:
            yield tok.start[0], tok.string


def _allowed() -> set[tuple[str, ...]]:
    lines = (REPO / "tests" / "eval_phrases_allowed.txt").read_text(encoding="utf-8").splitlines()
    return {tuple(_words(line.split("#")[0])) for line in lines if line.split("#")[0].strip()}


def _documents() -> list[Path]:
    """Every Markdown file under docs/ (the session logs in docs/history too) and README.md."""
    return [*sorted((REPO / "docs").glob("**/*.md")), REPO / "README.md"]


def test_no_literal_or_comment_copies_the_evaluation_text():
    try:
        evaluation = _evaluation_runs()
    except Exception as err:  # noqa: BLE001 - EvaluationDataMissing: say what is missing
        pytest.fail(f"the evaluation data are needed for this check: {err}")
    allowed = _allowed()
    found = []
    for folder in ("src", "tests", "benchmarks"):
        for path in sorted((REPO / folder).rglob("*.py")):
            for line, text in _texts(path):
                words = _words(text)
                for i in range(len(words) - RUN + 1):
                    run = tuple(words[i:i + RUN])
                    if run in evaluation and run not in allowed:
                        found.append(f"{path.relative_to(REPO)}:{line}: {' '.join(run)!r}")
                        break
    assert not found, "text copied from the evaluation data (write your own example):\n" + "\n".join(found)


def test_no_document_copies_the_evaluation_text():
    """The docs discuss errors in their own words too: a quoted example is written anew (the
    session-7 docs/evaluation.md held 61 copied runs)."""
    evaluation, allowed = _evaluation_runs(), _allowed()
    found = []
    for path in _documents():
        words = _words(path.read_text(encoding="utf-8"))  # across line breaks: quotes wrap
        runs = {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}
        found += [f"{path.relative_to(REPO)}: {' '.join(run)!r}" for run in sorted(runs & evaluation - allowed)]
    assert not found, "text copied from the evaluation data (write your own example):\n" + "\n".join(found)


def test_the_check_finds_a_copied_run():
    """The lookup itself: a run of six words matches across case, punctuation and line breaks."""
    evaluation = _runs(_words("The envoy met the rebels in the capital on Monday."))
    assert tuple(_words("met the REBELS,\n in the capital")) in evaluation
    assert tuple(_words("met the rebels in a capital")) not in evaluation


def test_the_document_scan_reaches_the_session_logs():
    """The logs moved to docs/history stay checked: the scan is recursive."""
    names = {path.relative_to(REPO).as_posix() for path in _documents()}
    assert {"docs/history/evaluation-log.md", "docs/history/performance-log.md", "README.md"} <= names
