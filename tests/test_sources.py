"""iter_inputs(): every input kind and every bad input, on small files written here."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from pathlib import Path

import pytest

from newsgraph.ingest.article import RawArticle, prepare
from newsgraph.ingest.html import html_to_text
from newsgraph.ingest.language import guess_language
from newsgraph.ingest.skipped import KINDS
from newsgraph.ingest.sources import Skipped, decode, iter_inputs

BODY = ("Belarusian officials said on Monday that the talks with Moscow would resume next week in Minsk, "
        "and that the two governments had agreed on the price of gas for the coming year. The opposition "
        "said it was not consulted and that it would continue its protests in the capital and in the regions.")
ARTICLE = f"Talks resume in Minsk\n\nBy Jane Doe\n\nMarch 3, 2022\n\n{BODY}\n"
GERMAN = ("Die Regierung in Minsk hat am Montag erklärt, dass die Gespräche mit Moskau in der nächsten Woche "
          "fortgesetzt werden. Die Opposition sagte, sie sei nicht gefragt worden und werde ihre Proteste in der "
          "Hauptstadt und in den Regionen fortsetzen, auch wenn die Polizei weiter Menschen festnimmt.")

PAGE = f"""<!doctype html><html lang="en"><head><title>Talks resume in Minsk | Brussels Wire</title>
<meta property="og:site_name" content="Brussels Wire"><meta property="og:title" content="Talks resume in Minsk">
<meta name="author" content="Marta Kovacs"><meta property="article:published_time" content="2022-03-03T09:00:00Z">
<link rel="canonical" href="https://brussels-wire.example/2022/03/03/talks"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks resume in Minsk</h1>
<p>{BODY}</p><p>"We are ready to talk," the deputy prime minister told reporters on Monday evening in Minsk,
adding that the delegations would meet at the foreign ministry.</p></article>
<footer><p>Copyright 2022 Brussels Wire. All rights reserved.</p></footer></body></html>"""


def items(*paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


def only(*paths, **kw):
    got = items(*paths, **kw)
    assert len(got) == 1, got
    return got[0]


def skipped(*paths, **kw) -> Skipped:
    got = only(*paths, **kw)
    assert isinstance(got, Skipped), got
    assert got.kind in KINDS
    return got


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- good inputs --------------------------------------------------------------

def test_text_file(tmp_path):
    raw = only(write(tmp_path / "a.txt", ARTICLE))
    assert isinstance(raw, RawArticle) and raw.source == str(tmp_path / "a.txt")
    art = prepare(raw)
    assert (art.title, art.author, art.published) == ("Talks resume in Minsk", "Jane Doe", "2022-03-03")


def test_published_option_overrides(tmp_path):
    raw = only(write(tmp_path / "a.md", ARTICLE), published="2022-03-05")
    assert prepare(raw).published == "2022-03-05"


def test_plain_option_keeps_text(tmp_path):
    raw = only(write(tmp_path / "a.txt", ARTICLE), plain=True)
    assert prepare(raw).text == ARTICLE


def test_html_file_uses_trafilatura_metadata(tmp_path):
    art = prepare(only(write(tmp_path / "page.html", PAGE)))
    assert art.title == "Talks resume in Minsk"
    assert art.author == "Marta Kovacs"
    assert art.published == "2022-03-03"
    assert art.outlet == "Brussels Wire"
    assert art.url == "https://brussels-wire.example/2022/03/03/talks"
    assert art.text.startswith(f"Talks resume in Minsk\n\n{BODY}\n\n\"We are ready to talk,\"")
    assert "Home" not in art.text and "Copyright" not in art.text


def test_gzipped_html_file(tmp_path):
    raw = only(write(tmp_path / "page.html.gz", gzip.compress(PAGE.encode())))
    assert isinstance(raw, RawArticle) and BODY in raw.text


def test_html_without_article_text(tmp_path):
    page = "<html><head><title>Index</title></head><body><nav><a href='/a'>A</a></nav></body></html>"
    assert skipped(write(tmp_path / "index.html", page)).kind == "no_text"


def test_directory_every_file_is_read_or_reported(tmp_path):
    """Files with other extensions (an image, a CSV) and hidden files used to vanish without a word."""
    write(tmp_path / "b.txt", ARTICLE.replace("Minsk\n", "Minsk again\n", 1))
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.md", ARTICLE)
    write(tmp_path / "notes.csv", "a,b\n")
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write(tmp_path / "sub" / "blob", bytes(range(256)) * 4)
    write(tmp_path / ".hidden.txt", ARTICLE)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", ARTICLE)
    got = {g.source: g for g in items(tmp_path)}
    read = [s for s, g in got.items() if isinstance(g, RawArticle)]
    assert read == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.md")]
    kinds = {s: (g.kind, g.reason) for s, g in got.items() if isinstance(g, Skipped)}
    assert kinds[str(tmp_path / "notes.csv")][0] == "unknown_type"
    assert kinds[str(tmp_path / "photo.png")][0] == "binary" and "PNG" in kinds[str(tmp_path / "photo.png")][1]
    assert kinds[str(tmp_path / "sub" / "blob")][0] == "binary"
    assert kinds[str(tmp_path / ".hidden.txt")][0] == kinds[str(tmp_path / ".git")][0] == "hidden"
    assert len(got) == 7 and all(k in KINDS for k, _ in kinds.values())


def test_directory_without_readable_files(tmp_path):
    write(tmp_path / "data.csv", "a,b\n")
    s = skipped(tmp_path)
    assert s.kind == "unknown_type" and ".txt" in s.reason and s.source.endswith("data.csv")
    (tmp_path / "data.csv").unlink()
    assert skipped(tmp_path).kind == "empty"


def test_json_file_is_read_as_records(tmp_path):
    """A .json file (one object or an array) used to be ignored in a directory and analysed as raw text."""
    one = write(tmp_path / "one.json", json.dumps({"title": "Talks resume", "date": "2022-03-03", "text": BODY}))
    art = only(one)
    assert isinstance(art, RawArticle) and art.text == BODY and art.published == "2022-03-03"
    many = write(tmp_path / "many.json", json.dumps([{"text": BODY}, {"text": BODY + " More."}, 3]))
    got = items(many)
    assert [type(g).__name__ for g in got] == ["RawArticle", "RawArticle", "Skipped"]
    assert got[1].text == BODY + " More." and got[2].source == f"{many}[2]"
    assert skipped(write(tmp_path / "bad.json", "{oops")).kind == "malformed"


def test_unreadable_date_is_a_warning_naming_the_line(tmp_path):
    path = write(tmp_path / "a.jsonl", json.dumps({"text": BODY, "date": "2022-03-03"}) + "\n"
                 + json.dumps({"text": BODY + " Two.", "date": "01/03/2021"}) + "\n")
    first, second = items(path)
    assert first.warnings == [] and second.published is None
    assert second.source == f"{path}:2" and "01/03/2021" in second.warnings[0]


def _jsonl_lines() -> list[str]:
    return [
        json.dumps({"id": "wn-1", "title": "Talks resume", "date": "2022-03-03", "url": "https://x.example/1",
                    "source": "Wikinews", "text": BODY}),
        "",
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": BODY + " Second."}),
    ]


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz"])
def test_jsonl_keeps_upstream_fields_and_reports_bad_lines(tmp_path, name):
    data = "\n".join(_jsonl_lines()).encode()
    got = items(write(tmp_path / name, gzip.compress(data) if name.endswith(".gz") else data))
    first = got[0]
    assert isinstance(first, RawArticle)
    art = prepare(first)
    assert (art.id, art.title, art.published, art.url, art.outlet) == (
        "wn-1", "Talks resume", "2022-03-03", "https://x.example/1", "Wikinews")
    assert art.text == f"Talks resume\n\n{BODY}"
    bad = got[1:4]
    assert [(b.kind, b.source) for b in bad] == [("malformed", f"{tmp_path / name}:3"),
                                                 ("malformed", f"{tmp_path / name}:4"),
                                                 ("malformed", f"{tmp_path / name}:5")]
    assert "text" in bad[1].reason
    assert isinstance(got[4], RawArticle) and got[4].id is None
    assert len(got) == 5


def test_jsonl_reads_newsgraph_records_back_exactly(tmp_path):
    art = prepare(RawArticle(text=ARTICLE))
    line = json.dumps({"schema": "newsgraph/1", "article": art.model_dump(), "actors": []})
    again = prepare(only(write(tmp_path / "export.jsonl", line)))
    assert again == art


def test_jsonl_is_streamed(tmp_path):
    path = write(tmp_path / "big.jsonl", "\n".join(json.dumps({"text": f"{BODY} {i}"}) for i in range(50)))
    it = iter_inputs([path])
    assert isinstance(next(it), RawArticle)  # a generator: nothing forces the whole file


def test_truncated_gzip_jsonl_reports_lines_read(tmp_path):
    data = gzip.compress("\n".join(json.dumps({"text": f"{BODY} {i}"}) for i in range(400)).encode())
    got = items(write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2]))
    assert all(isinstance(g, RawArticle) for g in got[:-1])
    last = got[-1]
    assert isinstance(last, Skipped) and last.kind == "corrupt"
    assert f"after {len(got) - 1} lines" in last.reason
    assert last.source == f"{tmp_path / 'cut.jsonl.gz'}:{len(got)}"


def test_not_gzip_at_all(tmp_path):
    s = skipped(write(tmp_path / "bad.jsonl.gz", b"this is not gzip data at all"))
    assert s.kind == "corrupt" and "after 0 lines" in s.reason


def test_stdin_text_and_html():
    raw = only("-", stdin=io.BytesIO(ARTICLE.encode()))
    assert raw.source == "<stdin>" and prepare(raw).title == "Talks resume in Minsk"
    page = only("-", stdin=io.BytesIO(PAGE.encode()))
    assert prepare(page).outlet == "Brussels Wire"
    assert skipped("-", stdin=io.BytesIO(b"  \n")).kind == "empty"


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Minsk Monitor</title><link>https://minsk.example/</link><description>News</description>
<item><title>Talks resume in Minsk</title><link>https://minsk.example/talks</link>
<pubDate>Thu, 03 Mar 2022 09:00:00 GMT</pubDate><description>Short summary.</description>
<content:encoded><![CDATA[<p>{BODY}</p><p>Second <b>paragraph</b> of the story, with more detail on what was agreed.</p>]]></content:encoded>
</item>
<item><title>Only a summary</title><link>https://minsk.example/short</link>
<description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Nothing</title><link>https://minsk.example/none</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Geneva Desk</title><id>urn:x</id><updated>2022-03-04T00:00:00Z</updated>
<entry><title>Council votes</title><id>urn:1</id><link href="https://geneva.example/vote"/>
<updated>2022-03-04T10:00:00Z</updated><author><name>Ana Lima</name></author>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def test_rss_feed_entries(tmp_path):
    got = items(write(tmp_path / "news.rss", RSS))
    full, summary, nothing = got
    art = prepare(full)
    assert (art.title, art.outlet, art.published, art.url) == (
        "Talks resume in Minsk", "Minsk Monitor", "2022-03-03", "https://minsk.example/talks")
    assert art.text == f"Talks resume in Minsk\n\n{BODY}\n\nSecond paragraph of the story, with more detail on what was agreed."
    assert prepare(summary).text == f"Only a summary\n\n{BODY}"
    assert isinstance(nothing, Skipped) and nothing.kind == "no_text" and "minsk.example/none" in nothing.source


def test_atom_feed_in_xml_file(tmp_path):
    art = prepare(only(write(tmp_path / "feed.xml", ATOM)))
    assert (art.title, art.author, art.outlet, art.published) == ("Council votes", "Ana Lima", "Geneva Desk", "2022-03-04")
    assert art.text.endswith(BODY)


def test_malformed_feed(tmp_path):
    got = items(write(tmp_path / "broken.rss", "<rss><channel><title>x</title><item><title"))
    assert isinstance(got[-1], Skipped) and got[-1].kind == "malformed" and "broken.rss" in got[-1].source
    s = skipped(write(tmp_path / "nonsense.atom", "<feed><<<>>>"))
    assert s.kind == "malformed" and "not a readable" in s.reason


def test_truncated_feed_reports_after_entries(tmp_path):
    got = items(write(tmp_path / "cut.rss", RSS[: RSS.index("<item><title>Only")] + "<item><title>Only a"))
    assert isinstance(got[0], RawArticle)
    assert isinstance(got[-1], Skipped) and got[-1].kind == "malformed" and "entries were read" in got[-1].reason


def test_xml_that_is_not_a_feed(tmp_path):
    s = skipped(write(tmp_path / "data.xml", "<?xml version='1.0'?><catalog><book/></catalog>"))
    assert s.kind == "malformed" and "feed" in s.reason


def _warc(path: Path, gz: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(url: str, ctype: str, body: bytes, status: str = "200 OK", date: str = "2022-03-04T12:00:00Z"):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": date})
            writer.write_record(rec)

        response("https://brussels-wire.example/2022/03/03/talks", "text/html; charset=utf-8", PAGE.encode())
        response("https://brussels-wire.example/logo.png", "image/png", b"\x89PNG....")
        response("https://brussels-wire.example/gone", "text/html", b"<html>gone</html>", status="404 Not Found")
        response("https://brussels-wire.example/index", "text/html",
                 b"<html><body><nav><a href='/a'>A</a></nav></body></html>")
        undated = PAGE.replace('<meta property="article:published_time" content="2022-03-03T09:00:00Z">', "")
        undated = undated.replace("2022/03/03/", "")
        response("https://brussels-wire.example/undated", "text/html", undated.encode(),
                 date="2022-03-06T08:00:00Z")
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_articles(tmp_path, name):
    got = items(_warc(tmp_path / name, name.endswith(".gz")))
    page, index, undated = got
    art = prepare(page)
    assert art.url == "https://brussels-wire.example/2022/03/03/talks"
    assert art.published == "2022-03-03" and BODY in art.text
    assert isinstance(index, Skipped) and index.kind == "no_text" and "/index" in index.source
    assert isinstance(undated, RawArticle) and undated.fetched == "2022-03-06"


@pytest.mark.parametrize("keep", [0.3, 0.6])
def test_truncated_warc(tmp_path, keep):
    path = _warc(tmp_path / "crawl.warc.gz", True)
    data = path.read_bytes()
    write(path, data[: int(len(data) * keep)])
    got = items(path)
    assert isinstance(got[-1], Skipped) and got[-1].kind == "malformed"
    assert "truncated" in got[-1].reason and "records before were read" in got[-1].reason
    assert all(isinstance(g, RawArticle) for g in got[:-1])


def _member_ends(data: bytes) -> set[int]:
    ends, pos = set(), 0
    while pos < len(data):
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        member.decompress(data[pos:])
        pos = len(data) - len(member.unused_data)
        ends.add(pos)
    return ends


@pytest.mark.parametrize("gz", [True, False])
def test_a_warc_cut_anywhere_is_reported(tmp_path, gz):
    """warcio reads a file cut inside a gzip member or a record's headers as a clean end (the
    record IDs are random, so where a fixed fraction cuts varied from run to run). Every cut,
    taken every 13 bytes, must be reported, except one that falls exactly between whole
    records (or, in a plain WARC, right after a header block)."""
    data = _warc(tmp_path / "crawl.warc", gz).read_bytes()
    whole = _member_ends(data) if gz else {i + 4 for i in range(len(data)) if data[i:i + 4] == b"\r\n\r\n"}
    cut_path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    for cut in range(40, len(data) - 1, 13):
        if cut in whole:
            continue  # a shorter archive of whole records (or headers), no way to tell
        got = items(write(cut_path, data[:cut]))
        assert got and isinstance(got[-1], Skipped) and got[-1].kind == "malformed", cut


# --- bad inputs -----------------------------------------------------------------

def test_missing_file(tmp_path):
    s = skipped(tmp_path / "nope.txt")
    assert s.kind == "missing" and s.source == str(tmp_path / "nope.txt")


def test_empty_file(tmp_path):
    assert skipped(write(tmp_path / "e.txt", "")).kind == "empty"
    assert skipped(write(tmp_path / "w.txt", "  \n\n ")).kind == "empty"


@pytest.mark.parametrize("data", [b"abc\x00def" * 100, bytes(range(0, 32)) * 50, b"%PDF-1.7\n..."])
def test_binary_file(tmp_path, data):
    assert skipped(write(tmp_path / "b.txt", data)).kind == "binary"


def test_cp1252_is_decoded():
    text = ("Lukashenko’s “reform” was called a façade by critics in Minsk. " * 3)
    assert decode(text.encode("cp1252"), "x") == text


def test_utf8_bom_and_utf16_decoded():
    assert decode("\ufeffHello Minsk".encode("utf-8"), "x") == "Hello Minsk"
    assert decode("Hello Minsk".encode("utf-16"), "x") == "Hello Minsk"


def test_koi8r_is_detected_then_skipped_as_not_english(tmp_path):
    text = "Президент заявил, что реформа необходима и выборы пройдут в конце года. " * 5
    assert decode(text.encode("koi8-r"), "x") == text
    s = skipped(write(tmp_path / "ru.txt", text.encode("koi8-r")))
    assert s.kind == "not_english" and "Cyrillic" in s.reason


def test_undecodable_bytes(tmp_path):
    data = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x41]) * 40
    s = skipped(write(tmp_path / "x.txt", data))
    assert s.kind == "encoding" and "UTF-8" in s.reason


def test_size_limit(tmp_path):
    path = write(tmp_path / "big.txt", ARTICLE * 100)
    s = skipped(path, max_bytes=1000)
    assert s.kind == "too_large" and "max_bytes" in s.reason
    assert isinstance(only(path), RawArticle)  # the default limit (20 MB) lets it through


def test_size_limit_on_gzip_bomb(tmp_path):
    s = skipped(write(tmp_path / "bomb.txt.gz", gzip.compress(b"a " * 100_000)), max_bytes=10_000)
    assert s.kind == "too_large"


def test_non_english_article(tmp_path):
    s = skipped(write(tmp_path / "de.txt", f"Gespräche in Minsk\n\n{GERMAN}"))
    assert s.kind == "not_english" and "German" in s.reason
    assert isinstance(only(tmp_path / "de.txt", check_language=False), RawArticle)


def test_batch_carries_on_after_bad_inputs(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    got = items(tmp_path / "missing.txt", write(tmp_path / "empty.txt", ""), good,
                write(tmp_path / "bin.txt", b"\x00\x01\x02" * 10))
    assert [type(g).__name__ for g in got] == ["Skipped", "Skipped", "RawArticle", "Skipped"]


# --- helpers ----------------------------------------------------------------------

def test_html_to_text_keeps_paragraphs_drops_scripts():
    assert html_to_text("<p>One <i>a</i></p><script>x()</script><p>Two<br>three</p>") == "One a\n\nTwo three"
    assert html_to_text("no markup") == "no markup"


@pytest.mark.parametrize("text,code", [(BODY, "en"), (GERMAN, "de"),
                                       ("Президент заявил, что реформа необходима и выборы пройдут.", "ru"),
                                       ("日本の首相は月曜日に記者会見を開き、新しい経済対策を発表した。", "ja")])
def test_guess_language(text, code):
    guess = guess_language(text)
    assert guess.code == code and guess.confident
    assert guess.is_english == (code == "en")


def test_short_text_is_not_judged():
    assert guess_language("Der Präsident sprach.").is_english


def test_html_eval_metrics():
    from newsgraph.eval.html import shingle_counts, token_counts

    assert token_counts("a b b c", "b c d") == (2, 4, 3)
    assert shingle_counts("one two three four", "one two three four") == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_counts("one two three four five", "one two three four")
    assert (tp, fp, fn) == (0.5, 0.5, 0.0)
    assert shingle_counts("", "one two three four") == (0.0, 0.0, 1.0)


def test_hundred_megabyte_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    s = skipped(path)
    assert s.kind == "too_large" and "104,857,600 bytes" in s.reason


def test_corrupt_gzipped_text_file(tmp_path):
    data = gzip.compress(ARTICLE.encode() * 20)
    assert skipped(write(tmp_path / "a.txt.gz", data[:-30])).kind == "corrupt"


def test_jsonl_line_not_utf8_or_too_deep(tmp_path):
    lines = [b'{"text": "caf\xe9 au lait"}', b"[" * 100_000, json.dumps({"text": BODY}).encode()]
    got = items(write(tmp_path / "x.jsonl", b"\n".join(lines)))
    assert [getattr(g, "kind", "ok") for g in got] == ["encoding", "malformed", "ok"]


def test_warc_resource_record(tmp_path):
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "wget.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        rec = writer.create_warc_record("file:///page.html", "resource", payload=io.BytesIO(PAGE.encode()),
                                        warc_content_type="text/html")
        writer.write_record(rec)
    raw = only(path)
    assert isinstance(raw, RawArticle) and BODY in raw.text


def test_feed_with_long_prolog_is_still_read(tmp_path):
    feed = RSS.replace("<rss ", "<!-- " + "x" * 5000 + " -->\n<rss ", 1)
    assert isinstance(items(write(tmp_path / "long.xml", feed))[0], RawArticle)


def test_control_characters_are_cleaned_at_ingest_whatever_the_source(tmp_path):
    """ESC sequences in a JSONL title or an HTML page reached the terminal (clear screen, window title)."""
    evil = "\x1b]0;pwned\x07\x1b[2J"
    jsonl = write(tmp_path / "a.jsonl", json.dumps({"title": f"Talks {evil}resume\x9b", "source": "W\x1b[31mire",
                                                     "text": f"{BODY} {evil}End."}) + "\n")
    page = write(tmp_path / "p.html", PAGE.replace("Talks resume in Minsk</h1>", f"Talks {evil}resume</h1>")
                 .replace("the talks with Moscow", f"the talks {evil}with Moscow"))
    text = write(tmp_path / "t.txt", ARTICLE.replace("the talks", f"the {evil}talks"))
    for item in items(jsonl, page, text):
        assert isinstance(item, RawArticle), item
        for value in (item.text, item.title or "", item.outlet or ""):
            assert not any(ord(c) < 32 and c not in "\t\n\r\x0b\x0c" or 0x7f <= ord(c) < 0xa0 for c in value), value
    art = only(jsonl, plain=True)
    assert len(art.text) == len(f"{BODY} {evil}End.")  # one space per character: --plain offsets hold
    assert art.title == "Talks resume"  # the whole escape sequence goes, not just ESC


def test_count_inputs_gives_a_progress_total_when_cheap(tmp_path):
    lines = write(tmp_path / "a.jsonl", "\n".join(json.dumps({"text": BODY}) for _ in range(3)) + "\n\n")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt") as fh:
        fh.write(json.dumps({"text": BODY}) + "\n")
    (tmp_path / "d").mkdir()
    write(tmp_path / "d" / "x.txt", ARTICLE)
    write(tmp_path / "d" / "y.json", json.dumps([{"text": BODY}, {"text": BODY}]))
    write(tmp_path / "d" / ".hidden", "x")
    from newsgraph.ingest.sources import count_inputs

    assert count_inputs([lines, tmp_path / "b.jsonl.gz", tmp_path / "d"]) == 3 + 1 + 1 + 2 + 1
    assert count_inputs([lines]) == len(items(lines))
    assert count_inputs(["-"]) is None
    assert count_inputs([write(tmp_path / "f.rss", "<rss/>")]) is None
