"""Quantities: the surface parser without a model, then the component on hand-written sentences."""

from __future__ import annotations

import pytest

from hypothesis import given, strategies as st

from newsgraph.extract.quantities import match_modifier, parse_number, parse_number_words, parse_quantity


@pytest.mark.parametrize("text, value", [
    ("three", 3), ("twenty-five", 25), ("two dozen", 24), ("a million", 1e6),
    ("three hundred thousand", 3e5), ("two hundred and fifty", 250), ("half a million", 5e5),
])
def test_number_words(text, value):
    assert parse_number_words(text) == (value, "eq")


def test_vague_plurals_are_at_least_two_of_them():
    assert parse_number_words("dozens") == (24, "ge")
    assert parse_number_words("tens of thousands") == (20_000, "ge")
    assert parse_number_words("hundreds") == (200, "ge")


@pytest.mark.parametrize("text", ["the", "one of", "people", ""])
def test_not_numbers(text):
    assert parse_number_words(text) is None


@pytest.mark.parametrize("text, value", [
    ("135,000", 135_000), ("9.5 million", 9.5e6), ("3.5bn", 3.5e9), ("20m", 2e7), ("1.2 billion", 1.2e9),
])
def test_digits_with_scales(text, value):
    assert parse_number(text) == (value, "eq")


def test_unknown_suffix_is_not_a_number():
    assert parse_number("20xyz") is None


@pytest.mark.parametrize("words, approx", [
    (["at", "least"], "ge"), (["more", "than"], "gt"), (["just", "under"], "le"), (["up", "to"], "le"),
    (["nearly"], "lt"), (["almost"], "lt"), (["roughly"], "approx"), (["an", "estimated"], "approx"),
    (["police", "said", "some"], "approx"), (["over"], "gt"),
])
def test_modifiers(words, approx):
    assert match_modifier(words)[0] == approx


def test_no_modifier():
    assert match_modifier(["police", "arrested"]) is None


@pytest.mark.parametrize("text, value, unit, approx", [
    ("at least 300", 300, None, "ge"),
    ("over 135,000", 135_000, None, "gt"),
    ("just under 9.5 million", 9.5e6, None, "le"),
    ("roughly 2.5 percent", 2.5, "percent", "approx"),
    ("$3.5 billion", 3.5e9, "USD", "eq"),
    ("€20m", 2e7, "EUR", "eq"),
    ("£1.5bn", 1.5e9, "GBP", "eq"),
    ("up to 40 km", 40, "km", "le"),
    ("12%", 12, "percent", "eq"),
    ("5,000 tonnes", 5000, "t", "eq"),
    ("200 or more", 200, None, "ge"),
    ("some two dozen", 24, None, "approx"),
    ("between 200 and 300", 200, None, "ge"),
    ("5-10 percent", 5, "percent", "ge"),
    ("20 to 30 million", 2e7, None, "ge"),
])
def test_parse_quantity(text, value, unit, approx):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit, q.approx) == (value, unit, approx)


@given(st.text(max_size=40))
def test_parse_quantity_never_raises(text):
    q = parse_quantity(text)
    assert q is None or q.value >= 0


def test_a_falling_pair_is_not_a_range():
    assert parse_quantity("257-171") is None  # a vote tally


def test_parse_quantity_keeps_the_modifier_length():
    assert parse_quantity("at least 300").prefix_chars == len("at least ")


# --- the component --------------------------------------------------------------------------

def _by_text(record):
    return {q.text: q for q in record.quantities}


@pytest.mark.model
def test_hedged_counts_and_what_they_count(analyze):
    rec = analyze("Police detained at least 300 protesters in the capital on Sunday. "
                  "The country of just under 9.5 million people has recorded over 135,000 cases. "
                  "Over 37,000 of these were confirmed in the past month, and over 11,000 were added last week.")
    q = _by_text(rec)
    assert (q["at least 300"].value, q["at least 300"].approx, q["at least 300"].about) == (300, "ge", "protesters")
    assert (q["just under 9.5 million"].value, q["just under 9.5 million"].about) == (9.5e6, "people")
    assert (q["over 135,000"].approx, q["over 135,000"].about) == ("gt", "cases")
    assert q["Over 37,000"].about == "cases"   # "these" resolved to the previous count
    assert q["over 11,000"].about == "cases"   # bare number inherits the previous count


@pytest.mark.model
def test_money_and_percent(analyze):
    rec = analyze("The government pledged $3.5 billion in aid, while Brussels offered €20m. "
                  "Turnout fell by roughly 2.5 percent.")
    q = _by_text(rec)
    assert (q["$3.5 billion"].value, q["$3.5 billion"].unit) == (3.5e9, "USD")
    assert (q["€20m"].value, q["€20m"].unit) == (2e7, "EUR")
    assert (q["roughly 2.5 percent"].value, q["roughly 2.5 percent"].approx) == (2.5, "approx")


@pytest.mark.model
def test_dates_years_and_lone_one_are_not_quantities(analyze):
    rec = analyze("On 12 May 2019, one of the main opposition leaders was jailed; the protests began in 2014. "
                  "Three officers were injured.")
    texts = [q.text for q in rec.quantities]
    assert texts == ["Three"]
    assert rec.quantities[0].about == "officers"


@pytest.mark.model
def test_offsets_match_the_text(analyze):
    rec = analyze("Nearly 2,000 workers went on strike, and some two dozen factories closed.")
    for q in rec.quantities:
        assert rec.article.text[q.start:q.end] == q.text
    q = _by_text(rec)
    assert q["Nearly 2,000"].approx == "lt"
    assert (q["some two dozen"].value, q["some two dozen"].about) == (24, "factories")


@pytest.mark.model
def test_labels_and_multipliers(analyze):
    rec = analyze("See Part 2 of the report; the senator is number two in the polls. "
                  "He told BBC Radio 4 that the ban starts at 0001 GMT. "
                  "Imports were three times higher, and the blasts killed a dozen people.")
    q = _by_text(rec)
    assert set(q) == {"three times", "a dozen"}
    assert q["three times"].unit == "times"
    assert (q["a dozen"].value, q["a dozen"].about) == (12, "people")


def test_component_rules_on_a_hand_built_doc():
    """Span widening, hedges and the counted noun without the model: a parse set by hand."""
    import spacy
    from spacy.tokens import Doc, Span

    from newsgraph.extract.quantities import extract_quantities

    words = ["Police", "arrested", "at", "least", "300", "people", "on", "30", "November", "."]
    heads = [1, 1, 3, 4, 5, 1, 1, 8, 6, 1]
    deps = ["nsubj", "ROOT", "advmod", "advmod", "nummod", "dobj", "prep", "nummod", "pobj", "punct"]
    pos = ["NOUN", "VERB", "ADP", "ADJ", "NUM", "NOUN", "ADP", "NUM", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 4, 5, "CARDINAL"), Span(doc, 7, 9, "DATE")]
    [q] = extract_quantities(doc)
    assert (q.text, q.value, q.approx, q.about) == ("at least 300", 300, "ge", "people")
