"""The counterpart a domestic act leaves unnamed (issue 10, session 20, ``events.unnamed``):
in a story set in one country, an act between its parties with one side unnamed takes that
country's unnamed party. Hand-written texts, far from any evaluation story."""

import pytest

pytestmark = pytest.mark.model

PERU = ("LIMA, Peru (AP) — Peruvian police detained dozens of students in Lima on Sunday after a "
        "march against the new university fees.\n\n")


def _event(record, trigger):
    found = [e for e in record.events if e.trigger.text == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger.text for e in record.events]}"
    return found[0]


def _actor(record, actor_id):
    return next(a for a in record.actors if a.id == actor_id)


def test_unnamed_target_of_a_domestic_act(analyze):
    rec = analyze(PERU + "Opposition leaders condemned the decision on Monday. "
                  "The interior ministry rejected the request.")
    for trigger in ("condemned", "rejected"):
        ev = _event(rec, trigger)
        assert ev.source is not None and _actor(rec, ev.source).country == "PER"
        side = _actor(rec, ev.target)
        assert (side.kind, side.country, side.sector, side.mentions) == ("unnamed", "PER", None, [])
    # one unnamed party per country and article, shared by its events
    assert sum(a.kind == "unnamed" for a in rec.actors) == 1


def test_no_unnamed_party_when_the_sentence_names_another_country(analyze):
    rec = analyze(PERU + "Opposition leaders condemned the decision, which Chile's foreign minister praised.")
    ev = _event(rec, "condemned")
    assert ev.target is None or _actor(rec, ev.target).kind != "unnamed"


def test_no_unnamed_party_in_a_story_about_two_countries(analyze):
    rec = analyze("Peru and Chile held talks in Santiago on Monday. The Chilean minister met his Peruvian "
                  "counterpart. Peruvian officials said Chile had closed the border, and Chilean officials "
                  "said Peru had. Peruvian opposition leaders condemned the decision.")
    assert not any(a.kind == "unnamed" for a in rec.actors)


def test_the_doer_of_violence_is_not_implied(analyze):
    rec = analyze(PERU + "A roadside bomb killed two Peruvian soldiers near Ayacucho on Monday.")
    ev = _event(rec, "killed")
    assert ev.source is None


def test_an_unnamed_side_does_not_raise_confidence(nlp):
    """The calibration counts the filled side as not placed: the event keeps the confidence it was read with."""
    from newsgraph.extract.events.confidence import features, load_model

    doc = nlp(PERU + "Opposition leaders condemned the decision on Monday.")
    c = next(c for c in doc._.event_details if c.event.trigger.text == "condemned")
    assert c.extra.get("target_unnamed")
    actors = {a.id: a for a in doc._.actors}
    as_read = features(c.extra["raw_confidence"], {"source": c.event.source, "target": None,
                                                   "hypothetical": c.event.hypothetical}, actors)
    assert c.event.confidence == load_model()(as_read)


def _side(rec, ev, side):
    actor_id = getattr(ev, side)
    return None if actor_id is None else _actor(rec, actor_id).kind


def test_violence_by_an_unarmed_party_is_a_figure_of_speech(analyze):
    """An ASSAULT's target takes the unnamed party only when its doer is armed (forces, police, rebels)."""
    rec = analyze(PERU + "Peruvian senators killed the pension bill on Tuesday.")  # a campaign "battled" is no event at all (.senses)
    assert _side(rec, _event(rec, "killed"), "target") != "unnamed"


def test_a_withdrawal_has_no_unnamed_counterpart(analyze):
    rec = analyze(PERU + "The opposition candidate Luis Marquez withdrew from the race on Monday.")
    assert _side(rec, _event(rec, "withdrew"), "target") != "unnamed"


def test_talks_keep_their_unnamed_counterpart(analyze):
    rec = analyze(PERU + "Peruvian union leaders met on Monday to discuss the strike.")
    assert _side(rec, _event(rec, "met"), "target") == "unnamed"


def test_a_protest_told_with_no_party_is_between_the_country_and_its_state(analyze):
    """Both sides empty: a protest (or an arrest) takes the unnamed party on both sides."""
    for text, trigger in (("Thousands marched through the streets of Cusco on Saturday.", "marched"),
                          ("The strike paralysed the port of Callao for three days.", "strike")):
        rec = analyze(PERU + text)
        ev = _event(rec, trigger)
        assert (_side(rec, ev, "source"), _side(rec, ev, "target")) == ("unnamed", "unnamed")


def test_other_acts_told_with_no_party_stay_empty(analyze):
    rec = analyze(PERU + "The merger deal was completed on Monday.")
    ev = _event(rec, "deal")
    assert (ev.source, ev.target) == (None, None)
