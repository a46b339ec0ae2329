"""``newsgraph run`` without a cluster: tables, the dataset sink, corpus tables, Dask's synchronous scheduler.

The cluster itself (worker processes, kills, the comparison with
``newsgraph analyze --jsonl``) is tested in test_run_cluster.py.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.cli import main
from newsgraph.export import arrow_schema
from newsgraph.records import Actor, Article, Record, Span
from newsgraph.run import dataset, records_from_tables, schemas
from newsgraph.run.corpus import build
from newsgraph.run.tables import record_tables
from newsgraph.store import Store
from test_store import records

REPO = Path(__file__).resolve().parents[1]
_settings = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _shards(out: Path, recs: list[Record], size: int = 2) -> None:
    """Write ``recs`` to a dataset at ``out`` as shards of ``size`` (what the workers do)."""
    dataset.create(out)
    for seq, start in enumerate(range(0, len(recs), size)):
        key = f"k{seq:04d}"
        batch = [(r, f"in.jsonl:{start + n + 1}") for n, r in enumerate(recs[start:start + size])]
        dataset.write_shard(out, key, seq, record_tables(batch, shard=key), "month")


# --- tables ---------------------------------------------------------------------------

@_settings
@given(recs=st.lists(records(), min_size=1, max_size=3, unique_by=lambda r: r.article.id))
def test_tables_read_back_to_the_same_records(recs: list[Record]) -> None:
    tables = record_tables([(r, f"src{n}") for n, r in enumerate(recs)], shard="s")
    assert list(records_from_tables(tables)) == [(r, f"src{n}") for n, r in enumerate(recs)]


def test_schemas_are_the_store_columns(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        for table, schema in schemas().items():
            store_table = {"bands": "article_bands"}.get(table, table)
            stored = arrow_schema(store.conn, store_table)
            own = [f for f in schema if f.name not in ("shard", "pos")]
            assert own and all(stored.field(f.name) == f for f in own), table


# --- the dataset sink -----------------------------------------------------------------

@_settings
@given(recs=st.lists(records(), min_size=1, max_size=5, unique_by=lambda r: r.article.id))
def test_a_dataset_reads_back_in_input_order_and_a_rewritten_shard_adds_nothing(recs: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "ds"
        _shards(out, recs)
        _shards(out, recs)  # a crashed shard written again replaces its own files
        assert [r for r, _ in dataset.iter_records(out)] == recs
        assert dataset.read_table(out, "articles").num_rows == len(recs)
        assert not list(out.rglob(".*.tmp"))


def test_record_tables_are_partitioned_by_publication_month(tmp_path: Path) -> None:
    recs = [Record(article=Article(id=f"a{n}", published=p, text=f"text {n}"),
                   actors=[Actor(id="x", name="Maia Sandu", kind="person", mentions=[Span(start=0, end=4)])])
            for n, p in enumerate(["2020-11-30", "2020-11-02", "2021-01-05", None])]
    _shards(tmp_path / "ds", recs, size=4)
    parts = sorted(p.parent.name for p in (tmp_path / "ds" / "actors").rglob("*.parquet"))
    assert parts == ["month=2020-11", "month=2021-01", "month=unknown"]
    arts = dataset.read_table(tmp_path / "ds", "articles", ["id", "month"]).to_pylist()
    assert {a["id"]: a["month"] for a in arts} == {"a0": "2020-11", "a1": "2020-11", "a2": "2021-01",
                                                   "a3": "unknown"}


def test_out_must_be_a_dataset_or_empty(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("mine")
    assert main(["run", "examples/", "--out", str(tmp_path), "--scheduler", "synchronous"]) == 2
    assert (tmp_path / "x.txt").read_text() == "mine"


# --- corpus tables are what the store computes ------------------------------------------

_BASES = [" ".join(f"{w}{i}" for i in range(40)) for w in ("alpha", "beta", "gamma")]
_NAMES = ["Alexander Lukashenko", "Alexander G. Lukashenko", "Lukashenko", "Mr Lukashenko", "George W. Bush",
          "George H. W. Bush", "George Bush", "Bush", "the Kremlin", "Kremlin"]


@st.composite
def _corpus(draw: st.DrawFn) -> list[Record]:
    """Articles that repeat each other (a word or two changed) and name actors in several ways."""
    recs = []
    for n in range(draw(st.integers(2, 8))):
        words = draw(st.sampled_from(_BASES)).split()
        for _ in range(draw(st.integers(0, 6))):
            words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(["x", "y", "z"]))
        actors = [Actor(id=f"a{i}", name=draw(st.sampled_from(_NAMES)),
                        kind=draw(st.sampled_from(["person", "person", "state"])),
                        country=draw(st.sampled_from([None, "BLR", "USA"])),
                        sector=draw(st.sampled_from([None, "GOV"])))
                  for i in range(draw(st.integers(0, 3)))]
        recs.append(Record(article=Article(id=f"art{n}", published="2020-11-30", text=" ".join(words)),
                           actors=actors))
    return recs


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recs=_corpus())
def test_corpus_tables_match_the_store(recs: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "ds"
        _shards(out, recs, size=3)
        build(out, scheduler="synchronous")
        with Store(Path(d) / "s.db") as store:
            for r in recs:
                store.write(r)
            dups = {r["id"]: (r["duplicate_of"], r["similarity"]) for r in store.conn.execute(
                "SELECT id, duplicate_of, similarity FROM articles WHERE duplicate_of IS NOT NULL")}
            stored = {(r["article_id"], r["id"]): tuple(r[2:]) for r in store.conn.execute(
                "SELECT a.article_id, a.id, c.name, c.kind, c.country, c.sector, c.surname, c.id FROM actors a"
                " JOIN corpus_actors c ON c.id = a.corpus_actor_id")}
        got = pq.read_table(out / "near_duplicates").to_pylist()
        assert {r["article_id"]: (r["duplicate_of"], r["similarity"]) for r in got} == dups
        corpus = {r["id"]: r for r in pq.read_table(out / "corpus_actors").to_pylist()}
        links = {(r["article_id"], r["actor_id"]): corpus[r["corpus_actor_id"]]
                 for r in pq.read_table(out / "actor_links").to_pylist()}
        assert set(links) == set(stored)
        for key, (name, kind, country, sector, surname, cid) in stored.items():
            assert (links[key]["name"], links[key]["kind"], links[key]["country"], links[key]["sector"],
                    links[key]["surname"]) == (name, kind, country, sector, surname)
            same_store = {k for k, v in stored.items() if v[-1] == cid}
            same_ds = {k for k, v in links.items() if v["id"] == links[key]["id"]}
            assert same_store == same_ds


# --- scheduler errors -----------------------------------------------------------------

def test_an_unreachable_scheduler_is_exit_6_after_the_timeout(tmp_path: Path, capsys) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    code = main(["run", str(REPO / "examples"), "--out", str(tmp_path / "ds"),
                 "--scheduler", f"tcp://127.0.0.1:{port}", "--timeout", "2"])
    assert code == 6
    assert time.monotonic() - started < 30
    assert "no Dask scheduler answered within 2 s" in capsys.readouterr().err


# --- worker processes: the allocator, the local cluster's settings ---------------------

_ALLOC = """
import resource
from newsgraph.run.worker import tune_malloc

def faults():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(200):
        block = bytearray(1 << 20)  # 1 MiB, zero-filled: every page touched
        del block
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

print(faults(), tune_malloc(), faults())
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_a_worker_undoes_the_nannys_malloc_trim_threshold() -> None:
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536"}  # what Dask's nanny gives every worker it starts
    res = subprocess.run([sys.executable, "-c", _ALLOC], capture_output=True, text=True, check=True, env=env)
    before, tuned, after = res.stdout.split()
    assert int(before) > 40_000  # each 1 MiB block mapped and faulted in anew
    assert tuned == "True" and int(after) < 5_000


def test_without_the_variable_the_allocator_is_left_alone(monkeypatch) -> None:
    from newsgraph.run.worker import tune_malloc

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    tune_malloc.cache_clear()
    assert tune_malloc() is False
    tune_malloc.cache_clear()


@pytest.mark.slow
def test_the_local_cluster_starts_workers_without_the_trim_threshold_or_the_profiler() -> None:
    import dask

    from newsgraph.run.cluster import connect

    client, cluster = connect(None, 1)
    try:
        env = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
        profile = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
        allowed = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.allowed_failures)
    finally:
        client.close()
        cluster.close()
    assert list(env.values()) == [None] and list(profile.values()) == [False] and allowed == 1
    assert dask.config.get("distributed.scheduler.allowed-failures") == 3  # the caller's config is untouched


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_local_workers_start_with_the_pipeline_the_forkserver_loaded() -> None:
    import psutil

    from newsgraph.pipeline import shared_pipeline
    from newsgraph.run.cluster import connect

    client, cluster = connect(None, 1)
    try:  # before any task or setup: a spawned worker has loaded nothing yet
        loaded = client.run(lambda: shared_pipeline.cache_info().currsize)
        parent = client.run(lambda: " ".join(psutil.Process().parent().cmdline()))
    finally:
        client.close()
        cluster.close()
    assert list(loaded.values()) == [1]
    assert "forkserver" in next(iter(parent.values()))


@pytest.mark.slow
@pytest.mark.model
def test_the_forkserver_preload_leaves_one_thread_to_fork() -> None:
    """Fork copies only the forking thread: the forkserver must have no other (pyarrow's allocator
    starts one on import, so the preload must not import pyarrow)."""
    code = ("import os, sys, newsgraph.run.preload as p; from newsgraph.pipeline import shared_pipeline; "
            "print(len(os.listdir('/proc/self/task')), 'pyarrow' in sys.modules, "
            "shared_pipeline.cache_info().currsize)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"})
    assert res.stdout.split() == ["1", "False", "1"]


def _story(i: int, sentences: int) -> str:
    return json.dumps({"id": f"a{i}", "text": " ".join(f"The council of district {i} met on day {k}."
                                                      for k in range(sentences))}) + "\n"


def test_the_tail_of_a_run_goes_out_in_shards_of_decreasing_work_so_the_workers_finish_together(
        tmp_path: Path) -> None:
    from newsgraph.run.shards import MIN_TAIL_ARTICLES, Planner, _work

    path = tmp_path / "in.jsonl"  # the long stories first in the tail, the short ones last
    path.write_text("".join(_story(i, 1 if i < 100 else 12 if i < 250 else 2) for i in range(400)), encoding="utf-8")
    whole = list(Planner([str(path)], size=100).shards())
    cut = list(Planner([str(path)], size=100, workers=2).shards())
    assert [len(s.items) for s in whole] == [100] * 4
    assert [len(s.items) for s in cut[:1]] == [100]  # more than (2 + 1) x 100 left: a whole shard
    assert [i.source for s in cut for i in s.items] == [i.source for s in whole for i in s.items]
    assert [s.seq for s in cut] == list(range(len(cut))) and len({s.key for s in cut}) == len(cut)
    tail = cut[1:]
    work = [sum(_work(i) for i in s.items) for s in tail]
    left = sum(work)
    assert work[0] >= left / 4 * 0.9  # a quarter of the work left (2 workers) …
    assert work[-1] <= left / 20  # … down to small shards at the very end
    assert all(later <= earlier * 1.5 for earlier, later in zip(work, work[1:]))  # decreasing, give or take an article
    # by work, not count: the first quarter of the work is fewer than a quarter of the items (long stories)
    assert len(tail[0].items) < 300 / 4 * 0.8
    average = left / sum(len(s.items) for s in tail)
    assert all(w >= average * (MIN_TAIL_ARTICLES - 1) for w in work[:-1])  # never a shard of almost nothing
    assert max(len(s.items) for s in Planner([str(path)], size=30, workers=2).shards()) == 30  # never above the size
    assert {len(s.items) for s in Planner([str(path)], size=100, workers=1).shards()} == {100}  # nothing to balance


def test_the_forkserver_gets_the_environment_the_nanny_gives_its_workers() -> None:
    """The forkserver now starts before any nanny exists: it must still get OMP_NUM_THREADS=1 and the
    rest of what a nanny sets before starting a worker, read the way the nanny reads it."""
    import dask
    from distributed.nanny import _get_env_variables

    from newsgraph.run.local import LOCAL_CLUSTER_CONFIG, pre_spawn_environ

    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        nanny = _get_env_variables("distributed.nanny.pre-spawn-environ")
    if nanny.get("PYTHONHASHSEED") in (None, "0"):
        nanny["PYTHONHASHSEED"] = "6640"
    assert pre_spawn_environ() == nanny
    assert nanny["OMP_NUM_THREADS"] == "1" and "MALLOC_TRIM_THRESHOLD_" not in nanny


def test_the_run_client_does_not_import_spacy() -> None:
    """The client only reads and submits; spaCy's import would compete with the forkserver's model load."""
    code = "import sys, newsgraph.cli.run, newsgraph.run.cluster; print('spacy' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.split() == ["False"]


_EARLY_FORKSERVER = """
import multiprocessing.forkserver as fs, sys
from newsgraph.run.local import start_forkserver
assert 'distributed.nanny' not in sys.modules   # no cluster, no nanny yet
started = start_forkserver(None)
pid = fs._forkserver._forkserver_pid
env = dict(v.split('=', 1) for v in open(f'/proc/{pid}/environ').read().split('\\0') if '=' in v)
print(started, env.get('OMP_NUM_THREADS'), env.get('OPENBLAS_NUM_THREADS'), 'MALLOC_TRIM_THRESHOLD_' in env)
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_the_forkserver_starts_before_the_cluster_with_one_thread_per_library() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                                            "NEWSGRAPH_START_METHOD", "NEWSGRAPH_MODEL")}
    res = subprocess.run([sys.executable, "-c", _EARLY_FORKSERVER], capture_output=True, text=True, check=True,
                         env=env)
    assert res.stdout.split() == ["True", "1", "1", "False"]


# --- the whole run on Dask's synchronous scheduler (real model) ---------------------------

def _inputs(d: Path) -> list[str]:
    """The examples, generated articles in JSON Lines, and inputs that ``ingest`` rejects."""
    lines = [json.dumps({"id": f"gen-{n}", "title": f"Talks in {city}", "date": f"2021-0{1 + n % 3}-1{n}",
                         "text": f"Talks in {city}\n\nThe foreign minister of {country} met officials in {city} "
                                 f"on Monday, the ministry said. \"We agreed on {n + 2} points,\" she told "
                                 f"reporters."})
             for n, (city, country) in enumerate([("Vilnius", "Lithuania"), ("Warsaw", "Poland"),
                                                  ("Riga", "Latvia"), ("Tallinn", "Estonia")])]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"text": "Der Außenminister traf sich am Montag in Berlin mit Vertretern "
                                     "der Regierung, um über die Lage zu sprechen, teilte das Ministerium mit."}))
    with gzip.open(d / "gen.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    return [str(REPO / "examples"), str(d / "gen.jsonl.gz"), str(d / "binary.txt"), str(d / "missing.txt")]


@pytest.fixture(scope="module")
def synchronous_run(tmp_path_factory):
    from newsgraph.run.cluster import run

    d = tmp_path_factory.mktemp("sync")
    paths = _inputs(d)
    summary = run(paths, d / "ds", scheduler="synchronous", partition_size=3)
    return d, paths, summary


@pytest.mark.model
def test_synchronous_run_gives_the_records_and_rejections_of_analyze(synchronous_run, nlp) -> None:
    from newsgraph.cli.analyze import prepared_articles
    from newsgraph.pipeline import analyze_many

    d, paths, summary = synchronous_run
    skipped: list = []
    expected = list(analyze_many(prepared_articles(paths, skipped, plain=False, published=None), nlp))
    got = list(dataset.iter_records(d / "ds"))
    assert [r for r, _ in (g for g in got if isinstance(g, tuple))] == expected
    assert sorted((s.source, s.kind) for s in got if not isinstance(s, tuple)) == \
        sorted((s.source, s.kind) for s in skipped)
    assert {s.kind for s in skipped} == {"malformed", "not_english", "binary", "missing"}
    assert summary.articles == len(expected) == 8 and sum(summary.skipped.values()) == 4 and not summary.ok


@pytest.mark.model
def test_a_rerun_analyses_nothing_and_duplicates_nothing(synchronous_run) -> None:
    from newsgraph.run.cluster import run

    d, paths, first = synchronous_run
    # what a killed run leaves: a shard's file without its marker, a half-written temporary file
    some = next((d / "ds" / "articles").rglob("*.parquet"))
    orphan, tmp = some.with_name("0" * 24 + ".parquet"), some.with_name(f".{some.name}.x.tmp")
    orphan.write_bytes(some.read_bytes())
    tmp.write_bytes(b"PAR1")
    for size in (3, 2):  # the same shards, then others: nothing is analysed or written twice
        again = run(paths, d / "ds", scheduler="synchronous", partition_size=size)
        assert again.analysed_now == 0 and again.shards == 0 and again.already == 8 + 4
        assert again.articles == first.articles and again.skipped == first.skipped
    assert not orphan.exists() and not tmp.exists()
    ids = dataset.read_table(d / "ds", "articles", ["id"]).column("id").to_pylist()
    assert len(ids) == len(set(ids)) == 8
    assert dataset.read_table(d / "ds", "skipped").num_rows == 4


@pytest.mark.model
def test_ingest_of_a_dataset_is_the_store_of_the_inputs(synchronous_run, tmp_path: Path) -> None:
    from newsgraph.corpus import ingest

    d, paths, _ = synchronous_run
    from_dataset = ingest([d / "ds"], tmp_path / "a.db")
    from_inputs = ingest(paths, tmp_path / "b.db")
    assert from_dataset.ingested == from_inputs.ingested == 8
    assert sorted((s.source, s.kind) for s in from_dataset.skipped) == \
        sorted((s.source, s.kind) for s in from_inputs.skipped)
    with Store(tmp_path / "a.db") as a, Store(tmp_path / "b.db") as b:
        assert a.article_ids() == b.article_ids()
        assert [a.read(i) for i in a.article_ids()] == [b.read(i) for i in b.article_ids()]
        cols = "name, kind, country, sector, articles, mentions, events_as_source, events_as_target"
        assert a.conn.execute(f"SELECT {cols} FROM corpus_actors ORDER BY id").fetchall() == \
            b.conn.execute(f"SELECT {cols} FROM corpus_actors ORDER BY id").fetchall()


@pytest.mark.model
def test_duckdb_reads_the_dataset(synchronous_run) -> None:
    duckdb = pytest.importorskip("duckdb")
    d, _, summary = synchronous_run
    con = duckdb.connect()
    n, months = con.execute(f"SELECT count(*), count(DISTINCT month) FROM read_parquet('{d}/ds/articles/*/*.parquet',"
                            " hive_partitioning = true)").fetchone()
    assert n == summary.articles and months >= 3
    joined = con.execute(f"SELECT count(*) FROM read_parquet('{d}/ds/events/*/*.parquet') e JOIN "
                         f"read_parquet('{d}/ds/articles/*/*.parquet') a ON a.id = e.article_id").fetchone()[0]
    assert joined == dataset.read_table(d / "ds", "events").num_rows > 0


@pytest.mark.model
def test_analyze_batch_takes_json_lines_objects(nlp) -> None:
    from newsgraph.pipeline import analyze_text
    from newsgraph.run import analyze_batch

    text = "Lithuania's president met Polish officials in Vilnius on Tuesday, her office said."
    tables = analyze_batch([{"text": text, "date": "2021-03-02", "id": "x1", "title": float("nan")},
                            {"title": "no text"}], nlp=nlp)
    [(record, _)] = records_from_tables(tables)
    assert record == analyze_text(text, nlp, published="2021-03-02", id="x1")
    assert tables["skipped"].column("kind").to_pylist() == ["malformed"]
    assert all(isinstance(t, pa.Table) and t.schema.equals(schemas()[n]) for n, t in tables.items())


@pytest.mark.model
def test_a_failing_shard_is_reported_in_skipped_and_a_rerun_recovers(tmp_path: Path) -> None:
    from newsgraph.run.cluster import run

    out, article = tmp_path / "ds", str(REPO / "examples" / "kyiv-corridors.txt")
    dataset.create(out)
    (out / "articles").write_text("a file where the articles directory goes")  # every write of the shard fails
    first = run([article], out, scheduler="synchronous")
    assert not first.ok and len(first.failed) == 1 and first.articles == 0
    rows = dataset.read_table(out, "skipped").to_pylist()
    assert [(r["source"], r["kind"]) for r in rows] == [(article, "shard_failed")]
    assert "rerun `newsgraph run`" in rows[0]["reason"]
    assert [(s.source, s.kind) for s in dataset.iter_records(out)] == [(article, "shard_failed")]
    (out / "articles").unlink()
    again = run([article], out, scheduler="synchronous")
    assert again.ok and again.articles == again.analysed_now == 1
    assert dataset.read_table(out, "skipped").num_rows == 0
