"""Session 13 (branch h-critic): a naming verb's fault read from the whole predicate (its
conjuncts, a predicate noun's modifier or "of" noun, a few more epithets), and a claim named
untrue as a rejection. Hand-written sentences, not from any evaluation set."""

import pytest


def _coded(rec, type_):
    countries = {a.id: a.country for a in rec.actors}
    return [(countries.get(e.source), countries.get(e.target)) for e in rec.events
            if e.type == type_ and not e.negated and e.trigger.text.lower().startswith(("call", "descr", "label", "dub"))]


@pytest.mark.model
@pytest.mark.parametrize("text, source, target", [
    ("The Peruvian president called the Chilean decision tasteless and unacceptable.", "PER", "CHL"),
    ("Bolivia's foreign minister called the Brazilian blockade a cowardly act.", "BOL", "BRA"),
    ("The Venezuelan government called the American embargo an act of aggression.", "VEN", "USA"),
    ("Ecuador's president described Colombia's vote as a political stunt.", "ECU", "COL"),
])
def test_a_fault_anywhere_in_the_named_predicate_criticises(analyze, text, source, target):
    assert _coded(analyze(text), "ACCUSE") == [(source, target)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Peruvian minister described the Chilean plan as no stunt.",  # the fault is denied
    "The Peruvian minister called the Chilean bridge a fine piece of work.",  # no fault
])
def test_a_denied_fault_or_praise_criticises_no_one(analyze, text):
    assert not _coded(analyze(text), "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A Peruvian spokesman called the Chilean accusations baseless.",
    "The Bolivian ministry labelled the Brazilian report as nonsense.",
])
def test_a_claim_named_untrue_is_rejected_not_criticised(analyze, text):
    rec = analyze(text)
    assert not _coded(rec, "ACCUSE")
    assert [s for s, _ in _coded(rec, "REJECT")] in (["PER"], ["BOL"])
