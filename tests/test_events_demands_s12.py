"""Demands by construction (issue 10, session 12): a demand told with a "for ... to" clause
("pressed for the governor to quit"), the demand code read from the act asked for
(``data/demands.tsv``: asking a leader to resign is CAMEO 1041, asking for a pull-out 1056) and
the party a resignation or withdrawal names with "of" or a possessor as the demand's target.
Hand-written texts, far from any evaluation story."""

import pytest

from newsgraph.extract import data_rows
from newsgraph.extract.events.lexicon import load_cameo2plover, plover_for


def _requests(rec):
    actor = {a.id: a for a in rec.actors}.get
    out = [(e.cameo, actor(e.source), actor(e.target)) for e in rec.events
           if e.type == "REQUEST" and not e.negated]
    assert out, "no REQUEST event"
    return out


def _named(a, word):
    return a is not None and word in a.name.lower()


def test_demand_table_pairs_yield_codes_with_demand_codes():
    table = load_cameo2plover()
    rows = data_rows("demands.tsv")
    assert rows
    for yielded, demanded, *_ in rows:
        assert plover_for(yielded, table).type in ("CONCEDE", "RETREAT"), yielded
        assert plover_for(demanded, table).type == "REQUEST", demanded


@pytest.mark.model
def test_a_for_to_clause_is_a_demand_made_of_its_subject(analyze):
    rec = analyze("Pressure on the palace\n\n"
                  "Farmers' unions in Tarnovia called for Agriculture Minister Pavel Drozd to resign on Sunday.")
    reqs = _requests(rec)
    assert any(code == "1041" and _named(src, "unions") and _named(tgt, "drozd") for code, src, tgt in reqs)


@pytest.mark.model
def test_a_for_to_clause_with_another_act_keeps_the_plain_code(analyze):
    rec = analyze("Standoff in the valley\n\n"
                  "The Velmar city council pushed for the provincial governor to open talks with the strikers.")
    reqs = _requests(rec)
    assert any(_named(tgt, "governor") for _, _, tgt in reqs)
    assert all(code != "1041" for code, _, _ in reqs)


@pytest.mark.model
def test_waiting_for_someone_to_arrive_is_no_demand(analyze):
    rec = analyze("Quiet morning\n\n"
                  "The Velmar mayor waited for the fire brigade to arrive at the depot.")
    assert not [e for e in rec.events if e.type == "REQUEST"]


@pytest.mark.model
def test_the_party_a_resignation_names_is_the_target(analyze):
    rec = analyze("Pressure on the palace\n\n"
                  "Student groups called for the resignation of Prime Minister Ilse Varnholm on Monday.")
    reqs = _requests(rec)
    assert any(code == "1041" and _named(tgt, "varnholm") for code, _, tgt in reqs)


@pytest.mark.model
def test_a_possessor_of_a_withdrawal_is_the_target(analyze):
    rec = analyze("Border row\n\n"
                  "The Mexican foreign ministry pressed for Guatemala's withdrawal from the disputed islet.")
    reqs = _requests(rec)
    assert any(code == "1056" and tgt is not None and tgt.country == "GTM" for code, _, tgt in reqs)


@pytest.mark.model
def test_the_people_a_release_names_are_not_the_target(analyze):
    # the captives are held by another party: the demand is not made of them
    rec = analyze("Hostage appeal\n\n"
                  "The Chilean government called for the release of two kidnapped Chilean engineers.")
    reqs = _requests(rec)
    assert any(code == "1053" for code, _, _ in reqs)
    assert all(not _named(tgt, "engineers") for _, _, tgt in reqs)
