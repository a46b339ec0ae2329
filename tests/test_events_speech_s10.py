"""Speech-act parties given by construction (issue 10, session 10): who does a gerund
under "by"/"after" (.syntax), a party on "with" before a topic on "on" (.args), and whom a
refusal or acceptance answers (.reactions). Hand-written texts, far from any evaluation story."""

import pytest

from newsgraph.extract.events.reactions import _proposals


def _pairs(rec, type_):
    actors = {a.id: a for a in rec.actors}
    side = lambda x: actors[x].country if x else None  # noqa: E731
    return [(side(e.source), side(e.target)) for e in rec.events if e.type == type_ and not e.negated]


# --------------------------------------------------------------------------- the table


def test_the_proposal_table_has_its_three_kinds():
    words = _proposals()
    assert {"ask", "propose", "offer"} <= words["verb"]
    assert {"request", "offer", "demand"} <= words["noun"]
    assert {"renew", "make"} <= words["author"] and "welcome" not in words["author"]


# --------------------------------------------------------------------------- gerunds (.syntax)


@pytest.mark.model
def test_a_gerund_under_by_takes_its_clause_subject(analyze):
    rec = analyze("Row over river dam\n\nUruguay answered the ruling by accusing Argentina of bad faith.")
    assert ("URY", "ARG") in _pairs(rec, "ACCUSE")


@pytest.mark.model
def test_a_gerund_under_after_takes_its_clause_subject(analyze):
    rec = analyze("Trade visit\n\nAfter meeting the Thai premier, the Malaysian trade minister urged Bangkok "
                  "to cut its rice duties.")
    assert ("MYS", "THA") in _pairs(rec, "CONSULT")


@pytest.mark.model
def test_a_passive_main_clause_does_not_turn_the_gerund_round(analyze):
    rec = analyze("Diplomatic spat\n\nMongolia was rebuked on Friday after accusing Kazakhstan of spying.")
    assert ("MNG", "KAZ") in _pairs(rec, "ACCUSE")


# --------------------------------------------------------------------------- party before topic (.args)


@pytest.mark.model
def test_a_party_on_with_goes_before_a_topic_on_on(analyze):
    rec = analyze("Fishing deal\n\nIceland agreed with Norway on the herring quotas for next year.")
    assert ("ISL", "NOR") in _pairs(rec, "AGREE")


# --------------------------------------------------------------------------- answers (.reactions)


@pytest.mark.model
def test_a_refusal_coordinated_with_a_request_answers_the_asker(analyze):
    rec = analyze("Border row\n\nNepal asked India to reopen the crossing, but New Delhi refused.")
    assert ("IND", "NPL") in _pairs(rec, "REJECT")


@pytest.mark.model
def test_an_acceptance_coordinated_with_an_offer_answers_whoever_offered(analyze):
    rec = analyze("Mediation\n\nNorway offered to host the talks, and Colombia accepted.")
    assert ("COL", "NOR") in _pairs(rec, "AGREE")


@pytest.mark.model
def test_a_refusal_answers_a_request_aimed_at_it_the_sentence_before(analyze):
    rec = analyze("Pipeline dispute\n\nGeorgia urged Armenia to resume gas deliveries on Monday. "
                  "Armenia refused on Tuesday.")
    assert ("ARM", "GEO") in _pairs(rec, "REJECT")


@pytest.mark.model
def test_a_refusal_of_something_else_does_not_answer_the_request(analyze):
    rec = analyze("Pipeline dispute\n\nGeorgia urged Armenia to resume gas deliveries on Monday. "
                  "Armenia rejected the election results on Tuesday.")
    assert ("ARM", "GEO") not in _pairs(rec, "REJECT")


@pytest.mark.model
def test_a_relative_clause_response_answers_who_made_the_demand(analyze):
    rec = analyze("Compensation row\n\nLatvia renewed its demand for compensation, which Estonia rejected.")
    assert ("EST", "LVA") in _pairs(rec, "REJECT")
    rec = analyze("Compensation row\n\nEstonia dismissed the accusation, which Latvia repeated on Monday.")
    assert ("EST", "LVA") in _pairs(rec, "REJECT")


# --------------------------------------------------------------------------- act nouns (.args)


@pytest.mark.model
def test_a_complaint_noun_is_aimed_at_whom_it_is_about_not_where_it_is_lodged(analyze):
    rec = analyze("Airspace row\n\nCyprus took a complaint to the Arab League about Turkish overflights.")
    assert ("CYP", "TUR") in _pairs(rec, "ACCUSE")


@pytest.mark.model
def test_a_participle_after_an_act_noun_names_whom_it_is_aimed_at(analyze):
    rec = analyze("Embargo\n\nThe sanctions imposed on Eritrea by the African Union took effect on Monday.")
    assert "ERI" in [t for _, t in _pairs(rec, "SANCTION")]


# --------------------------------------------------------------------------- speakers (.speakers)


@pytest.mark.model
def test_a_joint_act_in_a_speakers_words_takes_the_speaker_as_its_side(analyze):
    rec = analyze("Nuclear file\n\nTalks with Iran will resume next month, the Dutch foreign minister said.")
    assert ("NLD", "IRN") in _pairs(rec, "CONSULT")


@pytest.mark.model
def test_an_owned_joint_act_keeps_its_owner(analyze):
    rec = analyze("Envoy\n\nThe Kenyan minister said his talks with Uganda went well.")
    assert ("KEN", "UGA") not in _pairs(rec, "CONSULT")


@pytest.mark.model
def test_coordinated_sources_of_a_response_share_its_target(analyze):
    rec = analyze("Mountain war\n\nOssian rebels attacked an Armenian army post on Monday. Armenian troops "
                  "shelled Ossian rebel camps on Tuesday. The Ossian rebels accused Armenia of killing "
                  "civilians. Armenian police arrested two Ossian rebels on Wednesday. Both Armenia and "
                  "Georgia denied the report on Thursday.")
    actors = {a.id: a for a in rec.actors}
    denials = {actors[e.source].country: e.target for e in rec.events if e.type == "REJECT" and e.source}
    assert denials["ARM"] is not None and denials["GEO"] == denials["ARM"]
