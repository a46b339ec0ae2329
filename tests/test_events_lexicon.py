"""The CAMEO verb dictionary compiler and how its rows merge with the hand lexicon."""

import pytest

from newsgraph.extract.events.cameo import compile_rows, read_dictionary
from newsgraph.extract.events.lexicon import load_lexicon

# A hand-written dictionary in PETRARCH2's format (not copied from CAMEO.2.0.txt).
MINI = """\
####### SYNONYM SETS #######

&ARMS_
+RIFLE
+MISSILE

####### VERB PATTERNS #######

---  PUMMEL   [190]  ---
PUMMEL
THRASH {THRASHES THRASHED}
- * &ARMS                                     [194]         # THRASH
- &MILITARY * TOWN                            [190]         # PUMMEL

---  PONDER   [---]  ---
PONDER
MULL [040]
- * (ON TRUCE)                                [036]         # MULL

---  GRUMBLE   [012]  ---
GRUMBLE
"""


def test_blocks_verbs_and_sets_are_read():
    sets, blocks = read_dictionary(MINI)
    assert sets["&ARMS"] == ["rifle", "missile"]
    assert [b.name for b in blocks] == ["PUMMEL", "PONDER", "GRUMBLE"]
    assert blocks[1].verbs == {"ponder": None, "mull": "040"}


def test_rows_follow_codes_comments_and_skips():
    rows = {(p, c) for _, p, c, _ in compile_rows(MINI, skip={"ponder"})}
    assert ("pummel", "190") in rows and ("thrash", "190") in rows  # the block's code
    assert ("thrash rifle", "194") in rows and ("thrash missile", "194") in rows  # &SET expanded
    assert not any(p.startswith("pummel rifle") for p, _ in rows)  # the comment names THRASH only
    assert not any("town" in p for p, _ in rows)  # a subject-side pattern is left out
    assert ("mull", "040") in rows and ("mull on truce", "036") in rows
    assert not any(p.startswith("ponder") for p, _ in rows)  # skipped, pattern and all
    assert not any(p == "grumble" for p, _ in rows)  # CAMEO 01 (statements) is not coded


# A set whose alternatives have stray spaces or several words (as many of CAMEO.2.0's have).
MULTI = """\
####### SYNONYM SETS #######

&GUARDS_
+SENTRY_
+HOME_GUARD
+PALACE_ROYAL_HONOUR_GUARD

####### VERB PATTERNS #######

---  POST   [---]  ---
POST
- * &GUARDS                                   [154]         # POST
"""


def test_set_alternatives_with_spaces_or_several_words_are_compiled():
    sets, _ = read_dictionary(MULTI)
    assert sets["&GUARDS"] == ["sentry ", "home guard", "palace royal honour guard"]
    rows = {(p, c) for _, p, c, _ in compile_rows(MULTI, skip=set())}
    # a trailing "_" (a stray space) no longer drops the whole set; several words are matched word by word
    assert ("post sentry", "154") in rows and ("post home guard", "154") in rows
    assert not any("palace" in p for p, _ in rows)  # more than three object words: left out
    # a set listed in the skip file leaves out the patterns that use it
    assert not any(p.startswith("post") and p != "post" for p, _ in compile_rows(MULTI, skip={"&GUARDS"}))


def test_hand_rows_keep_their_heads():
    lex = load_lexicon()
    # the compiled dictionary codes these verbs that the hand lexicon has no row for
    assert lex.match("verb", "storm", set()).plover.type == "ASSAULT"
    assert lex.match("verb", "besiege", set()).plover.type == "COERCE"
    # "oppose" is a hand row (REJECT); the compiled 110 row for the same head is dropped
    assert lex.match("verb", "oppose", set()).plover.type == "REJECT"
    assert all(e.cameo != "110" for e in lex.candidates("verb", "oppose"))


@pytest.mark.model
def test_an_off_row_is_a_reading_that_codes_nothing(nlp):
    from newsgraph.extract.events import code_events

    lex = load_lexicon()
    assert "off" in lex.match("noun", "war", {"trade"}).flags
    assert not code_events(nlp("Analysts fear a trade war between Chile and Peru."), lex)
    coded = code_events(nlp("Chile fought a war against Peru in 1879."), lex)
    assert [c.event.type for c in coded] == ["ASSAULT"]


@pytest.mark.model
def test_tariffs_laid_on_a_party_are_a_sanction_a_tariff_rate_is_not(nlp):
    from newsgraph.extract.events import code_events

    lex = load_lexicon()
    coded = code_events(nlp("Brazil imposed 30% tariffs on Argentine steel on Monday."), lex)
    assert [(c.event.type, c.event.cameo) for c in coded] == [("SANCTION", "163")]
    coded = code_events(nlp("Chile slapped duties on Peruvian fish last week."), lex)
    assert [c.event.type for c in coded] == ["SANCTION"]
    assert not code_events(nlp("India has a 10% tariff on cotton imports."), lex)


@pytest.mark.model
@pytest.mark.parametrize("text, source, target", [
    ("The Peruvian president called the Chilean decision irresponsible.", "PER", "CHL"),
    ("Bolivia described the Brazilian blockade as unacceptable on Friday.", "BOL", "BRA"),
    ("Venezuela branded the American sanctions illegal.", "VEN", "USA"),
])
def test_naming_an_act_by_a_fault_criticises_its_party(analyze, text, source, target):
    rec = analyze(text)
    countries = {a.id: a.country for a in rec.actors}
    accused = [(countries.get(e.source), countries.get(e.target)) for e in rec.events if e.type == "ACCUSE"]
    assert accused == [(source, target)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The minister called the new bridge a triumph.",  # no fault
    "A Peruvian spokesman called the Chilean accusations baseless.",  # denies a claim: makes none
    "Bolivia rejected the claims, which its envoy called unfounded.",
])
def test_praise_and_denials_are_no_criticism(analyze, text):
    assert not [e for e in analyze(text).events if e.type == "ACCUSE" and e.trigger.text.lower().startswith(("call", "descr", "brand"))]


# Session 7 (docs/lexicon.md, "Coverage, session 7"): verb classes that coded nothing, each with
# the objects that make it political. Hand-written sentences, not from any evaluation set.
@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, cameo", [
    ("The supreme court of Ruritania dissolved the main opposition party on Tuesday.", "dissolved", "COERCE", "1722"),
    ("Police in Lima broke up a smuggling network last month.", "broke", "COERCE", "170"),
    ("Riot police broke up the student march in Quito.", "broke", "COERCE", "170"),
    ("Kenya's government repealed the curfew on Monday.", "repealed", "CONCEDE", "081"),
    ("Brazil delayed the tariffs on Argentine wine for a month.", "delayed", "CONCEDE", "085"),
    ("Chile exempted Peru from the new tariffs.", "exempted", "CONCEDE", "085"),
    ("Ecuador sent 4,000 troops to its border with Peru.", "sent", "MOBILIZE", "154"),
    ("Ghana dispatched soldiers to the northern region on Friday.", "dispatched", "MOBILIZE", "154"),
    ("Nigerian soldiers conducted raids against Boko Haram on Sunday.", "conducted", "ASSAULT", "190"),
    ("The hijacking of the ferry by Somali pirates ended on Friday.", "hijacking", "ASSAULT", "181"),
    ("Canada kept the tariffs on Chinese steel in place.", "kept", "SANCTION", "163"),
    ("The Bolivian government pointed the finger at Chile for the unrest.", "pointed", "ACCUSE", "112"),
    ("Peru sent an envoy to Quito on Monday.", "sent", "CONSULT", "042"),
    ("The rebels vowed revenge against the Colombian army.", "vowed", "THREATEN", "130"),
])
def test_session7_verb_classes_code_with_their_objects(nlp, text, trigger, type_, cameo):
    from newsgraph.extract.events import code_events

    coded = [(c.event.trigger.text, c.event.type, c.event.cameo) for c in code_events(nlp(text), load_lexicon())]
    assert (trigger, type_, cameo) in coded


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("The ruling coalition dissolved after a week of quarrels.", "dissolved"),  # no object: no ban
    ("Parliament delayed the vote on the budget.", "delayed"),  # not a restrictive measure
    ("The company dismantled its old factory in Porto.", "dismantled"),
    ("The minister pointed out that exports had grown.", "pointed"),
    ("The regulator let the power company raise its tariffs by 5%.", "raise"),  # prices, not a sanction
    ("Brazil cut fuel duty in March.", "cut"),  # a tax, no party's goods
    ("The senate repealed the old press law.", "repealed"),  # a law: legislation at work (docs/lexicon.md)
    ("The mayor sent a letter to all residents.", "sent"),  # letters: mostly not between parties
])
def test_session7_verbs_without_their_objects_code_nothing(nlp, text, trigger):
    from newsgraph.extract.events import code_events

    assert trigger not in [c.event.trigger.text for c in code_events(nlp(text), load_lexicon())]


@pytest.mark.model
def test_troops_sent_to_help_stay_aid_sent_to_a_border_mobilize(nlp):
    from newsgraph.extract.events import code_events

    lex = load_lexicon()
    helped = code_events(nlp("Italy sent 300 troops to Lebanon to protect the camps."), lex)
    assert ("sent", "AID") in [(c.event.trigger.text, c.event.type) for c in helped]
    massed = code_events(nlp("Venezuela sent troops to the Colombian frontier."), lex)
    assert ("sent", "MOBILIZE") in [(c.event.trigger.text, c.event.type) for c in massed]


def test_coverage_is_the_share_of_cameo_coded_verbs_with_a_row():
    from newsgraph.extract.events.cameo import coverage
    from newsgraph.extract.events.lexicon import Lexicon, load_cameo2plover, parse_rows

    lex = Lexicon()
    for e in parse_rows("verb\tpummel\t190\nverb\tmull on truce\t036\n", load_cameo2plover()):
        lex.add(e)
    # CAMEO codes pummel, thrash (the block's code), mull (its own), grumble (012); not ponder
    cov = coverage(MINI, lex)
    assert (cov["coded"], cov["cameo_verbs"]) == (2, 4)
