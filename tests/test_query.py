"""Queries over a small hand-built corpus: filters, evidence, profiles, duplicates left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.errors import InputError
from newsgraph.records import Actor, Article, Event, Quote, Record, Span, TextSpan, Time
from newsgraph.store import Store


def _actor(aid: str, name: str, country: str, sector: str = "GOV", title: str | None = None) -> Actor:
    return Actor(id=aid, name=name, kind="person", country=country, sector=sector, title=title,
                 mentions=[Span(start=0, end=1)])


def _article(aid: str, published: str, sentence: str, etype: str, *, outlet: str = "Wire",
             negated: bool = False, date: str | None = None, quote: str | None = None,
             putin_name: str = "Vladimir Putin") -> Record:
    """"<Headline>\\n\\n<sentence> <filler>": one event Putin → Lukashenko found in ``sentence``."""
    title = f"Report {aid}"
    filler = " ".join(f"the {aid}w{i} of" for i in range(30))
    text = f"{title}\n\n{sentence} {filler}"
    s0 = len(title) + 2
    trig = sentence.split()[2]
    t0 = text.index(trig, s0)
    quotes = []
    if quote:
        q0 = text.index(quote)
        quotes = [Quote(start=q0, end=q0 + len(quote), text=quote, kind="direct", speaker="p", cue="said")]
    return Record(
        article=Article(id=aid, title=title, published=published, outlet=outlet, text=text),
        actors=[_actor("p", putin_name, "RUS", title="president"), _actor("l", "Alexander Lukashenko", "BLR")],
        times=[Time(start=s0, end=s0 + 1, text=text[s0], type="DATE", value=date or published)],
        quotes=quotes,
        events=[Event(id="e1", type=etype, source="p", target="l", negated=negated, date=date,
                      trigger=TextSpan(start=t0, end=t0 + len(trig), text=trig),
                      sentence=Span(start=s0, end=s0 + len(sentence)), confidence=0.7)])


@pytest.fixture()
def store(tmp_path: Path):
    with Store(tmp_path / "q.db") as s:
        s.write(_article("a1", "2020-11-26", "Putin and Lukashenko met in Sochi.", "CONSULT", outlet="TASS",
                         quote="met in Sochi"))
        s.write(_article("a2", "2020-11-27", "Putin Lukashenko criticised over the protests.", "ACCUSE",
                         date="2020-11-25", putin_name="Putin"))
        s.write(_article("a3", "2020-11-28", "Putin Lukashenko will not sanction anything.", "SANCTION",
                         negated=True))
        dup = _article("a1", "2020-11-26", "Putin and Lukashenko met in Sochi.", "CONSULT", outlet="Copy")
        dup.article.id = "a1-copy"
        s.write(dup)
        yield s


def test_search_newest_first_with_snippets_and_filters(store: Store) -> None:
    rows = query.search(store, "Lukashenko")
    assert [r["id"] for r in rows] == ["a3", "a2", "a1"]  # the duplicate of a1 is left out
    assert "[Lukashenko]" in rows[0]["snippet"]
    assert [r["id"] for r in query.search(store, "Lukashenko", since="2020-11-27", until="2020-11-27")] == ["a2"]
    assert [r["id"] for r in query.search(store, "Sochi", outlet="TASS")] == ["a1"]
    assert [r["id"] for r in query.search(store, 'Sochi"')] == ["a1"]  # bad FTS5 syntax: words searched
    assert [r["id"] for r in query.search(store, "Sochi", include_duplicates=True)] == ["a1-copy", "a1"]


def test_events_carry_evidence_and_respect_filters(store: Store) -> None:
    rows = query.events(store, source="Putin", target="Lukashenko")
    # newest first by the event's own date (a2 reports an event of the 25th), not by publication
    assert [(r["article_id"], r["type"], r["day"]) for r in rows] == [
        ("a1", "CONSULT", "2020-11-26"), ("a2", "ACCUSE", "2020-11-25")]
    assert rows[0]["sentence"] == "Putin and Lukashenko met in Sochi."
    assert rows[0]["title"] == "Report a1" and rows[0]["source"] == "Vladimir Putin"
    assert query.events(store, source="Lukashenko") == []
    assert [r["type"] for r in query.events(store, include_negated=True, type="sanction")] == ["SANCTION"]
    assert [r["article_id"] for r in query.events(store, actor="Lukashenko", until="2020-11-25")] == ["a2"]
    assert [r["article_id"] for r in query.events(store, country="BLR", since="2020-11-26")] == ["a1"]
    assert query.events(store, min_confidence=0.8) == []
    assert len(query.events(store, actor="Putin", limit=1)) == 1


def test_actors_merged_and_counted_without_duplicates(store: Store) -> None:
    rows = {r["name"]: r for r in query.actors(store)}
    assert set(rows) == {"Vladimir Putin", "Alexander Lukashenko"}
    assert (rows["Vladimir Putin"]["articles"], rows["Vladimir Putin"]["events_as_source"]) == (3, 3)
    assert rows["Alexander Lukashenko"]["events_as_target"] == 3


def test_actor_profile(store: Store) -> None:
    prof = query.actor_profile(store, "putin")
    assert prof["name"] == "Vladimir Putin"
    assert set(prof["names"]) == {"Vladimir Putin", "Putin"}
    assert prof["titles"] == [{"title": "president", "count": 3}]  # the near-duplicate is not counted
    assert {(r["target"], r["type"], r["count"], r["first"]) for r in prof["acts_on"]} == {
        ("Alexander Lukashenko", "CONSULT", 1, "2020-11-26"), ("Alexander Lukashenko", "ACCUSE", 1, "2020-11-25")}
    assert [(r["source"], r["type"]) for r in query.actor_profile(store, "Lukashenko")["acted_on_by"]] == [
        ("Vladimir Putin", "ACCUSE"), ("Vladimir Putin", "CONSULT")]
    assert prof["acted_on_by"] == []
    assert [q["text"] for q in prof["quotes"]] == ["met in Sochi"]
    with pytest.raises(InputError, match="no actor"):
        query.actor_profile(store, "Nobody Atall")


def test_quotes_timeline_stats(store: Store) -> None:
    assert [q["article_id"] for q in query.quotes(store, speaker="Vladimir Putin")] == ["a1"]
    assert query.quotes(store, speaker="Lukashenko") == []
    assert [q["text"] for q in query.quotes(store, text="sochi")] == ["met in Sochi"]
    assert query.quotes(store, text="Minsk") == []
    line = query.timeline(store, actor="Lukashenko")
    assert [r["date"] for r in line] == sorted(r["date"] for r in line)
    assert {"event", "date"} == {r["item"] for r in line}
    stats = {(r["group"], r["key"]): r["count"] for r in query.stats(store)}
    assert stats[("total", "articles")] == 3 and stats[("total", "duplicates")] == 1
    assert stats[("total", "events")] == 2 and ("event_type", "SANCTION") not in stats
    assert stats[("outlet", "Wire")] == 2 and ("outlet", "Copy") not in stats
