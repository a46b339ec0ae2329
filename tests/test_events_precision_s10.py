"""Event precision, session 10: background mentions that are no new event (a standing conflict or
settlement named in passing, an act told only as the charge of an accusation, an act in an
"if" clause). Hand-written sentences only (names, places and wording are invented for these tests)."""

import pytest

from newsgraph.extract.events.background import _words


def _events(analyze, text, word):
    rec = analyze(text)
    return [(e.type, e.hypothetical) for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word and not e.negated]


def test_the_background_words_are_data():
    assert {"war", "truce", "deal"} <= _words("standing")
    assert {"accuse", "charge"} <= _words("alleging")
    assert _words("nonexistent kind") == frozenset()


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    # a standing conflict or settlement named in a subordinate phrase, with no date of its own
    ("Ruritania and Borduria kept trading grain despite arming rival militias in the long border war.", "war"),
    ("The rebels have seized four towns after Ruritania agreed to the truce with them.", "truce"),
    ("Farmers in Valdoria marched on the capital to protest against the Borduria war.", "war"),
    # the act an accusation charges someone with
    ("Ruritania accused Borduria of arming the rebels in the eastern hills.", "arming"),
    ("Prosecutors charged the former governor with ordering the raids on the newspaper.", "ordering"),
    # an act in the condition of an "if" clause
    ("The minister said his troops would hit back hard if the rebels attacked the dam.", "attacked"),
    ("Valdoria will lift the embargo if Borduria releases the fishermen.", "releases"),
])
def test_a_background_mention_is_no_event(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    ("Ruritanian troops attacked Borduria on Monday, starting a war.", "attacked", "ASSAULT"),
    ("Ruritania accused Borduria of arming the rebels in the eastern hills.", "accused", "ACCUSE"),
    ("The minister said his troops would hit back hard if the rebels attacked the dam.", "said", None),
    ("Ruritania and Borduria signed a truce in Vienna on Friday.", "truce", "RETREAT"),
    ("The truce between Ruritania and the rebels collapsed on Sunday.", "truce", "RETREAT"),
    ("The peacekeepers in charge of disarming the militias left Valdoria.", "disarming", "RETREAT"),
])
def test_the_event_itself_still_codes(analyze, text, word, typ):
    got = {t for t, _ in _events(analyze, text, word)}
    assert got == ({typ} if typ else set())


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    ("Argentina warned on Monday it might seize Chilean trawlers fishing near its coast.", "seize", "THREATEN"),
    ("The Thai opposition declared it may boycott the snap election.", "boycott", "THREATEN"),
])
def test_a_party_saying_it_could_act_states_its_intent(analyze, text, word, typ):
    assert {t for t, _ in _events(analyze, text, word)} == {typ}


@pytest.mark.model
def test_a_possibility_the_party_does_not_state_is_no_threat(analyze):
    rec = analyze("Police in Quito said they could trace no file on the journalist's arrest.")
    assert not any(e.type == "THREATEN" for e in rec.events)


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Bombers could kill hundreds of commuters in Lagos, the Nigerian minister warned.", "kill"),
    ("Diplomats are weighing a draft text to send peacekeepers to Somalia.", "send"),
])
def test_a_possibility_with_nobody_acting_is_no_event(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    # a noun act forecast of a named party as its clause's subject: a threat someone may act on
    ("A long detention of the Ecuadorian reporters could harm the talks.", "detention", "COERCE"),
    ("Further EU sanctions might target Venezuelan officials, diplomats in Brussels said.", "sanctions", "SANCTION"),
    ("Ghana said on Monday it would impose sanctions on Togo.", "impose", "THREATEN"),
    # an act a decision is about: decided, not merely possible, though nobody is named doing it
    ("Diplomats in Accra were surprised by the decision to expel Togo's envoy.", "expel", "SANCTION"),
])
def test_a_forecast_someone_holds_stays(analyze, text, word, typ):
    assert {t for t, _ in _events(analyze, text, word)} == {typ}


@pytest.mark.model
def test_a_later_mention_dated_by_a_possessive_day_is_the_same_event(analyze):
    text = ("Boko Haram fighters attacked a Nigerian army base near Maiduguri on Tuesday. "
            "Officials in Abuja said those behind Tuesday's attack had fled to Cameroon.")
    rec = analyze(text)
    assaults = [e for e in rec.events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert [text[m.trigger.start:m.trigger.end] for m in assaults[0].mentions] == ["attack"]



@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister was asked whether the talks with Uganda had failed.",
    "A Peruvian senator asked the Chilean ambassador why the border post had been closed.",
    "Reporters in Lima asked the Peruvian president about the strike at the copper mine.",
])
def test_a_question_asked_is_no_request(analyze, text):
    assert _events(analyze, text, "asked") == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kenya asked Uganda to pull its soldiers off the disputed island.",
    "The Malian government asked the Red Cross for grain on Monday.",
])
def test_asking_for_an_act_is_still_a_request(analyze, text):
    assert {t for t, _ in _events(analyze, text, "asked")} == {"REQUEST"}


@pytest.mark.model
def test_a_gerund_a_call_is_for_is_sought_not_done(analyze):
    rec = analyze("The draft bill calls for censuring the Bolivian interior minister.")
    assert _events(analyze, "The draft bill calls for censuring the Bolivian interior minister.", "censuring") == []
    assert any(e.type == "REQUEST" for e in rec.events)  # the call itself stays
