"""Event precision, session 11: readings that are no event between parties on unseen news (a
medical "attack", gathering and providing alone, striking workers, recognising a fact, a war named
as a setting, a meeting named as a venue, an act a right or a possibility is for, an "unless"
condition, a negative subject shared by a conjoined verb, a source declining to be named, a warning of a danger), and
attacking a plan as criticism.
Hand-written sentences only (names, places and wording are invented for these tests)."""

import pytest

from newsgraph.extract.events.background import _words
from newsgraph.extract.events.lexicon import load_lexicon
from newsgraph.extract.events.triggers import _official_nouns


def _events(analyze, text, word):
    rec = analyze(text)
    return [e.type for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word and not e.negated]


def test_the_new_word_lists_are_data():
    assert {"war", "insurgency"} <= _words("state")
    assert {"break", "wage", "declare"} <= _words("onset")
    assert {"right", "possibility", "authority"} <= _words("unrealised")
    assert {"diplomat", "minister"} <= _official_nouns()


def test_the_lexicon_reads_the_new_senses():
    lex = load_lexicon()
    assert "off" in lex.match("noun", "attack", {"heart"}).flags
    assert "off" in lex.match("noun", "arrest", {"cardiac"}).flags
    assert lex.match("verb", "attack", {"plan"}).plover.type == "ACCUSE"
    assert lex.match("verb", "attack", {"convoy"}).plover.type == "ASSAULT"
    assert "off" in lex.match("verb", "gather", set()).flags
    assert lex.match("verb", "gather", {"@official"}).plover.type == "CONSULT"
    assert "off" in lex.match("verb", "provide", {"service"}).flags
    assert lex.match("verb", "provide", {"food"}).plover.type == "AID"
    assert "off" in lex.match("verb", "strike", {"@attributive"}).flags
    assert "off" in lex.match("verb", "recognise", {"@assert"}).flags


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    # an illness named like an act
    ("The former governor of Valdoria suffered a heart attack at his farm on Tuesday.", "attack"),
    ("A retired docker died of a cardiac arrest after the march through Ostrava.", "arrest"),
    # gathering alone: mourners, traffic, a scene
    ("Hundreds of mourners gathered outside the chapel in Vardo on Sunday evening.", "gathered"),
    ("Dozens of fire engines gathered near the burning depot in Kessel on Monday.", "gathered"),
    # providing what is no aid
    ("The catering firm provides meals for the airport staff in Lund.", "provides"),
    # a striking worker is on strike, not attacking
    ("The striking dockers of Ostrava walked to the port office on Friday.", "striking"),
    # recognising a fact; a state already recognised
    ("The Valdorian premier said he recognised that the border talks had stalled.", "recognised"),
    ("Rebels shelled the town held by the internationally recognised government of Borduria.", "recognised"),
    # a war named as the setting of the sentence
    ("Veterans of the war in Borduria criticised the pension cuts on Monday.", "war"),
    ("The Valdorian cabinet said its part in the Borduria war was a mistake.", "war"),
    # a meeting named only as the venue of another act
    ("At a public meeting in the town hall, residents complained about the new bypass.", "meeting"),
    # an "unless" condition
    ("The general said he would hold his fire unless the rebels shelled the capital.", "shelled"),
    # a negative subject shared by the conjoined verb
    ("No one was injured or killed in the blast at the Kessel depot.", "killed"),
    # what a right or a possibility is for
    ("Police in Kessel were given the authority to arrest the squatters.", "arrest"),
    ("The ministers discussed the possibility of a boycott of the Borduria games.", "boycott"),
    # a source's anonymity; a statement to the press; a "whether" clause after a preposition
    ("A Valdorian official, who declined to be named, said the border talks had stalled.", "declined"),
    ("A guard who refused to be identified said the prisoners were moved to Kessel.", "refused"),
    ("The Valdorian ministry issued a media release on Monday.", "release"),
    ("Witnesses differ on whether the soldiers opened fire on the crowd in Kessel.", "opened"),
    # a warning of a danger or a state of things is no threat
    ("The aid agency warned of a looming famine in northern Valdoria.", "warned"),
    ("The Valdorian envoy warned there was a real risk of unrest in Kessel.", "warned"),
])
def test_a_reading_that_is_no_event(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    ("Opposition leader Mara Vance attacked the government's tax plans on Monday.", "attacked", "ACCUSE"),
    ("Gunmen attacked a police convoy near Kessel on Monday.", "attacked", "ASSAULT"),
    ("Opposition leader Mara Vance attacked the minister for his silence on the levy.", "attacked", "ACCUSE"),
    ("Gunmen attacked the depot in Kessel over the weekend.", "attacked", "ASSAULT"),
    ("Valdoria provided radio sets and maps to Borduria last week.", "provided", "AID"),
    ("Foreign ministers of the bloc gathered in Lisbon on Friday to discuss the crisis.", "gathered", "CONSULT"),
    ("Thousands of protesters gathered outside the parliament in Vardo on Sunday.", "gathered", "PROTEST"),
    ("Norway provided food to the refugees in Chad last week.", "provided", "AID"),
    ("Valdoria recognised the new government of Borduria on Monday.", "recognised", "SUPPORT"),
    ("War broke out between Valdoria and Borduria in May.", "War", "ASSAULT"),
    ("Dockers went on strike in Ostrava on Friday.", "went", "PROTEST"),
    ("Borduria declined to release the Valdorian fishermen on Monday.", "release", "REJECT"),
    ("Valdoria warned Borduria of severe consequences on Monday.", "warned", "THREATEN"),
    ("The dockers' union warned there would be strikes unless the cabinet backed down.", "warned", "THREATEN"),
])
def test_the_event_itself_still_codes(analyze, text, word, typ):
    assert typ in _events(analyze, text, word)
