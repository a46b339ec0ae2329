"""Query latency on a synthetic store of 1,000,000 events.

    .venv/bin/python benchmarks/store_latency.py [--events 1000000] [--db /tmp/ng-latency.db] [--reuse]

Builds a store with the real schema (``Store`` creates it) and bulk-inserts
synthetic rows with skewed, news-like distributions: actors drawn from a
Zipf law (a few heads of state dominate), PLOVER types with CONSULT and
ACCUSE far ahead of ASSAULT, dates over ten years, ten events per article,
article text from a Zipf vocabulary, four dated time expressions per article. Then it times the library queries the
CLI runs (``newsgraph.query``) with arguments drawn from the same laws, and
prints p50/p95 per query. Target: p95 < 100 ms for each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from newsgraph import query
from newsgraph.records import PLOVER_TYPES
from newsgraph.store import Store, aggregates
from newsgraph.store.sqlite import sort_key

EVENTS_PER_ARTICLE = 10
TIMES_PER_ARTICLE = 4
N_ACTORS = 20_000
VOCAB = 30_000
COUNTRIES = ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "UKR", "BLR", "IRN", "ISR", "IND", "BRA", "TUR", "JPN",
             "PAK", "SYR", "IRQ", "AFG", "PRK", "KOR"]
SECTORS = ["GOV", "MIL", "OPP", "BUS", "MED", "CVL", "IGO", "COP", "JUD", "LEG"]
_TYPE_WEIGHTS = np.array([9, 14, 8, 2, 6, 3, 2, 5, 10, 5, 4, 6, 3, 3, 4, 3], dtype=float)


def _zipf(rng: np.random.Generator, n: int, size: int, a: float = 1.1) -> np.ndarray:
    """Indexes 0..n-1 with P(k) ∝ 1/(k+1)^a."""
    p = 1.0 / np.arange(1, n + 1) ** a
    return rng.choice(n, size=size, p=p / p.sum())


def _words(n: int) -> list[str]:
    syll = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "da", "pe", "gu"]
    return ["".join(syll[(i // 12 ** k) % 12] for k in range(4)) + str(i % 7) for i in range(n)]


def build(path: Path, n_events: int, seed: int = 7) -> None:
    """A store with ``n_events`` synthetic events (bulk insert, one transaction per table)."""
    rng = np.random.default_rng(seed)
    n_articles = n_events // EVENTS_PER_ARTICLE
    vocab = _words(VOCAB)
    start = dt.date(2015, 1, 1)
    days = [(start + dt.timedelta(days=int(d))).isoformat() for d in rng.integers(0, 3650, n_articles)]
    store = Store(path)
    conn = store.conn
    names = [f"Actor{i} Surname{i}" for i in range(N_ACTORS)]
    a_country = rng.choice(COUNTRIES, N_ACTORS)
    a_sector = rng.choice(SECTORS, N_ACTORS)
    with store.transaction():
        conn.executemany("INSERT INTO corpus_actors(id, name, kind, country, sector, surname) VALUES (?, ?, 'person', ?, ?, ?)",
                         [(i + 1, names[i], str(a_country[i]), str(a_sector[i]), f"surname{i}") for i in range(N_ACTORS)])
        conn.executemany("INSERT INTO corpus_actor_names(norm, corpus_actor_id) VALUES (?, ?)",
                         [(names[i].lower(), i + 1) for i in range(N_ACTORS)])
        word_ids = _zipf(rng, VOCAB, n_articles * 80)
        conn.executemany(
            "INSERT INTO articles(pk, sort_key, id, title, published, outlet, language, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 'en', ?, '')",
            ((k + 1, sort_key(days[k], k + 1), f"a{k}", f"Title {k}", days[k], f"Outlet{k % 40}",
              " ".join(vocab[w] for w in word_ids[k * 80:(k + 1) * 80])) for k in range(n_articles)))
    src, tgt = _zipf(rng, N_ACTORS, n_events) + 1, _zipf(rng, N_ACTORS, n_events) + 1
    types = rng.choice(PLOVER_TYPES, n_events, p=_TYPE_WEIGHTS / _TYPE_WEIGHTS.sum())
    conf = rng.uniform(0.3, 1.0, n_events).round(2)
    neg = rng.random(n_events) < 0.05
    with store.transaction():
        conn.executemany(
            "INSERT INTO actors(article_id, idx, id, name, kind, country, sector, corpus_actor_id)"
            " VALUES (?, ?, ?, ?, 'person', ?, ?, ?)",
            ((f"a{k}", j, f"x{j}", names[c - 1], str(a_country[c - 1]), str(a_sector[c - 1]), int(c))
             for k in range(n_articles)
             for j, c in enumerate(dict.fromkeys(src[k * 10:(k + 1) * 10].tolist() + tgt[k * 10:(k + 1) * 10].tolist()))))
        conn.executemany(
            "INSERT INTO events(article_id, idx, id, type, source, target, date, negated, hypothetical, trigger_start,"
            " trigger_end, trigger_text, sentence_start, sentence_end, confidence, day, source_cid, target_cid,"
            " source_country, target_country, dup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 4, 'word', 0, 40, ?, ?, ?, ?, ?, ?, 0)",
            ((f"a{i // 10}", i % 10, f"e{i % 10}", str(types[i]), "x", "y", None, int(neg[i]), float(conf[i]),
              days[i // 10], int(src[i]), int(tgt[i]), str(a_country[src[i] - 1]), str(a_country[tgt[i] - 1]))
             for i in range(n_events)))
        conn.executemany(
            "INSERT INTO quotes(article_id, idx, start, \"end\", text, kind, speaker, speaker_corpus_id, published)"
            " VALUES (?, 0, 0, 30, ?, 'direct', 'x', ?, ?)",
            ((f"a{k}", " ".join(vocab[w] for w in word_ids[k * 80:k * 80 + 12]), int(src[k * 10]), days[k])
             for k in range(0, n_articles, 2)))
        # dated time expressions, as the timeline reads them: four per article around its day
        conn.executemany(
            "INSERT INTO times(article_id, idx, start, \"end\", text, type, value) VALUES (?, ?, 0, 10, ?, 'DATE', ?)",
            ((f"a{k}", j, "that day", (dt.date.fromisoformat(days[k]) - dt.timedelta(days=3 * j)).isoformat())
             for k in range(n_articles) for j in range(TIMES_PER_ARTICLE)))
        # the aggregates Store.write keeps, computed in bulk
        conn.execute("INSERT INTO relations SELECT source_cid, target_cid, type, count(*), min(day), max(day)"
                     " FROM events WHERE dup = 0 AND negated = 0 GROUP BY source_cid, target_cid, type")
        conn.execute("INSERT INTO actor_forms SELECT corpus_actor_id, 'name', name, count(*) FROM actors"
                     " GROUP BY corpus_actor_id, name")
        conn.execute("UPDATE corpus_actors SET articles = 1, mentions = 1")
        aggregates.rebuild_counts(conn)
        aggregates.rebuild_facets(conn)
    conn.execute("ANALYZE")
    store.close()


def measure(path: Path, runs: int, seed: int = 11) -> dict[str, list[float]]:
    """Milliseconds per call of each query kind, arguments drawn from the corpus laws."""
    rng = np.random.default_rng(seed)
    vocab = _words(VOCAB)
    store = Store(path, create=False)

    def name() -> str:
        i = int(_zipf(rng, N_ACTORS, 1)[0])
        return f"Actor{i} Surname{i}"

    def year() -> tuple[str, str]:
        y = int(rng.integers(2015, 2025))
        return f"{y}-01-01", f"{y}-06-30"

    kinds: dict[str, Callable[[], object]] = {
        "search (one word, Zipf)": lambda: query.search(store, vocab[int(_zipf(rng, VOCAB, 1)[0])]),
        "search (two words)": lambda: query.search(store, " ".join(vocab[int(w)] for w in _zipf(rng, VOCAB, 2))),
        "search --since --until": lambda: query.search(store, vocab[int(_zipf(rng, VOCAB, 1)[0])],
                                                       since=(y := year())[0], until=y[1]),
        "events --actor": lambda: query.events(store, actor=name()),
        "events --source --target": lambda: query.events(store, source=name(), target=name()),
        "events --type --since --until": lambda: query.events(store, type=str(rng.choice(PLOVER_TYPES)),
                                                              since=(y := year())[0], until=y[1]),
        "events --country --min-confidence": lambda: query.events(store, country=str(rng.choice(COUNTRIES)),
                                                                  min_confidence=0.8),
        "actor profile": lambda: query.actor_profile(store, name()),
        "timeline --actor": lambda: query.timeline(store, actor=name()),
        "timeline --since --until": lambda: query.timeline(store, since=(y := year())[0], until=y[1]),
        "stats": lambda: query.stats(store),
    }
    out: dict[str, list[float]] = {}
    for label, fn in kinds.items():
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        out[label] = times
    store.close()
    return out


def synthetic_store_args(description: str, db: str, runs: int) -> argparse.Namespace:
    """Parse the options every synthetic-store benchmark takes, and build the store unless reused."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path(db))
    ap.add_argument("--runs", type=int, default=runs)
    ap.add_argument("--reuse", action="store_true", help="Keep an existing synthetic store.")
    args = ap.parse_args()
    if not (args.reuse and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        t = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.db} ({args.events:,} events) in {time.perf_counter() - t:.0f} s, "
              f"{args.db.stat().st_size / 2**20:.0f} MiB")
    return args


def main() -> None:
    args = synthetic_store_args(__doc__.split("\n\n")[0], "/tmp/ng-latency.db", 200)
    print("| query | p50 ms | p95 ms |\n|---|---:|---:|")
    for label, times in measure(args.db, args.runs).items():
        q = statistics.quantiles(times, n=20)
        print(f"| {label} | {statistics.median(times):.1f} | {q[18]:.1f} |")


if __name__ == "__main__":
    main()
