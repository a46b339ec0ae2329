"""People named by a common noun as an event's side (session 16, ``events.people`` and
``data/people.tsv``): "attackers abducted two schoolchildren", "a passerby refused", "the mob
beat a shopkeeper" give group actors with the noun's CAMEO sector and the story's country; a
generic or unreal use ("any passerby", "pupils will welcome it") and a crowd that only moves
("the crowd dispersed") give none. Hand-written texts, far from any evaluation story."""

import pytest

from newsgraph.extract.events.people import people_nouns

STORY = ("Violence in Kenya\n\nNAIROBI, Kenya - Kenyan police said on Monday that the violence in "
         "the Rift Valley was spreading. {} The Kenyan government promised an inquiry.")


def _sides(record, trigger):
    actors = {a.id: a for a in record.actors}
    return [(actors.get(e.source), actors.get(e.target)) for e in record.events if e.trigger.text == trigger]


def test_people_table_has_sectors():
    nouns, gatherings = people_nouns()
    assert nouns["attacker"] == "REB" and nouns["passerby"] == "CVL" and nouns["suicide bomber"] == "INS"
    assert "crowd" in gatherings and "attacker" not in gatherings
    assert all(s in {"CVL", "EDU", "LAB", "JUD", "REB", "INS"} for s in nouns.values())


@pytest.mark.model
@pytest.mark.parametrize("sentence,trigger,side,word,sector", [
    ("Attackers abducted two schoolchildren near a market.", "abducted", "source", "attackers", "REB"),
    ("Attackers abducted two schoolchildren near a market.", "abducted", "target", "schoolchildren", "EDU"),
    ("A passerby refused to shake the governor's hand.", "refused", "source", "passerby", "CVL"),
    ("The mob beat a shopkeeper in the town centre.", "beat", "source", "mob", "CVL"),
    ("The mob beat a shopkeeper in the town centre.", "beat", "target", "shopkeeper", "CVL"),
    ("Soldiers fired tear gas at the crowd.", "fired", "target", "crowd", "CVL"),
    ("A suicide bomber detonated explosives at a checkpoint.", "detonated", "source", "bomber", "INS"),
])
def test_people_noun_sides(analyze, sentence, trigger, side, word, sector):
    found = _sides(analyze(STORY.format(sentence), plain=False), trigger)
    actors = [pair[0 if side == "source" else 1] for pair in found]
    assert any(a is not None and word in a.name.lower() and a.sector == sector and a.country == "KEN"
               for a in actors), (found, sentence)


@pytest.mark.model
@pytest.mark.parametrize("sentence,trigger", [
    ("Any passerby who refused was questioned.", "refused"),
    ("The pupils will welcome the new timetable.", "welcome"),
    ("Most of the crowd dispersed quickly after the speech.", "dispersed"),
])
def test_people_noun_no_side(analyze, sentence, trigger):
    for source, target in _sides(analyze(STORY.format(sentence), plain=False), trigger):
        for actor in (source, target):
            assert actor is None or not any(w in actor.name.lower() for w in ("passerby", "pupils", "crowd"))
