"""Groups named by a collective noun and the words before it (session 18, ``actors/groups.py``
and ``data/group_heads.tsv``): "Ruritanian groups", "student groups", "Springfield troopers",
"separatist units" are one group actor with the modifier's country and sector, not the state
the nationality word was read as, nor nothing. Hand-written texts, far from any evaluation
story."""

import pytest

from newsgraph.extract.actors.groups import group_words

STORY = ("Unrest in Kenya\n\nNAIROBI, Kenya - Kenyan officials said on Monday that the dispute over "
         "the new dam was growing. {} The Kenyan government promised an inquiry.")


def _side(record, trigger, role):
    actors = {a.id: a for a in record.actors}
    return [actors.get(getattr(e, role)) for e in record.events if e.trigger.text == trigger]


def test_table_reads():
    heads, modifiers, generic = group_words()
    assert "group" in heads and heads["warlord"] == "REB" and heads["group"] is None
    assert modifiers["rights"] == "NGO" and "terrorist" in generic


@pytest.mark.model
@pytest.mark.parametrize("sentence,trigger,role,name,country,sector", [
    # the nationality word was read as the state: now the group is the side
    ("Some Ugandan student groups criticised the minister.", "criticised", "source", "student groups", "UGA", "EDU"),
    ("Tanzanian groups condemned the dam.", "condemned", "source", "tanzanian groups", "TZA", None),
    # no actor at all before
    ("Human rights groups criticised the police.", "criticised", "source", "human rights groups", None, "NGO"),  # NGOs: no story country
    ("Ethiopian warlords attacked the border post.", "attacked", "source", "ethiopian warlords", "ETH", "REB"),
    ("Armed groups attacked the border post.", "attacked", "source", "armed groups", "KEN", "REB"),  # not MIL
    ("Muslim separatist groups attacked the border post.", "attacked", "source", "separatist groups", "KEN",
     "REB"),  # the word nearest the noun says what kind of group
    ("Separatist units shelled the villages near the dam.", "shelled", "source", "separatist units", "KEN", "REB"),
])
def test_group_sides(analyze, sentence, trigger, role, name, country, sector):
    found = _side(analyze(STORY.format(sentence), plain=False), trigger, role)
    assert any(a is not None and name in a.name.lower() and a.country == country and a.sector == sector
               and a.kind == "group" for a in found), (found, sentence)


@pytest.mark.model
def test_place_modifier(analyze):
    record = analyze("Highway patrol in Texas\n\nTexas troopers arrested two men on Monday near Houston, "
                     "officials said.", plain=False)
    troopers = [a for a in record.actors if a.name == "Texas troopers"]
    assert troopers and troopers[0].country == "USA" and troopers[0].sector == "COP", record.actors


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "Several groups criticised the minister.",  # no modifier: the group named before, not resolved
    "The minister was accused of aiding terrorist groups.",  # a kind of group, not a party
    "Ugandan and Rwandan units shelled the villages.",  # two countries' units: not one actor
    "The rebel groups Alpha Front and Beta Army denied it.",  # the named groups are the parties
])
def test_no_group(analyze, sentence):
    record = analyze(STORY.format(sentence), plain=False)
    assert not any(a.name.lower().endswith(("groups", "units")) for a in record.actors), record.actors


@pytest.mark.model
def test_party_name_modifier_left_alone(analyze):
    """A party's name on the noun ("Labour groups") is the party reader's, not read here."""
    record = analyze("Pay row in Britain\n\nLONDON - The Labour Party and Labour groups criticised the "
                     "pay chief on Monday.", plain=False)
    assert not any(a.name == "Labour groups" for a in record.actors), record.actors
