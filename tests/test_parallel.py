"""`analyze --processes N`: the workers render the output, the parent prints what one process prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.ingest.article import RawArticle, prepare
from newsgraph.pipeline import analyze_many

TEXTS = [
    "Police detained 12 students outside the university in Tbilisi on Monday, the ministry said.",
    "The finance minister of Kenya met IMF officials in Nairobi to discuss a new loan.",
    "Protesters in Santiago accused the government of ignoring the drought, a union leader said.",
    "Japan and South Korea agreed on Friday to resume talks on fishing rights.",
    "The court in Ankara sentenced two journalists to three years in prison, their lawyer said.",
]


def _words(record) -> str:
    """A render that is not the CLI's: the article id and its event types."""
    return f"{record.article.id}:" + ",".join(e.type for e in record.events)


@pytest.mark.model
@pytest.mark.slow
def test_workers_render_what_one_process_renders(nlp):
    articles = [prepare(RawArticle(text=t, published="2021-03-01", plain=True)) for t in TEXTS * 2]
    serial = list(analyze_many(articles, nlp, render=_words))
    parallel = list(analyze_many(articles, n_process=2, batch_size=3, render=_words))
    assert parallel == serial
    assert serial[0].startswith(articles[0].id + ":")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"t{i}", "date": "2021-03-01", "text": t}) + "\n"
                            for i, t in enumerate(TEXTS * 2)), encoding="utf-8")
    return path


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("flags", [["--jsonl"], ["--events-tsv"], ["--json"], ["--jsonl", "--min-confidence", "0.6"]])
def test_processes_2_prints_byte_for_byte_what_one_process_prints(corpus: Path, flags, capsys):
    assert main(["analyze", *flags, str(corpus)]) == 0
    one = capsys.readouterr().out
    assert main(["analyze", *flags, "--processes", "2", str(corpus)]) == 0
    two = capsys.readouterr().out
    assert two == one
    assert "t9" in one
