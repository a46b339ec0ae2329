"""Corpus-level tables of a dataset: near-duplicates and corpus actors, computed on the cluster.

Both give what the SQLite store would give for the same articles written
in input order, with the store's own code:

- **near_duplicates** (``article_id, duplicate_of, similarity``): the
  store's measure (``store.neardup``: MinHash bands to find candidates, the
  exact Jaccard of word 5-gram shingles ≥ ``THRESHOLD`` to decide). One task
  per band finds the articles that share a bucket; tasks over chunks of
  candidate pairs compute the exact similarity; the client files each
  article under the canonical article it repeats, earliest first, as
  ``Store.write`` does.
- **corpus_actors** (``id, name, kind, country, sector, surname``) and
  **actor_links** (``article_id, actor_id, corpus_actor_id``): the store's
  merge rules (``store.actors.resolve``) applied in input order. Every rule
  compares actors of one kind that share a normalised name or, for people,
  a last name, so the actors split exactly into independent groups by that
  key; each group runs on a worker against an in-memory copy of the store's
  tables, and the client numbers the results.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from itertools import batched, combinations
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from ..records import Actor
from ..store import neardup
from ..store import schema as store_schema
from ..store.actors import normalise, resolve
from . import dataset

ACTOR_GROUPS = 16
PAIRS_PER_TASK = 5000
SCHEMAS = {
    "near_duplicates": pa.schema([("article_id", pa.string()), ("duplicate_of", pa.string()),
                                  ("similarity", pa.float64())]),
    "corpus_actors": pa.schema([("id", pa.int64()), ("name", pa.string()), ("kind", pa.string()),
                                ("country", pa.string()), ("sector", pa.string()), ("surname", pa.string())]),
    "actor_links": pa.schema([("article_id", pa.string()), ("actor_id", pa.string()),
                              ("corpus_actor_id", pa.int64())]),
}


# --- near-duplicates --------------------------------------------------------------

def band_candidates(out: str, band: int) -> list[tuple[str, str]]:
    """Pairs of articles whose MinHash signatures agree on ``band``."""
    d = Path(out) / "bands"
    if not d.is_dir():
        return []
    t = ds.dataset(d, format="parquet").to_table(columns=["article_id", "hash"], filter=ds.field("band") == band)
    buckets: dict[int, list[str]] = defaultdict(list)
    for aid, h in zip(t.column("article_id").to_pylist(), t.column("hash").to_pylist(), strict=True):
        buckets[h].append(aid)
    return [tuple(sorted(p)) for ids in buckets.values() if len(ids) > 1 for p in combinations(sorted(set(ids)), 2)]


def similar_pairs(out: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str, float]]:
    """The candidate pairs whose exact shingle Jaccard reaches the store's threshold."""
    ids = sorted({a for p in pairs for a in p})
    t = dataset.read_table(out, "articles", ["id", "text"])
    t = t.filter(pc.is_in(t.column("id"), pa.array(ids)))
    sh = {aid: neardup.shingles(text) for aid, text in zip(t.column("id").to_pylist(),
                                                           t.column("text").to_pylist(), strict=True)}
    out_pairs = []
    for a, b in pairs:
        sim = neardup.jaccard(sh[a], sh[b])
        if sim >= neardup.THRESHOLD:
            out_pairs.append((a, b, sim))
    return out_pairs


def assign_duplicates(order: list[str], sims: list[tuple[str, str, float]]) -> pa.Table:
    """Each article's canonical earlier article, as ``Store.write`` files it (best similarity, ties by id)."""
    rank = {aid: n for n, aid in enumerate(order)}
    earlier: dict[str, dict[str, float]] = defaultdict(dict)
    for a, b, sim in sims:
        first, second = (a, b) if rank[a] < rank[b] else (b, a)
        earlier[second][first] = sim
    canonical: dict[str, tuple[str, float]] = {}
    for aid in order:
        best: tuple[float, str] | None = None
        for cand in sorted(earlier.get(aid, {})):
            sim = earlier[aid][cand]
            if best is None or sim > best[0]:
                best = (sim, canonical[cand][0] if cand in canonical else cand)
        if best:
            canonical[aid] = (best[1], best[0])
    rows = [{"article_id": a, "duplicate_of": d, "similarity": s} for a, (d, s) in canonical.items()]
    return pa.Table.from_pylist(rows, schema=SCHEMAS["near_duplicates"])


# --- corpus actors ----------------------------------------------------------------

def _group(kind: str, name: str) -> int:
    """The independent group of an actor: every merge rule stays within one."""
    norm = normalise(name) or name
    words = norm.split()
    key = f"{kind}\0{words[-1] if kind == 'person' and words else norm}"
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=4).digest()) % ACTOR_GROUPS


def merge_actor_group(out: str, group: int, order: dict[str, int]) -> tuple[list[dict], list[dict]]:
    """Corpus actors (local ids) and links for one group, merged by ``store.actors.resolve`` in input order."""
    t = dataset.read_table(out, "actors", ["article_id", "idx", "id", "name", "kind", "country", "sector"])
    rows = [r for r in t.to_pylist() if _group(r["kind"], r["name"]) == group]
    rows.sort(key=lambda r: (order.get(r["article_id"], 1 << 62), r["article_id"], r["idx"]))
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    store_schema.create(conn)
    links = []
    for r in rows:
        actor = Actor(id=r["id"], name=r["name"], kind=r["kind"], country=r["country"], sector=r["sector"])
        links.append({"article_id": r["article_id"], "actor_id": r["id"], "corpus_actor_id": resolve(conn, actor)})
    actors = [dict(r) for r in conn.execute(
        "SELECT id, name, kind, country, sector, surname FROM corpus_actors ORDER BY id")]
    conn.close()
    return actors, links


def _number(groups: list[tuple[list[dict], list[dict]]]) -> tuple[pa.Table, pa.Table]:
    """Global ids: the groups' local ids, offset group after group."""
    actors, links, offset = [], [], 0
    for group_actors, group_links in groups:
        actors += [{**a, "id": a["id"] + offset} for a in group_actors]
        links += [{**link, "corpus_actor_id": link["corpus_actor_id"] + offset} for link in group_links]
        offset += max((a["id"] for a in group_actors), default=0)
    return (pa.Table.from_pylist(actors, schema=SCHEMAS["corpus_actors"]),
            pa.Table.from_pylist(links, schema=SCHEMAS["actor_links"]))


# --- driver -----------------------------------------------------------------------

def build(out: str | Path, *, scheduler: str | None = None,
          progress: Callable[[str, dict], None] | None = None) -> dict[str, int]:
    """Compute and write the corpus tables of dataset ``out``; returns their row counts.

    The steps are Dask graphs run with ``dask.compute``: on the active
    ``distributed.Client`` by default, or with ``scheduler`` (e.g. "synchronous").
    """
    import dask

    out = str(out)
    tick = progress or (lambda event, info: None)
    order = dataset.article_order(out).column("id").to_pylist()
    tick("corpus", {"step": "near_duplicates"})
    found = dask.compute(*[dask.delayed(band_candidates, pure=False)(out, b) for b in range(neardup.BANDS)],
                         scheduler=scheduler)
    cands = sorted({p for ps in found for p in ps})
    chunks = [list(c) for c in batched(cands, PAIRS_PER_TASK)]
    checked = dask.compute(*[dask.delayed(similar_pairs, pure=False)(out, c) for c in chunks], scheduler=scheduler)
    dups = assign_duplicates(order, [s for ss in checked for s in ss])
    tick("corpus", {"step": "corpus_actors"})
    rank = dask.delayed({aid: n for n, aid in enumerate(order)}, traverse=False)
    groups = dask.compute(*[dask.delayed(merge_actor_group, pure=False)(out, g, rank) for g in range(ACTOR_GROUPS)],
                          scheduler=scheduler)
    actors, links = _number(list(groups))
    tables = {"near_duplicates": dups, "corpus_actors": actors, "actor_links": links}
    for name, table in tables.items():
        dataset.write_table(table, Path(out) / name / "part-0.parquet")
    return {name: t.num_rows for name, t in tables.items()}
