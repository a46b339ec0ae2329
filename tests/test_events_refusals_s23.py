"""Session 23 (issue 10, branch h-refuse23): a refusal told with a negated verb of accepting or
recognising, or with a verb of disregarding, is its subject's REJECT of the party or of the
party's demand, plan or decision (events/refusals.py, data/refusals.tsv); other negated acts
stay negated. Hand-written sentences (names, places and wording invented for these tests)."""

import pytest


def _coded(rec):
    countries = {a.id: a.country for a in rec.actors}
    return [(e.type, countries.get(e.source), countries.get(e.target), e.negated,
             rec.article.text[e.trigger.start:e.trigger.end]) for e in rec.events]


@pytest.mark.model
@pytest.mark.parametrize("text, word, source, target", [
    ("Chile does not recognize the Peruvian government.", "recognize", "CHL", "PER"),
    ("The Chilean opposition leader, who does not recognise Michelle Vera of Peru as president, spoke in Lima.",
     "recognise", "CHL", None),
    ("The Chilean government said it does not accept the Peruvian proposal.", "accept", "CHL", "PER"),
    ("Chile will not comply with the Peruvian ruling.", "comply", "CHL", "PER"),
    ('"We do not want the Peruvian mediation continuing here," the Chilean rebels said.', "want", "CHL", "PER"),
    ("The Chilean government has ignored demands by Peru to withdraw.", "ignored", "CHL", "PER"),
    ("The Peruvian government was never recognised by Chile.", "recognised", "CHL", "PER"),
])
def test_a_negated_acceptance_is_a_rejection(analyze, text, word, source, target):
    coded = _coded(analyze(text))
    on_word = [c for c in coded if c[4] == word]
    assert any(c[0] == "REJECT" and not c[3] and c[1] == source and (target is None or c[2] == target)
               for c in on_word), coded
    assert not any(c[0] != "REJECT" for c in on_word), coded  # the negated acceptance is not reported


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The Peruvian president did not attend the talks in Santiago.", "attend"),
    ("The Chilean president has not congratulated Peru.", "congratulated"),
    ("The Chilean ministry has not replied to questions from reporters.", "replied"),
    ("Chile did not accept responsibility for the attack.", "accept"),
    ("If Chile does not accept the Peruvian proposal, the talks will end.", "accept"),
    ("The Chilean president said he does not want an election.", "want"),
    ('"I do not want another Chilean soldier to die," the Peruvian senator said.', "want"),
    ("The Chilean press ignored Lima for years.", "ignored"),
    ("Peru urged the Chilean government not to accept the Bolivian offer.", "accept"),
])
def test_other_negated_acts_are_no_rejection(analyze, text, word):
    assert not [c for c in _coded(analyze(text)) if c[0] == "REJECT"]


@pytest.mark.model
def test_a_demand_ignored_is_the_asker_s(analyze):
    coded = _coded(analyze("The Chilean government has ignored demands by Peru to withdraw."))
    assert ("REQUEST", "PER", "CHL", False, "demands") in coded


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "India said it will not pull its troops back from the border.",
    "Chile will not pull back its troops.",
])
def test_pull_back_with_an_adverb_is_a_withdrawal(analyze, text):
    assert any(c[0] == "REJECT" and c[4] == "pull" for c in _coded(analyze(text)))


@pytest.mark.model
def test_troops_pulled_back_retreat(analyze):
    assert any(c[0] == "RETREAT" for c in _coded(analyze("Chile pulled its troops back from the border.")))
