"""Sources the clause gives indirectly (issue 10): a description of a named organisation told
before ("the group", "the rebels") takes that organisation, and only when the body named last
fits the noun (.anaphora); a passive verb coordinated with an active one takes its "by" phrase
as source, not the shared subject (.passives). Hand-written texts, far from any evaluation
story."""

import pytest

from newsgraph.extract.events.anaphora import descriptions


def _sources(rec, trigger):
    by_id = {a.id: a for a in rec.actors}
    out = [by_id.get(e.source) for e in rec.events if e.trigger.text == trigger and not e.negated]
    assert out, f"no event on {trigger!r}"
    return out


def test_the_table_reads_sectors_and_name_nouns():
    table = descriptions()
    sectors, by_name = table["rebel"]
    assert "REB" in sectors and not by_name
    assert "party" not in table  # the actor layer links "the party" to a named party itself
    assert "government" not in table  # the story country's own body, read by the actor layer


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("The Tarsan Liberation Army said on Monday it had blown up a railway bridge near Orvel. "
     "Police closed the line for two days. "
     "The group also rejected any talks with the provincial government.", "rejected"),
    ("The Tarsan Liberation Army, an armed separatist movement, said on Monday it had blown "
     "up a railway bridge near Orvel. Police closed the line for two days. "
     "The rebels also threatened engineers working on the line.", "threatened"),
])
def test_the_description_is_the_armed_group_named_before(analyze, text, trigger):
    (src,) = _sources(analyze("Bridge attack\n\n" + text), trigger)
    assert src is not None and "Tarsan Liberation Army" in src.name


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, body", [
    # "the group of farmers" is farmers, not the army named before
    ("The Tarsan Liberation Army said on Monday it had blown up a railway bridge. "
     "The group of farmers rejected the new tax on diesel.", "rejected", "Tarsan"),
    # a football association is no rebel movement
    ("The Ardanian Football Association said it would cut its budget. "
     "The rebels attacked an army post near the border on Sunday.", "attacked", "Football"),
])
def test_no_description_or_no_fitting_body_takes_nothing(analyze, text, trigger, body):
    assert all(s is None or body not in s.name for s in _sources(analyze("News\n\n" + text), trigger))


# --------------------------------------------------------------------------- passives (.passives)


@pytest.mark.model
def test_a_coordinated_passive_takes_its_by_phrase_as_source(analyze):
    rec = analyze("Envoy hurt\n\n"
                  "The Ardanian envoy arrived in Orvel on Monday and was attacked by Velan rebels near the port.")
    by_id = {a.id: a for a in rec.actors}
    (ev,) = [e for e in rec.events if e.trigger.text == "attacked"]
    assert ev.source is not None and "rebels" in by_id[ev.source].name
    assert ev.target is not None and "envoy" in by_id[ev.target].name


# --------------------------------------------------------------------------- unnamed rest (.others)


@pytest.mark.model
def test_the_unnamed_rest_of_a_coordinated_source_adds_no_event(analyze):
    rec = analyze("Quota row\n\n"
                  "Chile and its regional allies rejected the plan on Monday. Peru and Bolivia rejected the offer.")
    by_id = {a.id: a for a in rec.actors}
    plan = [by_id[e.source].name if e.source else None for e in rec.events if e.trigger.start < 60]
    assert plan == ["Chile"]
    offer = sorted(by_id[e.source].name for e in rec.events if e.trigger.start > 60 and e.source)
    assert offer == ["Bolivia", "Peru"]  # two named parties: both events stay
