"""prepare(): headline, byline, dates, datelines, outlet, footer, page breaks, markup, ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest.article import RawArticle, article_id, normalise_date, parse_date, prepare

from conftest import SEED
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def prep(text: str, **kw):
    return prepare(RawArticle(text=text, **kw))


def test_markdown_headline_author_and_date_line():
    a = prep("# Talks stall in Minsk\n\nClara Weiss\n\n30 November 2020\n\nThe talks stalled on Monday.\n")
    assert a.title == "Talks stall in Minsk"
    assert a.author == "Clara Weiss"
    assert a.published == "2020-11-30"
    assert a.text == "Talks stall in Minsk\n\nThe talks stalled on Monday."


def test_first_line_headline_and_by_line_with_us_date():
    a = prep("Ministers meet in Geneva\nBy Jane Doe\nNovember 30, 2020\n\nMinisters met on Monday.")
    assert (a.title, a.author, a.published) == ("Ministers meet in Geneva", "Jane Doe", "2020-11-30")
    assert a.text.startswith("Ministers meet in Geneva\n\nMinisters met")
    assert "Jane Doe" not in a.text


def test_byline_and_date_on_one_line():
    a = prep("Headline here\n\nBy Jane Doe, Reuters | Published March 3, 2022 10:42 GMT\n\nBody text.")
    assert a.author == "Jane Doe"
    assert a.published == "2022-03-03"
    assert a.text == "Headline here\n\nBody text."


def test_given_published_wins_over_date_line():
    a = prep("Head\n\n30 November 2020\n\nBody.", published="2021-01-02")
    assert a.published == "2021-01-02"


def test_published_timestamp_is_normalised():
    assert prep("Head\n\nBody.", published="2021-01-02T10:00:00Z").published == "2021-01-02"


def test_dateline_with_date_sets_published_and_stays_in_text():
    a = prep("Grain talks resume\n\nKYIV, March 3, 2022 — Ukrainian officials said on Thursday that talks resumed.")
    assert a.published == "2022-03-03"
    assert "KYIV, March 3, 2022 — Ukrainian officials" in a.text
    assert a.outlet is None


def test_dateline_with_agency_sets_outlet():
    a = prep("Council votes\n\nGENEVA (Reuters) - The council voted on Friday to open an inquiry.")
    assert a.outlet == "Reuters"
    assert a.text.endswith("GENEVA (Reuters) - The council voted on Friday to open an inquiry.")


def test_dateline_does_not_override_date_line():
    a = prep("Head\n\n1 March 2022\n\nKYIV, March 3, 2022 — Body.")
    assert a.published == "2022-03-01"


def test_footer_removed_and_outlet_read_from_it():
    text = ("Head\n\nFirst paragraph.\n\nSecond paragraph.\n\n\n\n"
            "To contact the WSWS and the Socialist Equality Party visit:\n\n"
            "**[wsws.org/contact](https://wsws.org/contact)**")
    a = prep(text)
    assert a.outlet == "WSWS"
    assert a.text == "Head\n\nFirst paragraph.\n\nSecond paragraph."


@pytest.mark.parametrize("footer", [
    "© 2021 Eastern Europe Monitor. All rights reserved.",
    "Copyright 2021 Eastern Europe Monitor",
])
def test_copyright_footer_names_outlet(footer):
    a = prep(f"Head\n\nBody.\n\n{footer}\n\nShare this article: [Twitter](https://t.co/x)\n\nSubscribe to our newsletter")
    assert a.outlet == "Eastern Europe Monitor"
    assert a.text == "Head\n\nBody."


def test_given_outlet_wins_over_text():
    assert prep("Head\n\nBody.\n\n© 2021 Foo News.", outlet="Bar").outlet == "Bar"


def test_reuters_trailer_removed():
    a = prep("Head\n\nBody sentence.\n\n(Reporting by Jane Doe; Editing by John Roe)")
    assert a.text == "Head\n\nBody sentence."


def test_long_paragraph_starting_like_boilerplate_is_kept():
    para = "Subscribers " + "to the service said prices rose. " * 12
    assert para.strip() in prep(f"Head\n\n{para}").text


def test_page_break_paragraphs_joined():
    a = prep("Head\n\nRussian media reported that Lukashenko and Putin\n\nstruck a deal in Sochi.\n\nNext one.")
    assert a.text == "Head\n\nRussian media reported that Lukashenko and Putin struck a deal in Sochi.\n\nNext one."


def test_paragraphs_not_joined_after_sentence_end_or_before_capital():
    a = prep("Head\n\nIt ended.\n\nthen lower.\n\nNo end here\n\nCapital start.")
    assert a.text == "Head\n\nIt ended.\n\nthen lower.\n\nNo end here\n\nCapital start."


def test_soft_wrapped_lines_joined_list_items_kept():
    a = prep("Head\n\nThe minister said the talks\nwould resume.\n\n- first item\n- second item")
    assert "The minister said the talks would resume." in a.text
    assert "- first item\n- second item" in a.text


def test_markdown_emphasis_and_links_removed():
    a = prep("# The *big* story\n\nThe *Nezavisimaya Gazeta* and **Kommersant** reported, "
             "per [Tass](https://tass.com), that snake_case_names stay and 2 * 3 = 6.")
    assert a.title == "The big story"
    assert "The Nezavisimaya Gazeta and Kommersant reported, per Tass, that snake_case_names stay and 2 * 3 = 6." in a.text


def test_given_title_not_repeated_and_text_kept():
    a = prep("Same title\n\nBody text.", title="Same title")
    assert a.text == "Same title\n\nBody text."
    b = prep("Body text only.", title="A title")
    assert b.text == "A title\n\nBody text only."


def test_single_paragraph_without_title():
    a = prep("Just one paragraph with no headline.")
    assert a.title is None
    assert a.text == "Just one paragraph with no headline."


def test_crlf_and_bom_handled():
    a = prep("\ufeffHead\r\n\r\nBody one.\r\n")
    assert a.text == "Head\n\nBody one."


def test_plain_mode_keeps_text_exactly():
    text = "  # Not a headline\n\nBy Jane Doe\n\n30 November 2020\n\n*keep* this\n\nsplit\n"
    a = prep(text, plain=True)
    assert a.text == text
    assert a.title is None and a.author is None and a.published is None


def test_id_stable_and_text_dependent():
    a, b = prep("Head\n\nBody."), prep("Head\n\nBody.")
    assert a.id == b.id == article_id(a.text)
    assert prep("Head\n\nOther body.").id != a.id
    assert article_id("a  b\n\nc") == article_id("a b c")
    assert prep("Head\n\nBody.", id="upstream-7").id == "upstream-7"


@pytest.mark.parametrize("text,iso", [
    ("30 November 2020", "2020-11-30"),
    ("November 30, 2020", "2020-11-30"),
    ("Nov. 30, 2020", "2020-11-30"),
    ("Monday, 30 Nov 2020", "2020-11-30"),
    ("2020-11-30", "2020-11-30"),
    ("February 30, 2020", None),
    ("November 2020", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_normalise_date():
    assert normalise_date("2020-11-30T08:00:00+01:00") == "2020-11-30"
    assert normalise_date("Mon, 30 Nov 2020 08:00:00 GMT") == "2020-11-30"
    assert normalise_date(None) is None
    assert normalise_date("soon") is None


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not available")
def test_seed_article():
    a = prep(SEED.read_text(encoding="utf-8"))
    assert a.title == "Kremlin pressures Lukashenko to give up power in Belarus"
    assert a.author == "Clara Weiss"
    assert a.published == "2020-11-30"
    assert a.outlet == "WSWS"
    assert "To contact" not in a.text and "wsws.org" not in a.text
    assert "Lukashenko and Putin struck a deal in Sochi back in September." in a.text
    assert "geo-strategic and domestic considerations." in a.text
    assert "*" not in a.text
    assert "The Nezavisimaya Gazeta reported" in a.text
    assert a.text.startswith("Kremlin pressures Lukashenko to give up power in Belarus\n\nAfter almost four months")
    assert a.text.endswith("public transportation fares have already been raised.")
    assert "Clara Weiss" not in a.text and "30 November 2020" not in a.text


def test_example_article():
    a = prep((EXAMPLES / "belarus-kremlin.txt").read_text(encoding="utf-8"))
    assert a.title and a.author and a.published and a.outlet
    assert "Subscribe" not in a.text and "©" not in a.text and "](" not in a.text


def test_every_example_reads_with_metadata():
    from newsgraph.ingest.sources import iter_inputs

    got = list(iter_inputs([EXAMPLES]))
    assert len(got) >= 4
    for raw in got:
        assert isinstance(raw, RawArticle), raw
        a = prepare(raw)
        assert a.title and a.author and a.published, a.title
        assert "](" not in a.text and "Reporting by" not in a.text and "Sign up" not in a.text


@pytest.mark.parametrize("line,author,published,outlet", [
    ("Mar 3, 2022 10:42 AM ET", None, "2022-03-03", None),
    ("2022-03-03T10:42:00Z", None, "2022-03-03", None),
    ("March 3, 2022 / 10:42 AM / Updated 2 hours ago", None, "2022-03-03", None),
    ("Associated Press", None, None, "Associated Press"),
    ("By JANE DOE", "Jane Doe", None, None),
    ("By Jane Doe and John Roe, Associated Press", "Jane Doe and John Roe", None, "Associated Press"),
    ("Jane Doe | Reuters | 3 March 2022", "Jane Doe", "2022-03-03", "Reuters"),
    ("Posted on March 3, 2022 by Jane Doe", "Jane Doe", "2022-03-03", None),
])
def test_header_line_forms(line, author, published, outlet):
    a = prep(f"Head line\n\n{line}\n\nBody text here.")
    assert (a.author, a.published, a.outlet) == (author, published, outlet)
    assert a.text == "Head line\n\nBody text here."


def test_sentence_after_headline_is_not_a_byline():
    a = prep("Head line\n\nThe Kremlin said on Monday it would respond.\n\nMore.")
    assert a.author is None and "The Kremlin said" in a.text


def test_body_without_headline_is_not_given_one():
    a = prep("KYIV, March 3, 2022 — Talks resumed on Thursday.\n\nA second paragraph follows here.")
    assert a.title is None and a.published == "2022-03-03"
    assert a.text == "KYIV, March 3, 2022 — Talks resumed on Thursday.\n\nA second paragraph follows here."
    lead = "Ukrainian and Russian negotiators agreed on Thursday to work towards temporary ceasefires around corridors."
    b = prep(f"{lead}\n\nMore.")
    assert b.title is None and b.text.startswith(lead)


@pytest.mark.parametrize("first", [
    "By a vote of 2896-0 (with two abstentions), the congress passed the law.",
    "By an overwhelming 109-1 margin, the government won a vote of confidence.",
    "By late evening the crowd had grown.",
])
def test_sentence_starting_with_by_is_body(first):
    a = prep(f"{first}\n\nMore text.", title="A title")
    assert a.author is None and a.text == f"A title\n\n{first}\n\nMore text."


def test_bare_name_without_date_is_a_subheading():
    a = prep("Head\n\nEwood Park\n\nRovers won on Saturday.")
    assert a.author is None and a.text == "Head\n\nEwood Park\n\nRovers won on Saturday."
    b = prep("Head\n\n30 November 2020\n\nClara Weiss\n\nBody.")
    assert (b.author, b.published, b.text) == ("Clara Weiss", "2020-11-30", "Head\n\nBody.")


_PIECES = st.sampled_from(list("ab AB.,*_#\n\n-—()[]:\r\ufeff") + [
    "By ", "Reuters", "30 November 2020", "KYIV, ", "© 2020 X", "](u)", "\t", "é", "Jane Doe"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join)))
def test_prepare_never_raises_and_keeps_its_invariants(text):
    a = prep(text)
    assert a.text == a.text.strip() and "\n\n\n" not in a.text
    assert a.id == article_id(a.text)
    assert a.title is None or a.text.startswith(a.title)
    assert prep(text, plain=True).text == text


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.*") if p.suffix in {".txt", ".md"}))
def test_prepare_is_idempotent_on_articles(name):
    a = prep((EXAMPLES / name).read_text(encoding="utf-8"))
    assert prep(a.text).text == a.text


def test_footer_words_mid_story_are_news():
    text = ("Head\n\nCopyright holders will be paid more under a law passed on Monday.\n\n"
            "Subscribers to the service will pay 3 percent more.\n\nThe vote was 300 to 120.\n\n"
            "Share this article\n\nCopyright 2021 Foo News. All rights reserved.")
    a = prep(text)
    assert a.text == ("Head\n\nCopyright holders will be paid more under a law passed on Monday.\n\n"
                      "Subscribers to the service will pay 3 percent more.\n\nThe vote was 300 to 120.")
    assert a.outlet == "Foo News"


def test_clutter_mid_story_removed():
    a = prep("Head\n\nFirst.\n\nAdvertisement\n\nRead more: other story\n\nSecond.")
    assert a.text == "Head\n\nFirst.\n\nSecond."


@pytest.mark.parametrize("dateline,outlet,published", [
    ("SÃO PAULO (Reuters) -", "Reuters", None),
    ("MINSK, Belarus (AP) —", "AP", None),
    ("WASHINGTON, Nov. 30, 2020 (AFP) -", "AFP", "2020-11-30"),
    ("ZÜRICH, 3 March 2022 –", None, "2022-03-03"),
])
def test_dateline_forms(dateline, outlet, published):
    a = prep(f"Head\n\n{dateline} Officials said on Monday the talks would go on.")
    assert (a.outlet, a.published) == (outlet, published)
    assert a.text.endswith(f"{dateline} Officials said on Monday the talks would go on.")


def test_ordinary_first_sentence_is_not_a_dateline():
    a = prep("Head\n\nNATO - the alliance - said on Monday (Reuters reported) that it would act.")
    assert a.outlet is None
