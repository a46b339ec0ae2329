"""Sources the clause gives indirectly (issue 10): a passive verb coordinated with an active
one takes its "by" phrase as source, not the shared subject (.passives), and the unnamed rest of
a coordinated source adds no event (.others). Hand-written texts, far from any evaluation story."""

import pytest


def _sources(rec, trigger):
    by_id = {a.id: a for a in rec.actors}
    out = [by_id.get(e.source) for e in rec.events if e.trigger.text == trigger and not e.negated]
    assert out, f"no event on {trigger!r}"
    return out


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
