"""A first person in a quotation the quote layer gives no speaker: the speaker whose quote it
continues, or the party whose statement a colon opens (events.quoted). Hand-written texts."""

import pytest


def source_of(rec, trigger):
    found = [e for e in rec.events if e.trigger.text == trigger]
    assert found, rec.events
    return next((a for a in rec.actors if a.id == found[0].source), None)


@pytest.mark.model
def test_a_quotation_that_goes_on_after_a_speaker_is_theirs(analyze):
    rec = analyze('Ruritanian Foreign Minister Anna Kovac spoke to reporters in Strelsau on Monday. '
                  '"We will not sign this deal," said Kovac. '
                  '"But we urge Borduria to return to the talks next week."')
    src = source_of(rec, "urge")
    assert src is not None and src.name.endswith("Kovac")


@pytest.mark.model
def test_a_statement_a_colon_opens_is_its_subjects(analyze):
    rec = analyze('The Ruritanian government released a statement on the vote: '
                  '"We congratulate the people of Borduria on a peaceful election."')
    src = source_of(rec, "congratulate")
    assert src is not None and "government" in src.name


@pytest.mark.model
def test_a_quotation_framed_in_its_own_sentence_does_not_continue_the_last_speaker(analyze):
    rec = analyze('"We will not sign this deal," said Ruritanian Foreign Minister Anna Kovac. '
                  'She was later quoted as saying "we urge Borduria to return to the talks."')
    src = source_of(rec, "urge")
    assert src is None or src.name.endswith("Kovac")  # she, whoever the pronoun is; never another party


@pytest.mark.model
def test_a_first_person_outside_quotation_marks_is_not_the_last_speaker(analyze):
    rec = analyze('Ruritanian Foreign Minister Anna Kovac spoke on Monday. "We will not sign," said Kovac. '
                  'We urge Borduria to return to the talks.')
    for e in rec.events:
        if e.trigger.text == "urge" and e.source is not None:
            assert not next(a for a in rec.actors if a.id == e.source).name.endswith("Kovac")
