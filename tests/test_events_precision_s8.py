"""Event precision, session 8: commercial offers, "gather" by its subject and object, assertions
that ask for nothing, agentless "was forced to", press releases, possibilities nobody holds,
plans the story tells, deals between firms, attributive participles. Hand-written sentences
only (names, places and wording are invented for these tests)."""

import pytest

from newsgraph.errors import InputError
from newsgraph.extract.events.lexicon import Lexicon, load_cameo2plover, load_lexicon, parse_rows


def test_an_open_head_keeps_the_compiled_rows_that_name_its_object():
    lex = load_lexicon()
    amnesty = lex.match("verb", "offer", {"amnesty", "@thing"})  # a row compiled from CAMEO.2.0
    assert amnesty is not None and "off" not in amnesty.flags and amnesty.cameo.startswith("03")
    assert "off" in lex.match("verb", "offer", {"subscription", "@thing"}).flags
    assert "off" not in lex.match("verb", "offer", set()).flags  # the bare reading is the hand row's
    assert lex.match("verb", "gather", {"@crowd"}).plover.type == "PROTEST"


def test_the_open_flag_parses_and_unknown_flags_still_fail():
    table = load_cameo2plover()
    lex = Lexicon()
    for e in parse_rows("verb\tlend @thing\t070\t\t\t\toff open\n", table):
        lex.add(e)
    assert lex.match("verb", "lend", {"@thing"}).flags == frozenset({"off", "open"})
    with pytest.raises(InputError):
        parse_rows("verb\tlend\t070\t\t\t\tajar\n", table)


def _events(analyze, text, word):
    rec = analyze(text)
    return [(e.type, e.cameo) for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word and not e.negated]


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Two telecom firms offered cheaper broadband packages to customers in Lagos.", "offered"),
    ("The bakery chain offers free delivery to its members.", "offers"),
    ("Support for the new tax gathered pace in the capital last week.", "gathered"),
    ("The finance minister insisted the currency was stable.", "insisted"),
    ("The airline was forced to cancel its flights to Quito.", "forced"),
    ("The ministry said in a press release that the audit had ended.", "release"),
])
def test_a_reading_that_is_no_political_event_codes_nothing(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    ("Norway offered an amnesty to the rebels in the north on Monday.", "offered", "AGREE"),
    ("Hundreds of demonstrators gathered outside the parliament in Accra on Monday.", "gathered", "PROTEST"),
    ("Foreign ministers gathered in Oslo for talks on Tuesday.", "gathered", "CONSULT"),
    ("Soldiers forced the villagers to leave their homes near Goma.", "forced", "COERCE"),
    ("Kenya announced the release of forty prisoners on Friday.", "release", "CONCEDE"),
])
def test_the_political_reading_still_codes(analyze, text, word, typ):
    assert [t for t, _ in _events(analyze, text, word)] == [typ]


@pytest.mark.model
def test_an_obligation_after_insist_is_still_a_demand(analyze):
    rec = analyze("The Chilean president insisted that Peru must withdraw its troops.")
    assert any(e.type == "REQUEST" and not e.negated for e in rec.events)


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Sanctions could be imposed on the port if the talks fail.", "imposed"),
    ("Any new deal would need the approval of the regional assembly.", "deal"),
    ("Residents fear that the dam could be attacked at night.", "attacked"),
])
def test_a_possibility_nobody_holds_is_no_event(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
def test_a_stated_intention_keeps_its_source(analyze):
    rec = analyze("Ghana said on Monday it would impose sanctions on the smugglers.")
    hyp = [e for e in rec.events if e.hypothetical and not e.negated]
    assert hyp and all(e.source is not None for e in hyp)
    assert [e.id for e in rec.events] == [f"e{n}" for n in range(1, len(rec.events) + 1)]


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    ("The opposition plans to hold a rally in Lusaka on Friday.", "rally", "PROTEST"),
    ("The navy intends to deploy two frigates near the disputed reef.", "deploy", "MOBILIZE"),
])
def test_a_plan_the_story_tells_is_the_act_not_yet_done(analyze, text, word, typ):
    rec = analyze(text)
    evs = [e for e in rec.events if rec.article.text[e.trigger.start:e.trigger.end] == word]
    assert [(e.type, e.hypothetical) for e in evs] == [(typ, True)]


@pytest.mark.model
def test_a_plan_its_party_states_is_an_intent(analyze):
    rec = analyze("The Chilean navy said it plans to deploy two frigates near the disputed reef.")
    evs = [e for e in rec.events if rec.article.text[e.trigger.start:e.trigger.end] == "deploy"]
    assert [e.type for e in evs] == ["THREATEN"]


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Two Brazilian banks agreed on Monday to merge their card businesses.", "agreed"),
    ("Three Kenyan insurers welcomed the new pricing rules on Monday.", "welcomed"),
])
def test_a_deal_between_firms_is_no_political_event(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    ("The oil company agreed to pay the Nigerian government two billion dollars.", "agreed", "AGREE"),
    ("Prosecutors accused the bank of hiding losses from regulators.", "accused", "ACCUSE"),
    ("The central bank welcomed the new pricing rules on Monday.", "welcomed", "SUPPORT"),
])
def test_a_firm_dealing_with_a_political_party_still_codes(analyze, text, word, typ):
    assert [t for t, _ in _events(analyze, text, word)] == [typ]


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The investigating magistrate questioned two former ministers in Lima.", "investigating"),
    ("The visiting delegation toured a textile plant outside Dhaka.", "visiting"),
    ("Police said the alleged smuggler was carrying two passports.", "alleged"),
])
def test_an_attributive_participle_tells_a_kind_not_an_act(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
def test_a_participle_of_violence_still_tells_the_act(analyze):
    rec = analyze("The curfew followed the shooting deaths of three Chilean miners near Antofagasta.")
    assert any(rec.article.text[e.trigger.start:e.trigger.end] == "shooting" for e in rec.events)


@pytest.mark.model
def test_a_past_participle_done_to_its_noun_still_codes(analyze):
    rec = analyze("Rebels in the east released a kidnapped Bolivian engineer on Sunday.")
    assert any(rec.article.text[e.trigger.start:e.trigger.end] == "kidnapped" and e.type == "ASSAULT"
               for e in rec.events)
