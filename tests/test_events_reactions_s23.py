"""Session 23 (issue 10, branch h-anaphor23): a response to an act the article told earlier
("the test was unwelcome", "described the exercise as regrettable") is aimed at whoever did
that act. Hand-written sentences only (wording invented for these tests)."""

import pytest


def _targets(analyze, text, word):
    rec = analyze(text)
    countries = {a.id: a.country for a in rec.actors}
    return [countries.get(e.target) for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word and not e.negated]


_LEAD = ("The Peruvian navy conducted a missile test exercise on Monday. "
         "Six rockets were fired from two ships. Officials said the launches went as planned. "
         "Analysts said more launches were expected. Fishing boats were kept away from the area. ")


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    # a copula's subject: the test told as the object of a doing verb in the lead
    (_LEAD + "Chile said the test was unwelcome.", "unwelcome"),
    # a verb of describing, the act told in the lead beyond the three sentences before
    (_LEAD + "The Chilean government described the exercise as regrettable.", "described"),
    # an act verb hyphened to its noun ("test-fired" -> "the test")
    ("The Peruvian navy test-fired six rockets near the coast on Monday. Chile condemned the test.", "condemned"),
    # a passive response with no responder named
    ("The Peruvian navy test-fired six rockets on Monday. The tests have been widely criticised.", "criticised"),
    # the noun's own relative clause names its author
    ("The reforms the Peruvian government introduced were criticised by Chile.", "criticised"),
    # the same noun naming its maker wins over a nearer speaker
    ("Peruvian minister Pablo Rojas made a comment on drinking on Monday. Mario Soto, an analyst, "
     "said he believed the comment was unwise. The comment was criticised by the Chilean Socialist Party.",
     "criticised"),
])
def test_a_response_is_aimed_at_the_doer_of_the_act_told_earlier(analyze, text, word):
    assert "PER" in _targets(analyze, text, word)


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    # a singular act is not a plural one told before with its own party
    ("Chilean and Argentine ships held joint exercises last month. Peru said the exercise was "
     "regrettable.", "regrettable"),
    # a new description is no anaphor ("the attempts at peace" after "an attempt at ...")
    ("Peruvian rebels rejected the attempts at peace. The Bolivian president's attempt at "
     "mediation failed.", "rejected"),
])
def test_no_doer_from_another_act(analyze, text, word):
    assert [t for t in _targets(analyze, text, word) if t is not None] == []
