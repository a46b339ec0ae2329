"""Session 7's memos and rewritten scans must give what the code they replace gives.
Hand-written inputs; no model needed."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import spacy

from newsgraph.extract.actors.knowledge import _dated, _role, agent_sector, load_knowledge
from newsgraph.extract.places import Candidate, Gazetteer, _lookup, resolve
from newsgraph.extract.timex.patterns import _STRONG, _WEAK, _WORD_RE, _starts

NLP = spacy.blank("en")


def _starts_by_walk(text: str) -> list[int]:
    """The word walk ``_starts`` replaced."""
    words = [(w.start(), w.group(0)) for w in _WORD_RE.finditer(text)]
    low = [w.lower() for _, w in words]
    return [start for i, (start, word) in enumerate(words)
            if low[i] in _STRONG or not word[0].isalpha()
            or (low[i] in _WEAK and any(x in _STRONG or x[0].isdigit() for x in low[i + 1:i + 5]))]


def test_time_starts_are_the_word_walks():
    texts = ["The talks resumed on Monday, after the holiday in the '90s style.",
             "In the end the two sides met again 3 weeks later, about the same time as before.",
             "No time word at all here but the the the a an", "", "2024", "'9 and 10 and the"]
    for text in texts:
        assert _starts(text) == _starts_by_walk(text)
    assert _starts("met in the spring") == [4, 7, 11]  # "in", "the": a time word follows


def test_role_and_agent_sector_read_the_lemma_then_the_form():
    kb = load_knowledge()
    doc = NLP("Police and WARSHIPS and the Ministers met")
    for tok, lemma in zip(doc, ["police", "and", "Warship", "and", "the", "minister", "meet"]):
        tok.lemma_ = lemma
    for tok in doc:
        want_role = kb.roles.get(tok.lemma_.lower()) or kb.roles.get(tok.lower_)
        want_agent = kb.agents.get(tok.lemma_.lower()) or kb.agents.get(tok.lower_)
        assert _role(kb, tok) == want_role and agent_sector(kb, tok) == want_agent
        assert _role(kb, tok) == want_role  # again, from the memo
    assert _role(kb, doc[0]) is not None and _role(kb, doc[1]) is None


def test_dated_lookups_are_kept_per_day():
    def state(day):
        doc = NLP("text")
        doc._.published = day
        return SimpleNamespace(doc=doc)

    assert _dated(state(dt.date(2012, 5, 1)), "Barack Obama") == ("USA", "GOV")
    assert _dated(state(dt.date(2019, 5, 1)), "Barack Obama") == ("USA", None)  # not the earlier day's
    assert _dated(state(dt.date(2012, 5, 1)), "Barack Obama") == ("USA", "GOV")
    assert _dated(state(dt.date(2012, 5, 1)), "Nobody Inparticular Atall") is None


def test_an_articles_lookups_are_the_gazetteers():
    gaz = Gazetteer()
    gaz.add("Strelsau", Candidate("Strelsau", "city", 1.0, 2.0, "RUR", 1, 500_000))
    gaz.add("Zenda", Candidate("Zenda", "admin", 1.0, 2.0, "RUR", 2))
    looked: dict = {}
    for name in ["Strelsau", "Zenda Province", "Nowhere", "Strelsau"]:
        assert _lookup(gaz, name, looked) == gaz.lookup(name)
        assert resolve(gaz, name, {}, looked) == resolve(gaz, name, {})
    assert set(looked) == {"Strelsau", "Zenda Province", "Nowhere", "zenda"}
    gaz.add("Nowhere", Candidate("Nowhere", "city", 0.0, 0.0, "RUR", 3, 10))  # a new article's lookups see it
    assert resolve(gaz, "Nowhere", {}, {}) is not None and _lookup(gaz, "Nowhere", None) == gaz.lookup("Nowhere")


def test_ext_reads_what_the_underscore_reads():
    from newsgraph.extract import _EXTENSIONS, ext

    doc = NLP("Ruritania protested .")
    for name in _EXTENSIONS:
        assert ext(doc, name) is getattr(doc._, name) is None  # unset: the declared default
    doc._.actors = ["an actor"]
    doc._.published = dt.date(2020, 1, 2)
    assert ext(doc, "actors") is doc._.actors and ext(doc, "published") == dt.date(2020, 1, 2)
    doc._.actors = None
    assert ext(doc, "actors") is None
    if not doc.has_extension("perf_probe"):
        doc.set_extension("perf_probe", getter=lambda d: len(d))
    assert ext(doc, "perf_probe") == 3  # not one of ours: read through doc._
