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


@pytest.fixture()
def dated(tmp_path: Path):
    """Events filed under days of every grain: a day, a year, an ISO week, a season."""
    with Store(tmp_path / "d.db") as s:
        for aid, published, date in (("d1", "2004-06-15", "2004-06-14"), ("d2", "2005-01-05", "2004-12-31"),
                                     ("d3", "2005-03-01", "2005"), ("d4", "2005-03-02", "2005-W06"),
                                     ("d5", "2005-09-01", "2005-SU"), ("d6", "2006-01-02", None)):
            s.write(_article(aid, published, "Putin and Lukashenko met in Sochi.", "CONSULT", date=date))
        yield s


def _ids(rows) -> set[str]:
    return {r["article_id"] for r in rows}


def test_date_filters_mean_whole_periods(dated: Store) -> None:
    """`--since 2005 --until 2005` returned only events dated exactly "2005"; `--until 2004` dropped
    most of 2004."""
    year = _ids(query.events(dated, since="2005", until="2005"))
    assert year == _ids(query.events(dated, since="2005-01-01", until="2005-12-31")) == {"d3", "d4", "d5"}
    assert _ids(query.events(dated, until="2004")) == {"d1", "d2"}
    assert _ids(query.events(dated, since="2005-02", until="2005-02")) == {"d3", "d4"}  # the year overlaps
    assert _ids(query.events(dated, since="2005-03")) == {"d3", "d5", "d6"}  # week 6 ended in February
    assert _ids(query.events(dated, since="2005-07-01", until="2005-07-31")) == {"d3", "d5"}  # summer
    assert [r["id"] for r in query.search(dated, "Sochi", since="2005", until="2005")] == ["d5", "d4", "d3", "d2"]
    line = query.timeline(dated, since="2005", until="2005")
    starts = [query.period_start(r["date"]) for r in line]
    assert starts == sorted(starts) and {"2005-W06", "2005-SU", "2005"} <= {r["date"] for r in line}


@pytest.mark.parametrize("bad", ["banana", "2005-13", "2005-02-30", "05", "x" * 5000])
def test_unreadable_date_filter_is_an_input_error_naming_the_option(dated: Store, bad: str) -> None:
    with pytest.raises(InputError, match="^--since: .*YYYY-MM-DD"):
        query.events(dated, since=bad)
    with pytest.raises(InputError, match="^--until: "):
        query.search(dated, "Sochi", until=bad)
    with pytest.raises(InputError, match="^--until: "):
        query.timeline(dated, until=bad)


def test_filters_accept_what_people_type(store: Store) -> None:
    """--country usa / US, --sector gov, --kind persons, --outlet tass returned 0 rows."""
    blr = _ids(query.events(store, country="BLR"))
    for spelling in ("blr", "BY", "by", "Belarus", "belarus"):
        assert _ids(query.events(store, country=spelling)) == blr
    assert {r["name"] for r in query.actors(store, country="russia")} == {"Vladimir Putin"}
    assert len(query.actors(store, sector="gov")) == 2 and len(query.actors(store, kind="PERSON")) == 2
    assert [r["type"] for r in query.events(store, type="consult")] == ["CONSULT"]
    assert [r["id"] for r in query.search(store, "Sochi", outlet="tass")] == ["a1"]
    with pytest.raises(InputError, match="--kind.*did you mean person.*organization"):
        query.actors(store, kind="persons")
    with pytest.raises(InputError, match="--type.*ASSAULT"):
        query.events(store, type="assult")
    with pytest.raises(InputError, match="--sector.*GOV"):
        query.actors(store, sector="government agency")
    with pytest.raises(InputError, match="--country"):
        query.events(store, country="Atlantis")


def test_overlong_filter_values_are_refused(store: Store) -> None:
    """A 100,000-character value made SQLite fail with "LIKE or GLOB pattern too complex"."""
    long = "x" * 100_000
    for call in (lambda: query.events(store, actor=long), lambda: query.search(store, long),
                 lambda: query.quotes(store, text=long), lambda: query.search(store, "a", outlet=long),
                 lambda: query.actor_profile(store, long)):
        with pytest.raises(InputError, match="100,000 characters"):
            call()


def test_counts_match_unlimited_results(store: Store) -> None:
    assert query.count_events(store, actor="Putin") == len(query.events(store, actor="Putin", limit=None)) == 2
    assert query.count_search(store, "Lukashenko") == 3
    assert query.count_actors(store) == 2 and query.count_quotes(store) == 1
