"""Joint acts of "the two leaders" / "both countries" (issue 10, triples): the two parties named
just before act on each other (.twosides). Hand-written texts, far from any evaluation story."""

import pytest


def _pairs(rec, etype):
    names = {a.id: a.name for a in rec.actors}
    return {(names.get(e.source), names.get(e.target)) for e in rec.events if e.type == etype}


@pytest.mark.model
def test_the_two_leaders_are_the_two_named_before(analyze):
    rec = analyze("Kenyan President William Ruto flew to Kampala to see Ugandan President Yoweri Museveni. "
                  "The two leaders met on Tuesday and discussed the border dispute.")
    assert {("William Ruto", "Yoweri Museveni"), ("Yoweri Museveni", "William Ruto")} <= _pairs(rec, "CONSULT")


@pytest.mark.model
def test_talks_between_the_two_countries_and_a_third_party_kept(analyze):
    rec = analyze("A dispute over fishing rights divides Chile and Peru. "
                  "Negotiations between the two countries broke down on Friday.")
    assert {("Chile", "Peru"), ("Peru", "Chile")} <= _pairs(rec, "CONSULT")
    rec = analyze("Estonia and Latvia applied to join the union in 1995. "
                  "Both countries started negotiations with the European Union in 1998.")
    assert ("Estonia", "Latvia") not in _pairs(rec, "CONSULT")  # the talks are with the union
