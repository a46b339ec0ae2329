"""Missed events, session 9: verb classes that coded nothing (weapons fire, envoys summoned or
recalled, mocking, barring from office, forces ordered to a border), the readings that stay no
event, and the classes tried and left out. Hand-written sentences only (names, places and wording
are invented for these tests)."""

import datetime as dt

import pytest

from newsgraph.extract.events.lexicon import load_lexicon


def _events(analyze, text, word):
    rec = analyze(text)
    return [(e.type, e.cameo) for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word and not e.negated]


def test_rows_give_each_class_its_code():
    lex = load_lexicon()
    assert lex.match("verb", "fire", {"mortar"}).cameo == "194"
    assert "off" in lex.match("verb", "fire", {"director"}).flags  # a dismissal
    assert lex.match("verb", "summon", {"envoy"}).plover.type == "ACCUSE"
    assert lex.match("verb", "summon", {"witness"}) is None
    assert lex.match("verb", "recall", {"diplomat"}).plover.type == "SANCTION"
    assert lex.match("verb", "recall", {"product"}) is None
    assert lex.match("verb", "order", {"troop", "to", "border"}).plover.type == "MOBILIZE"
    assert lex.match("verb", "order", {"troop", "to", "withdraw"}).plover.type == "REQUEST"
    assert lex.match("verb", "bar", {"door"}) is None


def test_classes_left_out_after_the_unseen_check_have_no_rows():
    lex = load_lexicon()  # right < 70 % on unseen text (docs/history/evaluation-log.md, "Session 9 — missed events")
    for verb in ("wound", "injure", "insult", "caution", "impeach", "punch"):
        assert lex.match("verb", verb, set()) is None, verb
    assert lex.match("noun", "execution", set()) is None


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    ("Militants fired mortars at a Malian army base overnight.", "fired", "ASSAULT"),
    ("Rebel gunners fired rockets into the Chadian border town on Sunday.", "fired", "194"),
    ("Police fired tear gas at a crowd of Bolivian miners in Potosi.", "fired", "175"),  # repression
    ("The Polish foreign ministry summoned the Belarusian ambassador on Tuesday.", "summoned", "ACCUSE"),
    ("Peru recalled its envoy from Caracas after the dispute.", "recalled", "SANCTION"),
    ("Opposition deputies mocked the Slovak prime minister during the budget debate.", "mocked", "ACCUSE"),
    ("The electoral board barred the Zambian opposition leader from the ballot.", "barred", "COERCE"),
    ("Ruritania's defence chief ordered extra troops to its northern border on Monday.", "ordered", "MOBILIZE"),
])
def test_the_missed_classes_now_code(analyze, text, word, typ):
    assert typ in {x for pair in _events(analyze, text, word) for x in pair}  # PLOVER type or CAMEO code


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The Norwegian broadcaster fired its director after the scandal.", "fired"),
    ("The court summoned three witnesses to testify on Monday.", "summoned"),
    ("The carmaker recalled 40,000 vehicles in Brazil.", "recalled"),
])
def test_the_readings_that_are_no_event_stay_silent(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.fixture(scope="module")
def code(nlp):
    def run(text: str):
        doc = nlp.make_doc(text)
        doc._.published = dt.date(2021, 3, 1)
        return nlp(doc)._.event_details

    return run


@pytest.mark.model
def test_a_toll_takes_the_source_of_the_attack_folded_into_it(code):
    """"were killed after troops opened fire": the "after" clause is folded into the toll, and its
    subject is the perpetrator ("opened fire" read with its object), even when the clause holds
    another act as well (a release)."""
    for text in ("Two Belgian agents were killed after Nigerien troops opened fire on their car.",
                 "Two Belgian agents were killed after Nigerien troops opened fire on the car they were "
                 "riding in shortly after the hostage's release."):
        killed = next(c for c in code(text) if c.event.trigger.text == "killed")
        assert killed.source is not None and "troops" in killed.source.text
