"""A group named by a role noun: its sector comes from its words, not from its name string (an
international body's people are IGO, with no country), and its name keeps a space where words
between two of its own were left out (quotes); a bracketed acronym is left out of it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _actors(analyze, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.country, a.sector) for a in analyze(text).actors if a.kind == "group"}


@pytest.mark.parametrize("text, name", [
    ("On Tuesday UN officials said the aid convoy had reached the northern town.", "UN officials"),
    ("NATO officials in Kabul denied the report about the air strike.", "NATO officials"),
    ("Officials of the Arab League arrived in Cairo on Friday to discuss the truce.", "Officials"),
])
def test_an_international_body_s_people_are_igo_with_no_country(analyze, text, name):
    assert _actors(analyze, text)[name] == (None, "IGO")


def test_a_bracketed_acronym_neither_glues_the_name_nor_changes_the_sector(analyze):
    groups = _actors(analyze, "Two weeks ago European Union (EU) diplomats warned that the talks could fail.")
    [(name, attrs)] = [(n, a) for n, a in groups.items() if "diplomats" in n]
    assert (name, attrs) == ("European Union diplomats", (None, "IGO"))


def test_a_country_word_keeps_an_international_force_s_contingent_national(analyze):
    assert _actors(analyze, "Greek UN peacekeepers patrolled the buffer zone.")["Greek UN peacekeepers"][0] == "GRC"


def test_two_bodies_officials_are_two_actors(analyze):
    groups = _actors(analyze, "UN officials and EU officials met in Geneva on Monday.")
    assert groups.get("UN officials") == (None, "IGO") and groups.get("EU officials") == (None, "IGO")


@pytest.mark.parametrize("text, name", [
    ('The government accused the "radical" opposition of planning riots.', "radical opposition"),
    ('Local "independent" journalists were detained in the capital.', "Local independent journalists"),
    ("The Federal Customs Service (FCS) officers seized the cargo at the port of Odessa.",
     "Federal Customs Service officers"),
])
def test_a_left_out_word_leaves_a_space_in_the_name(analyze, text, name):
    assert name in _actors(analyze, text)


def test_an_international_force_is_not_joined_to_a_country_s_troops(analyze):
    groups = _actors(analyze, "Rebels attacked a fuel convoy bound for NATO troops near the border. "
                              "Kenyan troops later recovered two trucks.")
    assert groups.get("NATO troops") == (None, "IGO") and groups.get("Kenyan troops") == ("KEN", "MIL")


def test_the_bare_noun_again_is_the_one_international_body_s_group(analyze):
    record = analyze("NATO commanders met in Brussels on Friday. The commanders agreed to send more ships.")
    [group] = [a for a in record.actors if a.kind == "group"]
    assert (group.name, group.country, group.sector, len(group.mentions)) == ("NATO commanders", None, "IGO", 2)


@pytest.mark.parametrize("text, keep, name", [
    ('the "hardline" wing', [2, 4], "hardline wing"),  # quotes left out: a space
    ("al-Nur gunmen", [0, 2, 3], "al-Nur gunmen"),  # a hyphen inside a word left out: put back
    ("coast guard (CG) crews", [0, 1, 5], "coast guard crews"),
])
def test_phrase_spaces_words_around_what_was_left_out(text, keep, name):
    import spacy

    from newsgraph.extract.actors.state import _phrase

    doc = spacy.blank("en")(text)
    assert _phrase([doc[i] for i in keep]) == name
