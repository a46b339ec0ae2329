"""HTML main-text extraction on the Zyte article-extraction benchmark (181 pages with gold bodies).

Each page goes through newsgraph's own HTML path (trafilatura via
``ingest.html.extract_page``, then ``prepare``); the extracted body — the
article text without its headline — is compared with the gold body:

* token P/R/F1: multisets of ``\\w+`` tokens, micro (summed over pages) and
  macro (mean of per-page scores);
* the benchmark's own shingle score: multisets of 4-token shingles, each
  page's TP/FP/FN normalised to sum to 1 so pages weigh alike, P and R from
  those sums, F1 from P and R — the figure published for trafilatura
  2.0.0 (F1 0.958) and others in the benchmark's README.

The same is reported for trafilatura's text as it came out (``raw``), to
show what ``prepare``'s cleaning adds or costs.

    python -m newsgraph.eval.html [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..errors import EvaluationDataMissing
from ..ingest.article import prepare
from ..ingest.html import extract_page
from .common import entry_point, prf, shared_dir

__all__ = ["evaluate", "report", "load_gold", "token_counts", "shingle_counts"]

_TOKEN = re.compile(r"\w+")


def _data_dir(data: Path | None) -> Path:
    path = Path(data) if data is not None else shared_dir() / "corpora" / "html_extraction"
    if not (path / "ground_truth.jsonl").is_file():
        raise EvaluationDataMissing(f"{path / 'ground_truth.jsonl'} is missing; point NEWSGRAPH_SHARED at the "
                                    "shared folder or pass the html_extraction folder as data=")
    return path


def load_gold(data: Path | None = None, limit: int | None = None) -> Iterator[tuple[dict, bytes]]:
    """Each gold record with its page's HTML bytes, streamed."""
    root = _data_dir(data)
    with (root / "ground_truth.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            gold = json.loads(line)
            yield gold, gzip.decompress((root / gold["html_file"]).read_bytes())


def token_counts(system: str, gold: str) -> tuple[int, int, int]:
    """(overlap, system tokens, gold tokens) of the two texts' ``\\w+`` token multisets."""
    s, g = Counter(_TOKEN.findall(system)), Counter(_TOKEN.findall(gold))
    return sum((s & g).values()), sum(s.values()), sum(g.values())


def shingle_counts(system: str, gold: str, n: int = 4) -> tuple[float, float, float]:
    """The benchmark's per-page (TP, FP, FN) over ``n``-token shingles, normalised to sum to 1."""
    s, g = _shingles(system, n), _shingles(gold, n)
    tp = sum((s & g).values())
    fp, fn = sum(s.values()) - tp, sum(g.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (1.0, 0.0, 0.0)


def _shingles(text: str, n: int) -> Counter:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(len(tokens) - n + 1, 1 if tokens else 0)))


class _Scores:
    """Accumulates token and shingle counts for one system over all pages."""

    def __init__(self) -> None:
        self.tok = [0, 0, 0]
        self.page_f1: list[float] = []
        self.sh = [0.0, 0.0, 0.0]
        self.exact = 0

    def add(self, system: str, gold: str) -> None:
        counts = token_counts(system, gold)
        self.tok = [a + b for a, b in zip(self.tok, counts)]
        self.page_f1.append(prf(counts[0], counts[1], n_gold=counts[2]).f1)
        self.sh = [a + b for a, b in zip(self.sh, shingle_counts(system, gold))]
        self.exact += _TOKEN.findall(system) == _TOKEN.findall(gold)

    def metrics(self) -> dict:
        tok = prf(self.tok[0], self.tok[1], n_gold=self.tok[2])
        tp, fp, fn = self.sh
        sh = prf(0, 0)
        if tp + fp and tp + fn:
            p, r = tp / (tp + fp), tp / (tp + fn)
            sh = type(sh)(p, r, 2 * p * r / (p + r) if p + r else 0.0)
        pages = len(self.page_f1)
        return {"token_p": tok.precision, "token_r": tok.recall, "token_f1": tok.f1,
                "token_macro_f1": sum(self.page_f1) / pages if pages else 0.0,
                "shingle_p": sh.precision, "shingle_r": sh.recall, "shingle_f1": sh.f1,
                "exact": self.exact / pages if pages else 0.0}


def evaluate(data: Path | None = None, limit: int | None = None) -> dict:
    """Score newsgraph's HTML path (and trafilatura's raw text) against the gold bodies."""
    ours, raw_scores = _Scores(), _Scores()
    pages = no_text = 0
    started = time.perf_counter()
    for gold, page in load_gold(data, limit):
        pages += 1
        raw = extract_page(page, url=gold.get("url"), source=gold["id"])
        if raw is None:
            no_text += 1
            ours.add("", gold["body"])
            raw_scores.add("", gold["body"])
            continue
        raw_scores.add(raw.text, gold["body"])
        article = prepare(raw)
        body = article.text.split("\n\n", 1)[1] if article.title and "\n\n" in article.text else article.text
        ours.add(body, gold["body"])
    return {"pages": pages, "no_text": no_text, "seconds": time.perf_counter() - started,
            "newsgraph": ours.metrics(), "trafilatura_raw": raw_scores.metrics()}


def report(metrics: dict) -> str:
    """A Markdown table: one row per system."""
    rows = ["| system | token P | token R | token F1 | token macro F1 | shingle P | shingle R "
            "| shingle F1 | exact |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in ("newsgraph", "trafilatura_raw"):
        m = metrics[name]
        rows.append(f"| {name} | {m['token_p']:.3f} | {m['token_r']:.3f} | **{m['token_f1']:.3f}** "
                    f"| {m['token_macro_f1']:.3f} | {m['shingle_p']:.3f} | {m['shingle_r']:.3f} "
                    f"| {m['shingle_f1']:.3f} | {m['exact']:.3f} |")
    rows.append(f"\n{metrics['pages']} pages, {metrics['no_text']} with no article text found; "
                f"{metrics['seconds']:.1f} s ({metrics['seconds'] / max(metrics['pages'], 1) * 1000:.0f} ms per page).")
    return "\n".join(rows)


@entry_point
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.eval.html", description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--data", type=Path, default=None, help="the html_extraction folder")
    args = ap.parse_args(argv)
    print(report(evaluate(args.data, limit=args.limit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
