"""Session 14 (branch h-said): accusations, demands and denials made by a statement with no
verb of that kind (.statements, .appeals). Hand-written sentences, not from any evaluation set."""

import pytest


def _pairs(rec, type_, cameo=None):
    countries = {a.id: a.country for a in rec.actors}
    return [(countries.get(e.source), countries.get(e.target)) for e in rec.events
            if e.type == type_ and not e.negated and (cameo is None or e.cameo == cameo)]


@pytest.mark.model
@pytest.mark.parametrize("text, source, target", [
    ('"The Chilean government has violated the truce," the Peruvian foreign minister said.', "PER", "CHL"),
    ('"The Chilean army has tried again and again to sabotage the negotiations," the Bolivian minister said.', "BOL", "CHL"),
    ("The Peruvian minister said the Chilean prison camps were illegal.", "PER", "CHL"),
    ("The Bolivian president said Chile's offer was insufficient.", "BOL", "CHL"),
])
def test_a_statement_of_wrongdoing_or_a_verdict_accuses(analyze, text, source, target):
    assert (source, target) in _pairs(analyze(text), "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"If Chile violates the truce, we will respond," the Peruvian foreign minister said.',
    '"Chile has not violated the truce," the Peruvian foreign minister said.',
    '"Chile could undermine the talks," the Peruvian foreign minister said.',
    'The Peruvian defence minister said the Peruvian army had violated the truce.',  # own side
    '"Chile violated no rule," the Peruvian foreign minister said.',
])
def test_a_statement_not_asserted_or_about_its_own_side_accuses_no_one(analyze, text):
    assert not _pairs(analyze(text), "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text, pairs, code", [
    ("Brazil and Chile renewed their calls for Peru to withdraw its troops.", {("BRA", "PER"), ("CHL", "PER")}, "1056"),
    ("Argentina's call for Uruguay to reopen the border was ignored.", {("ARG", "URY")}, None),
])
def test_a_call_for_a_party_to_act_asks_that_party(analyze, text, pairs, code):
    rec = analyze(text)
    assert pairs <= set(_pairs(rec, "REQUEST", code))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Chilean president rejected calls for Peru to withdraw its troops.",  # the rejection's
    "Peru renewed its plea for the hostages to be released.",  # the hostages are not asked
])
def test_a_call_another_verb_answers_or_with_no_party_asked_names_no_target(analyze, text):
    assert not [p for p in _pairs(analyze(text), "REQUEST") if p[1] is not None and p[0] != "CHL"]


@pytest.mark.model
@pytest.mark.parametrize("text, source, target", [
    ("The Chilean ministry said the Peruvian allegations were baseless.", "CHL", "PER"),
    ('"That is simply not true," the Chilean foreign minister said.', "CHL", None),
    ('"Nothing could be further from the truth," the Chilean foreign minister said.', "CHL", None),
])
def test_a_claim_said_to_be_untrue_is_rejected(analyze, text, source, target):
    assert (source, target) in _pairs(analyze(text), "REJECT")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"That is true," the Chilean foreign minister said.',
    '"The situation is ridiculous," the Chilean foreign minister said.',  # no claim
])
def test_a_claim_not_denied_is_no_rejection(analyze, text):
    assert not _pairs(analyze(text), "REJECT")


@pytest.mark.model
def test_the_denial_is_its_own_clause_speakers_not_the_outer_reporters(analyze):
    text = "Peru reported that the harvest was poor, although Chilean officials hold that this is not true."
    assert ("PER", None) not in _pairs(analyze(text), "REJECT")


@pytest.mark.model
def test_a_criminal_court_is_no_criticism(analyze):
    text = "The Peruvian president ordered the Chilean suspect to face trial in a criminal court."
    assert not _pairs(analyze(text), "ACCUSE")


@pytest.mark.model
def test_lobbying_a_party_to_act_is_an_appeal_to_it(analyze):
    assert ("CHL", "PER") in _pairs(analyze("Chile lobbied Peru to lift the tariffs."), "REQUEST")
    assert _pairs(analyze("Chile lobbied for a seat on the council."), "REQUEST")  # CAMEO's "lobby for" kept


@pytest.mark.model
def test_calling_an_offer_insufficient_criticises(analyze):
    rec = analyze("The Bolivian president called the Chilean offer insufficient.")
    assert "BOL" in [s for s, _ in _pairs(rec, "ACCUSE")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"This is a disgraceful day for democracy," the Peruvian opposition leader said.',
    "The Bolivian president said the whole meeting was bizarre and disgusting.",
])
def test_a_verdict_naming_no_party_is_still_the_speakers_criticism(analyze, text):
    assert [s for s, t in _pairs(analyze(text), "ACCUSE") if t is None] in (["PER"], ["BOL"])


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Chilean spokesman rejected the suggestion that the minister had been hypocritical.",
    "The Chilean professor was asked if he thought the minister was hypocritical.",
])
def test_a_verdict_the_speaker_does_not_make_is_no_criticism(analyze, text):
    assert not _pairs(analyze(text), "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text, source, target", [
    ("The Peruvian minister said that the Chilean army is the most disciplined and honest army in the region.",
     "PER", "CHL"),
    ('"Chile is a reliable partner," the Peruvian foreign minister said.', "PER", "CHL"),
    ("The Peruvian president called the Chilean foreign minister one of the most respected diplomats in the world.",
     "PER", "CHL"),
])
def test_a_statement_that_commends_a_party_praises_it(analyze, text, source, target):
    assert (source, target) in _pairs(analyze(text), "SUPPORT", "051")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"Chile is not a reliable partner," the Peruvian foreign minister said.',
    '"Chile would be a good partner if it opened its ports," the Peruvian foreign minister said.',
    "The Peruvian minister asked whether Chile was a good partner.",
    '"The harvest was good this year," the Peruvian foreign minister said.',  # no party
    '"Peru is a reliable partner," the Peruvian foreign minister said.',  # its own country
    "The Peruvian minister said the Chilean minister's resignation was a good opportunity.",  # a thing of his
    '"The reform has been good for the Chilean economy," the Peruvian minister said.',  # benefit
    "The Peruvian minister described the Chilean customs service as not very reliable.",
    "The Peruvian minister said they would work to ensure that Chile remains a reliable partner.",  # an aim
])
def test_praise_not_asserted_or_of_no_other_party_is_no_support(analyze, text):
    assert not _pairs(analyze(text), "SUPPORT", "051")


@pytest.mark.model
@pytest.mark.parametrize("text, source, target", [
    ("The Bolivian president said the Chilean raid was a mistake.", "BOL", "CHL"),  # epithet as predicate
    ("The Peruvian minister said Chile's border census was a sham.", "PER", "CHL"),  # falsity of no claim
    ("Bolivia's foreign minister said the Chilean decision was regrettable.", "BOL", "CHL"),
    ("The Peruvian government described the Chilean exercise as regrettable.", "PER", "CHL"),
])
def test_an_epithet_or_a_falsity_as_the_predicate_accuses(analyze, text, source, target):
    assert (source, target) in _pairs(analyze(text), "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text, speaker", [
    ("The Peruvian minister said the Chilean accusations were a sham.", "PER"),  # denies a claim: REJECT
    ("The Bolivian minister said the death toll in Chile was a regrettable figure.", "BOL"),  # a modifier only
])
def test_an_epithet_modifying_a_word_or_a_falsity_of_a_claim_accuses_no_one(analyze, text, speaker):
    assert not [p for p in _pairs(analyze(text), "ACCUSE") if p[0] == speaker]
