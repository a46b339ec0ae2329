"""A collective head stands for the plural it is made of (session 21, ``syntax.counted`` and
``data/collectives.tsv``): "a squad of Ruritanian policemen raided the depot, seizing crates"
is the policemen's act, and so is each act the squad's clause governs. Hand-written texts,
far from any evaluation story."""

import pytest

STORY = ("Raid in Ruritania\n\nThe Ruritanian interior ministry said on Tuesday that its police had "
         "entered the port of Ostrov. {} Dock workers said the raid lasted an hour.")


def _sources(record, trigger):
    actors = {a.id: a for a in record.actors}
    return [actors.get(e.source) for e in record.events if e.trigger.text == trigger]


@pytest.mark.model
def test_squad_of_policemen_is_the_policemen(analyze):
    sentence = "A squad of eight Ruritanian policemen tried to arrest the smugglers, seizing their boats."
    found = _sources(analyze(STORY.format(sentence), plain=False), "arrest")
    assert any(a is not None and "policemen" in a.name.lower() for a in found), found


def test_collectives_table():
    from newsgraph.extract.events.syntax import _collectives
    assert {"unit", "crowd", "delegation", "squad"} <= _collectives()
