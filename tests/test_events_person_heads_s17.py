"""Event arguments headed by a noun for people that a plain noun compound qualifies (session 17,
``settle.person_head`` and ``data/person_heads.tsv``): "the village mayor", "creditor countries",
"a platoon commander" become group actors of the side where the actor layer made none, as
"300 farmers" or "army troops" already did. Hand-written texts, far from any evaluation story."""

import pytest

from newsgraph.extract.events.settle import person_head

STORY = ("Dispute in Kenya\n\nNAIROBI, Kenya - Kenyan officials said on Monday that the dispute over "
         "the new dam was growing. {} The Kenyan government promised an inquiry.")


def _sides(record, trigger):
    actors = {a.id: a for a in record.actors}
    return [(actors.get(e.source), actors.get(e.target)) for e in record.events if e.trigger.text == trigger]


@pytest.mark.model
@pytest.mark.parametrize("sentence,trigger,side,name,sector", [
    ("The farmers' union criticised the village mayor over the land sale.", "criticised", "target", "village mayor",
     "GOV"),  # was a civilian group, from another fill
    ("Creditor countries were asked to cancel the debt.", "asked", "target", "creditor countries", None),
    ("The rebels threatened to attack the border forces.", "threatened", "target", "border forces", "MIL"),
    ("The bank opened an investigation of its own board members.", "investigation", "target", "board members", None),
    ("A platoon commander was suspended after the raid.", "suspended", "target", "platoon commander", "MIL"),
])
def test_person_head_sides(analyze, sentence, trigger, side, name, sector):
    found = _sides(analyze(STORY.format(sentence), plain=False), trigger)
    actors = [pair[0 if side == "source" else 1] for pair in found]
    assert any(a is not None and name in a.name.lower() and (sector is None or a.sector == sector)
               for a in actors), (found, sentence)


@pytest.mark.model
@pytest.mark.parametrize("text,word,expected", [
    ("The town mayor spoke.", "mayor", True),
    ("Donor countries met.", "countries", True),
    ("Local officials met.", "officials", True),
    ("He made an official visit.", "official", False),  # an adjective, not a person
    ("The mayor spoke.", "spoke", False),
    ("The bank let market forces set the rate.", "forces", False),  # a thing of the economy
])
def test_person_head(nlp, text, word, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert person_head(tok) is expected, [(t.text, t.pos_, t.dep_) for t in doc]
