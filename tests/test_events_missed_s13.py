"""Missed events, session 13: the doer of an act noun that a clause names ("the bombing was
carried out by X", "X was behind / responsible for the raid"), and the accusation a state makes
by saying so; holding a party responsible for something; another party's act named with a fault
word in a report ("X's illegal blockade", "X's aggression"); the classes tried and left out. Hand-written sentences only (names, places and
wording are invented for these tests)."""

import pytest

from newsgraph.extract.events.lexicon import load_lexicon


def _sides(analyze, text, word):
    """(type, cameo, source country, target country) of the positive events on ``word``."""
    rec = analyze(text)
    country = {a.id: a.country for a in rec.actors}
    return [(e.type, e.cameo, country.get(e.source), country.get(e.target)) for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word and not e.negated]


def test_classes_left_out_after_the_unseen_check_have_no_rows():
    # "crush" (CAMEO.2.0 DESTROY): 1 of 4 changes right on unseen text (sport and elections)
    assert load_lexicon().match("verb", "crush", set()) is None


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Ugandan police said the bombing was carried out by Chadian troops.", "bombing"),
    ("Ugandan police said the raids on the depot were perpetrated by Chadian troops.", "raids"),
    ("The Ugandan army said Chadian troops were behind the raid on the depot.", "raid"),
    ("A Ugandan minister said Chadian troops were responsible for the shelling of the town.", "shelling"),
])
def test_a_clause_naming_the_doer_gives_the_act_its_source(analyze, text, word):
    assert any(src == "TCD" for _, _, src, _ in _sides(analyze, text, word))


@pytest.mark.model
def test_a_state_saying_another_was_behind_an_attack_accuses_it(analyze):
    text = "Ugandan officials said Chad was behind the attack on the border post."
    assert ("ACCUSE", "112", "UGA", "TCD") in _sides(analyze, text, "said")


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Ugandan officials said it was too soon to tell who was behind the attack.", "attack"),
    ("Ugandan officials asked whether Chad was behind the attack or not.", "attack"),
])
def test_no_doer_is_read_from_a_question(analyze, text, word):
    assert all(src is None or src == "UGA" for _, _, src, _ in _sides(analyze, text, word))


def test_holding_a_party_responsible_needs_its_grounds():
    lex = load_lexicon()
    assert lex.match("verb", "hold", {"responsible", "@grounds"}).cameo == "112"
    assert lex.match("verb", "hold", {"accountable", "@grounds"}).plover.type == "ACCUSE"
    assert lex.match("verb", "hold", {"accountable"}) is None  # "hold ourselves accountable to voters"


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    # the parser reads the adjective either on the object or as a small clause of its own
    ("The Malian envoy held the Nigerien government responsible for the ambush.", "held"),
    ("Malian officials said they hold Niger responsible for the ambush.", "hold"),
])
def test_holding_a_party_responsible_for_an_act_accuses_it(analyze, text, word):
    assert any(t == "ACCUSE" and tgt == "NER" for t, _, _, tgt in _sides(analyze, text, word))


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The Malian ministers said they hold themselves accountable to the voters.", "hold"),
    ("The Malian ruling party holds a majority in the assembly.", "holds"),
])
def test_holding_no_one_responsible_for_anything_is_no_accusation(analyze, text, word):
    assert not any(t == "ACCUSE" for t, _, _, _ in _sides(analyze, text, word))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"We stand with Armenia in the face of Azerbaijan\'s illegal blockade," the French foreign minister said.',
    "The Bolivian envoy told reporters that the cowardly Chilean raids on the border had to end.",
    '"Our people will resist Peruvian aggression," the Ecuadorian president said.',
])
def test_a_speaker_naming_another_party_s_act_with_a_fault_criticises_it(analyze, text):
    rec = analyze(text)
    country = {a.id: a.country for a in rec.actors}
    assert any(e.type == "ACCUSE" and country.get(e.target) in ("AZE", "CHL", "PER") and not e.negated
               for e in rec.events)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Azerbaijan's illegal blockade of the road was lifted in May.",  # the reporter's words, no speaker
    '"We ended the illegal blockade of our own road," the Azerbaijani president said.',  # no other party
])
def test_a_fault_word_with_no_speaker_or_no_other_party_accuses_no_one(analyze, text):
    assert not any(e.type == "ACCUSE" for e in analyze(text).events)
