"""Missed events, session 12: act nouns of coded verbs (a skirmish, an incursion, a kidnap, a
picket, objections, a telephone conversation), and verbs of CAMEO.2.0 blocks the compile skips,
with the objects that make them acts (taking prisoners, releasing captives named by a common
noun, refuting claims, overrunning, surrounding a building). Hand-written sentences only (names,
places and wording are invented for these tests)."""

import pytest
from test_events_missed_s9 import _events

from newsgraph.extract.events.lexicon import load_lexicon


def test_rows_give_each_class_its_code():
    lex = load_lexicon()
    assert lex.match("noun", "skirmish", set()).plover.type == "ASSAULT"
    assert lex.match("noun", "battle", {"gun"}).plover.type == "ASSAULT"
    assert lex.match("noun", "incursion", set()).plover.type == "ASSAULT"
    assert lex.match("noun", "kidnap", set()).cameo == "181"
    assert lex.match("noun", "objection", set()).plover.type == "REJECT"
    assert lex.match("noun", "picket", set()).plover.type == "PROTEST"
    assert lex.match("noun", "conversation", {"telephone"}).plover.type == "CONSULT"
    assert lex.match("noun", "conversation", set()) is None  # any talk is no contact between parties
    assert lex.match("verb", "take", {"prisoner"}).plover.type == "COERCE"
    assert lex.match("verb", "release", {"hostage"}).plover.type == "CONCEDE"
    assert lex.match("verb", "release", {"album"}) is None
    assert lex.match("verb", "surround", {"compound"}).plover.type == "COERCE"
    assert lex.match("verb", "surround", {"question"}) is None
    assert lex.match("verb", "overrun", {"@actor"}).plover.type == "ASSAULT"
    assert lex.match("verb", "overrun", {"outpost"}).plover.type == "COERCE"
    assert "off" in lex.match("verb", "overrun", {"with", "tourist"}).flags
    assert lex.match("verb", "throw", {"stone"}).cameo == "182"
    assert lex.match("verb", "use", {"water", "cannon"}).cameo == "175"
    assert lex.match("verb", "throw", {"out"}) is None
    assert lex.match("verb", "seal", {"deal"}).plover.type == "AGREE"  # kept when "seal off" was left out
    assert lex.match("verb", "seal", {"off"}) is None


def test_nouns_left_out_after_the_unseen_check_have_no_rows():
    lex = load_lexicon()  # right < 70 % on unseen text (docs/history/evaluation-log.md, "Session 12 — missed events")
    for noun in ("battle", "shooting", "seizure", "capture", "ambush", "scuffle", "rebuke", "censure"):
        assert lex.match("noun", noun, set()) is None, noun


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    ("Violent skirmishes broke out between Moldovan police and farmers on Sunday.", "skirmishes", "ASSAULT"),
    ("Ruritanian troops made an incursion into Borduria on Friday.", "incursion", "ASSAULT"),
    ("The kidnap of a Nepali engineer by gunmen on Monday shocked Kathmandu.", "kidnap", "ASSAULT"),
    ("Pickets were held outside the Lisbon ministry by striking nurses on Tuesday.", "Pickets", "PROTEST"),
    ("The Estonian minister brushed aside Moscow's objections to the pipeline.", "objections", "REJECT"),
    ("Rebels took eight Chadian soldiers prisoner after the raid.", "took", "COERCE"),
    ("The militia released the hostages on Thursday.", "released", "CONCEDE"),
    ("The Zambian minister refuted the claims of the opposition.", "refuted", "REJECT"),
    ("Insurgents overran an army outpost near the Malian border.", "overran", "ASSAULT"),  # a party's post
    ("Rebels overran the desert town of Tessalit on Sunday.", "overran", "COERCE"),  # a place: occupied
    ("Riot police surrounded the opposition headquarters in Tbilisi on Monday.", "surrounded", "COERCE"),
    ("Youths threw stones at Albanian border guards on Saturday.", "threw", "ASSAULT"),
    ("Masked men hurled petrol bombs at the Serbian consulate.", "hurled", "ASSAULT"),
    ("Police used tear gas against farmers marching on the Peruvian congress.", "used", "175"),
])
def test_the_missed_classes_now_code(analyze, text, word, typ):
    assert typ in {x for pair in _events(analyze, text, word) for x in pair}  # PLOVER type or CAMEO code


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The Dutch minister faces a long legal battle over the harbour plan.", "battle"),
    ("The orchestra released its new album in Vienna.", "released"),
    ("The old harbour town was overrun with tourists in August.", "overrun"),
    ("Fog surrounded the question of the budget for weeks.", "surrounded"),
    ("The Slovene judge threw out the appeal on Friday.", "threw"),
    ("The Finnish agency used new software to count the votes.", "used"),
    ("Police sealed off the square after the blast in Porto.", "sealed"),  # tried, left out
])
def test_the_readings_that_are_no_event_stay_silent(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
def test_refuting_is_coded_as_denying(analyze):
    # "refute" is bare, as "deny": a refuted accusation is read the way a denied one is
    said = "The Latvian cabinet {} the opposition's accusations of fraud on Monday."
    refuted, denied = analyze(said.format("refuted")), analyze(said.format("denied"))
    assert [(e.type, e.cameo) for e in refuted.events] == [(e.type, e.cameo) for e in denied.events]
    assert ("REJECT", "120") in _events(analyze, said.format("refuted"), "refuted")
