"""Attributed claims and hearsay (issue 3): the source, the hedge, and the line
between a quote and a claim, on hand-written wire copy and the seed article."""

from __future__ import annotations


import pytest

from newsgraph.extract.claims import crosses, hard_breaks

from conftest import SEED


def only(claims, contains):
    found = [c for c in claims if contains in c.text]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


def test_page_break_inside_a_sentence_is_not_a_hard_break():
    text = "Russian media reported that Lukashenko and Putin\n\nstruck a deal. It ended.\n\nNext."
    breaks = hard_breaks(text)
    assert len(breaks) == 1 and text[breaks[0] - 1] == "."
    assert not crosses(breaks, text.index("reported"), text.index("struck"))
    assert crosses(breaks, text.index("deal"), text.index("Next"))


@pytest.mark.model
def test_according_to(analyze):
    rec = analyze("According to Russian press reports, further sanctions might target Russian officials.")
    c = only(rec.claims, "further sanctions might target")
    assert c.source_text == "Russian press reports" and c.hedged
    assert rec.article.text[c.source_span.start:c.source_span.end] == "Russian press reports"
    assert "According" not in c.text


@pytest.mark.model
def test_media_reports_suggested_is_hedged(analyze):
    rec = analyze("Media reports earlier suggested that Russia is working on the release of the banker.")
    c = only(rec.claims, "Russia is working on the release")
    assert c.source_text == "Media reports" and c.hedged
    assert rec.quotes == []


@pytest.mark.model
def test_media_reported_is_a_claim_not_a_quote(analyze):
    rec = analyze("Russian media reported that the two leaders struck a deal in Sochi in September.")
    c = only(rec.claims, "the two leaders struck a deal")
    assert c.source_text == "Russian media" and not c.hedged
    assert rec.quotes == []


@pytest.mark.model
def test_page_break_inside_the_reported_sentence(analyze):
    rec = analyze("Russian media reported that Lukashenko and Putin\n\nstruck a deal in Sochi back in September.")
    c = only(rec.claims, "struck a deal")
    assert c.source_text == "Russian media"


@pytest.mark.model
@pytest.mark.parametrize("text, content, source, hedged", [
    ("At least 40 people were killed in the raids, the rights group said.", "At least 40 people were killed",
     "the rights group", False),
    ("Analysts say the toll could be higher than the government admits.", "the toll could be higher",
     "Analysts", True),
    ("Two soldiers died in the attack on the base, officials said.", "Two soldiers died", "officials", False),
])
def test_generic_sources_make_claims(analyze, text, content, source, hedged):
    rec = analyze(text)
    c = only(rec.claims, content)
    assert c.source_text == source and c.hedged is hedged
    assert not [q for q in rec.quotes if content in q.text]


@pytest.mark.model
def test_reportedly_is_a_sourceless_hedged_claim(analyze):
    rec = analyze("The details are unclear, but the agreement reportedly involves constitutional changes.")
    c = only(rec.claims, "involves constitutional changes")
    assert c.source is None and c.source_text is None and c.hedged


@pytest.mark.model
def test_reportedly_claim_leaves_out_the_framing_clause(analyze):
    rec = analyze("While the details of the deal are unclear, it reportedly involves constitutional changes.")
    c = only(rec.claims, "involves constitutional changes")
    assert c.text.startswith("it reportedly involves")


@pytest.mark.model
def test_named_official_speaking_is_a_quote_not_a_claim(analyze):
    rec = analyze("Foreign Minister Sergey Lavrov said that Moscow would not interfere in the vote.")
    assert rec.claims == []
    assert [q.kind for q in rec.quotes] == ["indirect"]


# --- the seed article ----------------------------------------------------------

@pytest.fixture(scope="module")
def seed(analyze):
    if not SEED.exists():
        pytest.skip(f"{SEED} not found (../shared is not mounted)")
    return analyze(SEED.read_text(encoding="utf-8"), plain=False)


@pytest.mark.model
@pytest.mark.parametrize("content, source, hedged", [
    ("Russia is working on the release of the ex-CEO", "Media reports", True),
    ("struck a deal in Sochi", "Russian media", False),
    ("involves constitutional changes", None, True),
    ("political experts interpret Lukashenko’s latest statement", "Nezavisimaya Gazeta", False),
    ("further sanctions might target", "Russian press reports", True),
])
def test_seed_claims(seed, content, source, hedged):
    c = only(seed.claims, content)
    if source is None:
        assert c.source_text is None
    else:
        assert source in (c.source_text or "")
        assert seed.article.text[c.source_span.start:c.source_span.end] == c.source_text
    assert c.hedged is hedged
    assert seed.article.text[c.start:c.end] == c.text
