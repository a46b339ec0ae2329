"""What pydantic records and the rules' repeated per-token questions cost the extractors, in CPU time.

    .venv/bin/python benchmarks/records_cost.py [--n 200] [--rounds 5]

The first N WikiNews articles (outside the held-out slice) are parsed once; the six components
run over them in pipeline order, once to capture and then ``--rounds`` times for the figures
(CPU time, collector off, median of rounds). Two questions, each answered by replaying exactly
the calls one run makes:

* **records**: every ``BaseModel`` construction of a run is captured (class and arguments), then
  replayed as it is made now (validated ``cls(**kwargs)``) and without validation (the instance
  filled directly, fields in the model's order with its defaults: what a "trusted" constructor
  could at best do). The difference is all that skipping validation inside the extractors could
  save; the rest is the cost of making the objects, which a record of this shape needs anyway.
  The line after the table is what checking each finished record once would cost instead.
* **repeated questions**: every call of the word questions (``knowledge._word_entries``, behind
  ``_role`` and ``agent_sector``), of ``_pobj_at`` (behind ``_pobj``) and of ``not_nationality``
  is captured and replayed Doc by Doc on a fresh token view (so ``_pobj_at``'s per-Doc memo
  fills as in a run). Their total bounds what a further memo could remove; the distinct
  (Doc, token[, preposition]) count shows how often the same question comes back.
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import CORPUS, load_articles  # noqa: E402

_new, _set = object.__new__, object.__setattr__


def _unvalidated(cls, values: dict):
    """An instance of ``cls`` holding ``values`` as they are (no validation, no copy)."""
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _full(cls, kwargs: dict) -> dict:
    """``kwargs`` with the model's defaults, in field order (as validation would leave them)."""
    out = {}
    for name, field in cls.model_fields.items():
        key = field.alias if field.alias and field.alias in kwargs else name
        out[name] = kwargs[key] if key in kwargs else field.get_default(call_default_factory=True)
    return out


def _run(docs, comps) -> None:
    for doc in docs:
        for _, comp in comps:
            comp(doc)


def _cpu(fn) -> int:
    t = time.process_time_ns()
    fn()
    return time.process_time_ns() - t


def _capture_records(docs, comps) -> list[tuple[type, dict]]:
    import pydantic

    init, made = pydantic.BaseModel.__init__, []

    def capturing(self, **kwargs):
        made.append((type(self), dict(kwargs)))
        init(self, **kwargs)

    pydantic.BaseModel.__init__ = capturing
    try:
        _run(docs, comps)
    finally:
        pydantic.BaseModel.__init__ = init
    return made


def _capture_questions(docs, comps) -> dict[str, list]:
    """Each question's calls, as (Doc number, arguments)."""
    from newsgraph.extract.actors import countries, knowledge
    from newsgraph.extract.events import syntax

    targets = {knowledge._word_entries.__code__: "word questions (_role, agent_sector)",
               syntax._pobj_at.__code__: "_pobj_at (behind _pobj)",
               countries.not_nationality.__code__: "not_nationality"}
    calls: dict[str, list] = {name: [] for name in targets.values()}
    current = [0]

    def prof(frame, event, arg):
        if event == "call" and (name := targets.get(frame.f_code)) is not None:
            code = frame.f_code
            calls[name].append((current[0], tuple(frame.f_locals[v] for v in code.co_varnames[:code.co_argcount])))

    for k, doc in enumerate(docs):
        current[0] = k
        sys.setprofile(prof)
        try:
            for _, comp in comps:
                comp(doc)
        finally:
            sys.setprofile(None)
    return calls


def _replay_questions(docs, calls: dict[str, list]) -> dict[str, int]:
    """CPU nanoseconds of each question's calls, replayed Doc by Doc (timed per Doc, not per call:
    the clock costs about what a call does)."""
    import newsgraph.extract.tokens as tk
    from newsgraph.extract.actors import countries, knowledge
    from newsgraph.extract.events import syntax

    fns = {"word questions (_role, agent_sector)": knowledge._word_entries,
           "_pobj_at (behind _pobj)": syntax._pobj_at, "not_nationality": countries.not_nationality}
    out = {}
    for name, fn in fns.items():
        by_doc: dict[int, list] = collections.defaultdict(list)
        for k, args in calls[name]:
            by_doc[k].append(args)
        total = 0
        for k, arglist in by_doc.items():
            tk._VIEW = None  # a fresh view (its memos empty), made outside the timing
            view = tk.token_view(docs[k])
            if name.startswith("_pobj"):
                arglist = [(view, *a[1:]) for a in arglist]
            t = time.process_time_ns()
            for a in arglist:
                fn(*a)
            total += time.process_time_ns() - t
        out[name] = total
    return out


def _distinct(name: str, calls: list) -> int:
    if name.startswith("word"):
        return len({(k, a[1].i) for k, a in calls})
    if name.startswith("_pobj"):
        return len({(k, a[1], a[2]) for k, a in calls})
    return len({(k, a[0].i) for k, a in calls})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from newsgraph.pipeline import _make_doc, load_pipeline

    arts = load_articles(CORPUS, args.n)
    nlp = load_pipeline()
    ours = [p for p in nlp.pipe_names if p.startswith("newsgraph_")]
    comps = [(p, nlp.get_pipe(p)) for p in ours if p != "newsgraph_paragraphs"]  # it runs before the parser
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe((_make_doc(nlp, a) for a in arts), batch_size=32))
    per = 1e6 * len(docs)  # ns -> ms per article
    made = _capture_records(docs, comps)
    calls = _capture_questions(docs, comps)
    from newsgraph.pipeline import doc_to_record
    from newsgraph.records import Record

    records = [doc_to_record(d, a) for d, a in zip(docs, arts)]
    by_class: dict[type, list] = collections.defaultdict(list)
    for cls, kw in made:
        by_class[cls].append((kw, _full(cls, kw)))
    gc.collect()
    gc.disable()
    try:
        runs, validated, bare = [], collections.defaultdict(list), collections.defaultdict(list)
        questions, boundary = collections.defaultdict(list), []
        for _ in range(args.rounds):
            runs.append(_cpu(lambda: _run(docs, comps)))
            for cls, items in by_class.items():  # timed per class, not per call
                kwargs = [kw for kw, _ in items]
                values = [dict(v) for _, v in items]  # the dicts a constructor would make, made outside
                t = time.process_time_ns()
                for kw in kwargs:
                    cls(**kw)
                t2 = time.process_time_ns()
                for v in values:
                    _unvalidated(cls, v)
                validated[cls.__name__].append(t2 - t)
                bare[cls.__name__].append(time.process_time_ns() - t2)
            boundary.append(_cpu(lambda: [Record.model_validate(r.to_dict()) for r in records]))
            for name, ns in _replay_questions(docs, calls).items():
                questions[name].append(ns)
    finally:
        gc.enable()
    ext = statistics.median(runs) / per
    print(f"{len(docs)} WikiNews articles; the six extractors {ext:.3f} ms an article (CPU, median of "
          f"{args.rounds} rounds, load average {os.getloadavg()[0]:.1f})\n")
    counts = collections.Counter(c.__name__ for c, _ in made)
    print("| record class | made per article | validated (now), µs each | unvalidated, µs each | saving, ms an article |")
    print("|---|---:|---:|---:|---:|")
    tot_now = tot_fast = 0.0
    for name, n in counts.most_common():
        a, b = statistics.median(validated[name]), statistics.median(bare[name])
        tot_now, tot_fast = tot_now + a, tot_fast + b
        print(f"| {name} | {n / len(docs):.1f} | {a / n / 1e3:.2f} | {b / n / 1e3:.2f} | {(a - b) / per:.3f} |")
    print(f"| all ({len(made) / len(docs):.0f} an article) | | {tot_now / per:.3f} ms an article "
          f"({100 * tot_now / per / ext:.1f} % of extraction) | {tot_fast / per:.3f} ms | "
          f"**{(tot_now - tot_fast) / per:.3f}** ({100 * (tot_now - tot_fast) / per / ext:.1f} %) |\n")
    print(f"The same guarantee at the boundary instead (each whole record dumped and validated again, "
          f"what trusted construction inside would need): {statistics.median(boundary) / per:.3f} ms an article\n")
    print("| question | calls per article | distinct (Doc, token) | replayed CPU, ms an article | share of extraction |")
    print("|---|---:|---:|---:|---:|")
    for name, lst in calls.items():
        ms = statistics.median(questions[name]) / per
        print(f"| {name} | {len(lst) / len(docs):.0f} | {_distinct(name, lst) / len(docs):.0f} | {ms:.3f} | "
              f"{100 * ms / ext:.1f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
