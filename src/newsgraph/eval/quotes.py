"""Quality gate for quotations and claims on PolNeAR (``../shared/eval/quotes``).

Counting (as issue 3 defines it): a prediction matches a gold attribution
when their content spans overlap (gold ``content_spans``, so an interrupting
"he said" is not content); with the speaker, when the predicted speaker (or
claim source) mention also overlaps a gold source span, or both have none.

* **direct + speaker**: P over our ``direct`` quotes against any gold
  attribution; R over gold ``direct`` attributions, found by any prediction.
* **all attributions**: quotes of every kind and claims against every gold
  attribution; P/R with and without the speaker.
* **per kind**: R per gold kind, P per predicted kind (``claim`` included).

Run: ``python -m newsgraph.eval.quotes [--split dev|train] [--limit N]``.
Develop on ``train``; report ``dev``. textacy's recorded baseline
(``polnear.textacy_baseline.json``) is shown side by side.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .common import entry_point, eval_file

__all__ = ["evaluate", "report", "load_gold", "score", "main"]

def load_gold(data: Path | None = None, split: str = "dev", limit: int | None = None) -> list[dict]:
    """PolNeAR documents of one split, in file order."""
    path = eval_file("quotes", "polnear.jsonl", data=data)
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["split"] == split:
                docs.append(doc)
                if limit is not None and len(docs) >= limit:
                    break
    return docs


def _overlap(spans_a: Iterable[tuple[int, int]], spans_b: Iterable[tuple[int, int]]) -> bool:
    spans_b = list(spans_b)
    return any(min(ae, be) > max(as_, bs) for as_, ae in spans_a for bs, be in spans_b)


def _predictions(record) -> list[dict]:
    """Quotes and claims of a record as plain spans for scoring."""
    out = []
    for q in record.quotes:
        spk = [(q.speaker_span.start, q.speaker_span.end)] if q.speaker_span else []
        out.append({"kind": q.kind, "content": [(q.start, q.end)], "speaker": spk})
    for c in record.claims:
        spk = [(c.source_span.start, c.source_span.end)] if c.source_span else []
        out.append({"kind": "claim", "content": [(c.start, c.end)], "speaker": spk})
    return out


def _gold(doc: dict) -> list[dict]:
    return [{"kind": q["kind"], "content": [tuple(s) for s in q["content_spans"]],
             "speaker": [tuple(s) for s in (q.get("speaker_spans") or [])]} for q in doc["quotes"]]


def _match(p: dict, g: dict, speaker: bool) -> bool:
    if not _overlap(p["content"], g["content"]):
        return False
    if not speaker:
        return True
    if not p["speaker"] or not g["speaker"]:
        return not p["speaker"] and not g["speaker"]
    return _overlap(p["speaker"], g["speaker"])


def _pr(hit_p: int, n_p: int, hit_r: int, n_r: int) -> dict:
    p = hit_p / n_p if n_p else 0.0
    r = hit_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4), "pred": n_p, "gold": n_r}


def score(pairs: Iterable[tuple[list[dict], list[dict]]]) -> dict:
    """Metrics from (predictions, gold) per document; see the module docstring."""
    c: dict[str, int] = {}

    def add(key: str, n: int = 1) -> None:
        c[key] = c.get(key, 0) + n

    kinds = ("direct", "mixed", "indirect", "claim")
    for preds, gold in pairs:
        for p in preds:
            add(f"pred_{p['kind']}")
            any_hit = any(_match(p, g, False) for g in gold)
            spk_hit = any(_match(p, g, True) for g in gold)
            add(f"pred_{p['kind']}_hit", any_hit)
            add(f"pred_{p['kind']}_hitspk", spk_hit)
        for g in gold:
            add(f"gold_{g['kind']}")
            add(f"gold_{g['kind']}_hit", any(_match(p, g, False) for p in preds))
            add(f"gold_{g['kind']}_hitspk", any(_match(p, g, True) for p in preds))
    get = lambda k: c.get(k, 0)  # noqa: E731
    n_pred = sum(get(f"pred_{k}") for k in kinds)
    n_gold = sum(get(f"gold_{k}") for k in kinds[:3])
    return {
        "direct_speaker": _pr(get("pred_direct_hitspk"), get("pred_direct"), get("gold_direct_hitspk"), get("gold_direct")),
        "direct": _pr(get("pred_direct_hit"), get("pred_direct"), get("gold_direct_hit"), get("gold_direct")),
        "all": _pr(sum(get(f"pred_{k}_hit") for k in kinds), n_pred,
                   sum(get(f"gold_{k}_hit") for k in kinds[:3]), n_gold),
        "all_speaker": _pr(sum(get(f"pred_{k}_hitspk") for k in kinds), n_pred,
                           sum(get(f"gold_{k}_hitspk") for k in kinds[:3]), n_gold),
        "per_kind": {k: {"pred": get(f"pred_{k}"),
                         "P": round(get(f"pred_{k}_hit") / get(f"pred_{k}"), 4) if get(f"pred_{k}") else None,
                         "P_speaker": round(get(f"pred_{k}_hitspk") / get(f"pred_{k}"), 4) if get(f"pred_{k}") else None,
                         "gold": get(f"gold_{k}"),
                         "R": round(get(f"gold_{k}_hit") / get(f"gold_{k}"), 4) if get(f"gold_{k}") else None,
                         "R_speaker": round(get(f"gold_{k}_hitspk") / get(f"gold_{k}"), 4) if get(f"gold_{k}") else None}
                     for k in kinds},
    }


def _textacy_baseline(path: Path, split: str) -> dict | None:
    """textacy 0.13's recorded dev/train figures, both run modes."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for mode in ("doc_mode", "paragraph_mode"):
        scores = data.get(mode, {}).get("scores", {})
        if f"{split}/all" not in scores:
            continue
        out[mode] = {
            "P_all": scores[f"{split}/all"]["overlap"]["P"],
            "P_all_speaker": scores[f"{split}/all"]["overlap_spk"]["P"],
            "R_direct": scores[f"{split}/direct"]["overlap"]["R"],
            "R_direct_speaker": scores[f"{split}/direct"]["overlap_spk"]["R"],
            "R_all": scores[f"{split}/all"]["overlap"]["R"],
        }
    return out or None


def evaluate(data: Path | None = None, *, nlp=None, split: str = "dev", limit: int | None = None,
             textacy: bool = True) -> dict:
    """Run the pipeline on PolNeAR ``split`` and score quotes and claims.

    Also times the ``newsgraph_quotes`` component against the whole pipeline.
    """
    from ..pipeline import load_pipeline
    from ..records import Article
    from ..pipeline import doc_to_record

    docs = load_gold(data, split, limit)
    nlp = nlp or load_pipeline(exclude=["events"])
    texts = [nlp.make_doc(d["text"]) for d in docs]
    for doc, d in zip(texts, docs):
        doc._.published = None
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    total = time.perf_counter() - t0
    comp_time = 0.0
    if "newsgraph_quotes" in nlp.pipe_names:
        comp = nlp.get_pipe("newsgraph_quotes")
        t1 = time.perf_counter()
        for doc in parsed:
            comp(doc)
        comp_time = time.perf_counter() - t1
    pairs = []
    for doc, d in zip(parsed, docs):
        record = doc_to_record(doc, Article(id=d["doc_id"], text=d["text"]))
        pairs.append((_predictions(record), _gold(d)))
    metrics = score(pairs)
    metrics.update({
        "split": split, "docs": len(docs), "limit": limit, "seconds": round(total, 2),
        "quotes_component_seconds": round(comp_time, 3),
        "quotes_component_share": round(comp_time / total, 4) if total else None,
    })
    if textacy:
        base_path = eval_file("quotes", "polnear.jsonl", data=data).parent / "polnear.textacy_baseline.json"
        metrics["textacy"] = _textacy_baseline(base_path, split)
    return metrics


def _f(x: Any) -> str:
    return "–" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def report(metrics: dict) -> str:
    """The metrics as Markdown tables, textacy's recorded figures alongside."""
    m = metrics
    lines = [
        f"### PolNeAR {m['split']} ({m['docs']} documents{'' if not m.get('limit') else ', limit ' + str(m['limit'])})",
        "",
        "| measure | P | R | F1 | pred | gold |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, label in (("direct_speaker", "direct quotes, right speaker"), ("direct", "direct quotes, content only"),
                       ("all", "all attributions (quotes + claims)"), ("all_speaker", "all attributions, right speaker")):
        v = m[key]
        lines.append(f"| {label} | {_f(v['P'])} | {_f(v['R'])} | {_f(v['F1'])} | {v['pred']} | {v['gold']} |")
    lines += ["", "| kind | pred | P | P+spk | gold | R | R+spk |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for k, v in m["per_kind"].items():
        lines.append(f"| {k} | {v['pred']} | {_f(v['P'])} | {_f(v['P_speaker'])} | {v['gold']} | {_f(v['R'])} | {_f(v['R_speaker'])} |")
    base = m.get("textacy")
    if base:
        lines += ["", "| system | P(all) | P(all)+spk | R(direct) | R(direct)+spk | R(all) |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |",
                  f"| newsgraph | {_f(m['all']['P'])} | {_f(m['all_speaker']['P'])} | {_f(m['direct']['R'])} | "
                  f"{_f(m['direct_speaker']['R'])} | {_f(m['all']['R'])} |"]
        for mode, label in (("doc_mode", "textacy 0.13 (whole document, recorded)"),
                            ("paragraph_mode", "textacy 0.13 (per paragraph, recorded)")):
            if mode in base:
                b = base[mode]
                lines.append(f"| {label} | {_f(b['P_all'])} | {_f(b['P_all_speaker'])} | {_f(b['R_direct'])} | "
                             f"{_f(b['R_direct_speaker'])} | {_f(b['R_all'])} |")
        lines += ["", "textacy's figures count a match at ≥ 50 % character overlap; ours at any overlap (the issue's rule)."]
    share = m.get("quotes_component_share")
    if share is not None:
        lines += ["", f"Pipeline time {m['seconds']} s; `newsgraph_quotes` {m['quotes_component_seconds']} s "
                      f"({share:.1%} of the pipeline)."]
    return "\n".join(lines)


@entry_point
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.eval.quotes", description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--data", type=Path, default=None, help="polnear.jsonl (default: ../shared/eval/quotes)")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = parser.parse_args(argv)
    metrics = evaluate(args.data, split=args.split, limit=args.limit)
    print(json.dumps(metrics, indent=1) if args.json else report(metrics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
