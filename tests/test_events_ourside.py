"""A quoted speaker's "we" is the body the speaker's phrase ties them to
(``events/ourside.py``): the organisation named with the person ("X, a lawyer with the Y
Centre"), or for a minister or president the state of their country; a private person keeps
their own "we", and the swap never changes the event's confidence. Hand-written texts."""

import pytest


def _sides(record, trigger):
    actors = {a.id: a for a in record.actors}
    return [(actors.get(e.source), actors.get(e.target), e.confidence)
            for e in record.events if e.trigger.text == trigger]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,side,name", [
    ('"We will sue the city council," said Ana Ruiz, a lawyer with the Tenant Law Centre.',
     "sue", "source", "Tenant Law Centre"),
    ('Maria Lopez of the Dockworkers Union said: "We condemn the government for its decision."',
     "condemn", "source", "Dockworkers Union"),
    ('"The rebels attacked us," said Ana Ruiz, a spokeswoman for the Farmers League.',
     "attacked", "target", "Farmers League"),
    ('Norway has closed its border with Sweden. "We will not negotiate with the rebels," '
     'Norwegian Foreign Minister Anna Berg said on Monday.', "negotiate", "source", "Norway"),
])
def test_we_is_the_speakers_body(analyze, text, trigger, side, name):
    found = _sides(analyze(text, plain=True), trigger)
    actors = [pair[0 if side == "source" else 1] for pair in found]
    assert any(a is not None and a.name == name for a in actors), found


@pytest.mark.model
def test_private_person_keeps_their_we(analyze):
    found = _sides(analyze('"We condemn the police," said Jane Smith, a resident of the town.', plain=True),
                   "condemn")
    assert found and all(s is None or s.kind == "person" for s, _, _ in found), found


@pytest.mark.model
def test_swap_keeps_confidence(analyze, monkeypatch):
    from newsgraph.extract.events import ourside
    text = '"We will sue the city council," said Ana Ruiz, a lawyer with the Tenant Law Centre.'
    swapped = _sides(analyze(text, plain=True), "sue")
    monkeypatch.setattr(ourside, "fill_speaker_bodies", lambda doc, coded: None)
    import newsgraph.extract.events as events
    monkeypatch.setattr(events, "fill_speaker_bodies", lambda doc, coded: None)
    plain = _sides(analyze(text, plain=True), "sue")
    assert swapped[0][0].name == "Tenant Law Centre" and plain[0][0].name == "Ana Ruiz"
    assert [c for _, _, c in swapped] == [c for _, _, c in plain]


@pytest.mark.model
def test_body_without_a_country_keeps_the_placed_speaker(analyze):
    found = _sides(analyze('"We reject the plan from the city council," said Ana Ruiz, a Norwegian lawyer '
                           'with the Tenant Law Centre.', plain=True), "reject")
    assert found and found[0][0] is not None and found[0][0].name == "Ana Ruiz" and found[0][0].country == "NOR", found
