"""Session 11's index forms of the places, quantities, quotes and claims rules must give what the
Span and Token walks they replaced give (those walks are kept here). Hand-made Docs; no model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract import keep_text
from newsgraph.extract.claims import _antecedent, _hedged, hard_breaks
from newsgraph.extract.cues import load_cues
from newsgraph.extract.places import _toponym_spans, _untagged, extract_places
from newsgraph.extract.gazetteer import Candidate, Gazetteer, normalise
from newsgraph.extract.quantities import _digit_tokens, _extend, _prev_sent_start, extract_quantities
from newsgraph.extract.quotes import _words_back
from newsgraph.extract.tokens import token_view

NLP = spacy.blank("en")


def _doc(words, spaces=None, ents=(), sent_starts=None, pos=None, heads=None, deps=None) -> Doc:
    doc = Doc(NLP.vocab, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps,
              sent_starts=sent_starts)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _places_doc() -> Doc:
    """Entities with a leading "the", a lower-case compass word, a trailing "'s", commas inside,
    an extra space, and proper nouns outside every entity that repeat a place name."""
    words = ["The", "Hague", "'s", "court", "met", "in", "south", "Ardalia", ",", "near", "Port", "Vell",
             ",", "Ardalia", ".", "Later", "Port", "Vell", "and", "Zembla", "City", "wrote", "to", "the",
             "United", "Provinces", "."]
    spaces = [True] * len(words)
    spaces[8] = spaces[1] = spaces[-2] = False
    ents = [(0, 3, "GPE"), (6, 8, "LOC"), (10, 14, "GPE"), (19, 20, "ORG"), (23, 26, "GPE")]
    pos = ["DET", "PROPN", "PART", "NOUN", "VERB", "ADP", "ADJ", "PROPN", "PUNCT", "ADP", "PROPN", "PROPN",
           "PUNCT", "PROPN", "PUNCT", "ADV", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "ADP",
           "DET", "PROPN", "PROPN", "PUNCT"]
    return _doc(words, spaces, ents, pos=pos)


def _trim_spans(doc: Doc, ent: Span) -> list[Span]:
    """What ``places._trim`` returned before: Spans."""
    start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
    while start < ent.end - 1 and doc[start].is_lower and doc[start].lower_ in {"south", "north"}:
        start += 1
    end = ent.end - 1 if ent[-1].text in ("'s", "’s") and ent.end - 1 > start else ent.end
    out, piece = [], start
    for i in range(start, end):
        if doc[i].text == ",":
            if i > piece:
                out.append(doc[piece:i])
            piece = i + 1
    if end > piece:
        out.append(doc[piece:end])
    return out


def test_the_token_views_character_offsets_are_the_spans():
    doc = _places_doc()
    view = token_view(doc)
    starts, ends = view.chars
    assert starts == [t.idx for t in doc] and ends == [t.idx + len(t.text) for t in doc]
    for i in range(len(doc)):
        for j in range(i + 1, len(doc) + 1):
            span = doc[i:j]
            assert (starts[i], ends[j - 1]) == (span.start_char, span.end_char)
            assert doc.text[starts[i]:ends[j - 1]] == span.text
    assert view.column("pos").tolist() == [t.pos for t in doc]
    assert token_view(NLP("")).chars == ([], [])


def test_toponym_ranges_are_the_trimmed_spans():
    doc = _places_doc()
    got = _toponym_spans(doc, doc.ents)
    want = [((s.start, s.end), ent.label_) for ent in doc.ents for s in _trim_spans(doc, ent)]
    assert [((s, e), label) for s, e, label in got] == want
    assert [doc[s:e].text for s, e, _ in got] == ["Hague", "Ardalia", "Port Vell", "Ardalia", "Zembla",
                                                  "United Provinces"]


def _untagged_spans(doc: Doc, known: set[str], taken: set[int]) -> list[Span]:
    """What ``places._untagged`` returned before: Spans, read token by token."""
    out, after = [], 0
    for i in [t.i for t in doc if t.pos_ == "PROPN" and not t.ent_type_]:
        if i < after or i in taken:
            continue
        for n in (3, 2, 1):
            span = doc[i:i + n]
            if len(span) == n and not any(t.ent_type_ or t.i in taken for t in span) \
                    and normalise(span.text) in known:
                out.append(span)
                after = span.end
                break
    return out


def test_untagged_repeats_are_the_token_walks():
    doc = _places_doc()
    for known in ({"port vell"}, {"port vell", "vell"}, {"later port vell", "port vell"}, {"city"}, set()):
        for taken in (set(), {16}, {17, 20}):
            want = [(s.start, s.end) for s in _untagged_spans(doc, known, taken)]
            assert _untagged(doc, known, taken) == want


def test_places_offsets_are_the_articles_text():
    doc = _places_doc()
    keep_text(doc, doc.text)
    gaz = Gazetteer()
    gaz.add("Ardalia", Candidate("Ardalia", "country", 1.0, 2.0, "ARD", 1, 9_000_000))
    gaz.add("Port Vell", Candidate("Port Vell", "city", 1.5, 2.5, "ARD", 2, 600_000))
    places = extract_places(doc, gaz)
    assert [(p.text, p.name) for p in places] == [
        ("Hague", "Hague"), ("Ardalia", "Ardalia"), ("Port Vell", "Port Vell"), ("Ardalia", "Ardalia"),
        ("Port Vell", "Port Vell"), ("United Provinces", "United Provinces")]
    assert all(doc.text[p.start:p.end] == p.text for p in places)
    assert places[4].start == doc[16].idx and places[4].country == "ARD"


def test_digit_tokens_are_the_tokens_with_a_digit():
    words = ["In", "٢٠٢٠", ",", "3", "km²", "and", "x9", "of", "the", "12,000", "-", "strong", "①", "unit", "."]
    doc = _doc(words)
    keep_text(doc, doc.text)
    assert _digit_tokens(doc) == [t.i for t in doc if any(c.isdigit() for c in t.text)]
    plain = _doc(["Some", "40", "or", "so", "and", "7"])
    keep_text(plain, plain.text)
    assert _digit_tokens(plain) == [1, 5]
    none = _doc(["No", "figures", "here"])
    keep_text(none, none.text)
    assert _digit_tokens(none) == []


def test_sentence_starts_are_the_spans_sentences():
    words = ["One", "rose", ".", "Two", "fell", "here", ".", "Three", "."]
    doc = _doc(words, sent_starts=[1, 0, 0, 1, 0, 0, 0, 1, 0])
    view = token_view(doc)
    for i in range(len(doc)):
        start = view.sent_starts[view.sent_of[i]]
        assert start == doc[i:i + 1].sent.start
        want = 0 if start == 0 else doc[start - 1].sent.start
        assert _prev_sent_start(view, start) == want


def test_extend_and_the_quantities_text():
    words = ["They", "sold", "at", "least", "20", "km", "of", "cable", "for", "$", "3", "m", "to",
             "about", "40", "square", "kilometres", "."]
    spaces = [True] * len(words)
    spaces[9] = spaces[10] = False
    doc = _doc(words, spaces, ents=[(9, 12, "MONEY")], sent_starts=[1] + [0] * (len(words) - 1))
    keep_text(doc, doc.text)
    assert _extend(doc, 4, 5) == (2, 6)
    assert _extend(doc, 10, 11) == (9, 12)
    assert _extend(doc, 14, 15) == (13, 17)
    found = extract_quantities(doc)
    assert all(doc.text[q.start:q.end] == q.text for q in found)
    assert [q.text for q in found] == ["at least 20 km", "$3m", "about 40 square kilometres"]


def test_hard_breaks_are_kept_for_the_same_text_only():
    a = "One ended.\n\nTwo began and\n\nwent on."
    assert hard_breaks(a) == [10]
    assert hard_breaks(a) is hard_breaks(a)
    same = "".join(["One ended.\n\n", "Two began and\n\nwent on."])  # equal, another object
    assert same is not a and hard_breaks(same) == [10]
    assert hard_breaks("One ended.\n\nTwo ended.\n\nThree.") == [10, 22]
    assert hard_breaks(a) == [10]


def test_a_pronouns_antecedent_window_is_the_last_four_sentences():
    words = ["Ana", "Ruiz", "spoke", ".", "Rain", "fell", ".", "Wind", "rose", ".", "Sky", "cleared", ".",
             "Bo", "Lind", "came", ".", "She", "said", "so", "."]
    starts = [1 if i in (0, 4, 7, 10, 13, 17) else 0 for i in range(len(words))]
    heads = [1, 2, 2, 2, 5, 5, 5, 8, 8, 8, 11, 11, 11, 14, 15, 15, 15, 18, 18, 18, 18]
    deps = ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "nsubj",
            "ROOT", "punct", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod", "punct"]
    doc = _doc(words, ents=[(0, 2, "PERSON"), (13, 15, "PERSON")], sent_starts=starts, heads=heads, deps=deps)
    pron = doc[17]

    def before(pron):  # the window as it was read from doc.sents
        sent_starts = [s.start for s in doc.sents if s.start <= pron.i]
        floor = sent_starts[-4] if len(sent_starts) >= 4 else 0
        found = [e for e in doc.ents if e.label_ == "PERSON" and floor <= e.start and e.end <= pron.i]
        return found[-1] if found else None

    got = _antecedent(doc, pron)
    assert (got.start, got.end, got.label_) == (before(pron).start, before(pron).end, "PERSON") == (13, 15, "PERSON")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]  # out of the window: four sentences back is "Rain fell"
    assert _antecedent(doc, pron) is None and before(pron) is None


def test_hedges_and_the_words_before_a_quote_are_the_token_walks():
    cues = load_cues(None)
    hedge = sorted(cues.hedges)[0]
    words = ["Officials", "said", "it", hedge, "rise", "\n\n", "and", "then", "fall", ":"]
    doc = _doc(words)
    text = doc.text
    for s, e in ((0, len(text)), (text.index("it"), text.index(hedge)), (text.index("rise"), len(text))):
        span = doc.char_span(s, e, alignment_mode="expand")
        assert _hedged(doc, None, (s, e), cues) == any(t.lower_ in cues.hedges for t in span)
    before = doc[0:len(doc)]
    for floor in (0, 3, doc[6].idx, doc[6].idx + 1, len(text)):
        want = [t for t in before if not t.is_space and t.idx >= floor]
        assert list(_words_back(doc, before, floor)) == want[::-1]


def _paragraphs_by_token(doc: Doc) -> Doc:
    """What ``paragraph_boundaries`` did before: a pass over every token."""
    for token in doc:
        prev = doc[token.i - 1] if token.i else None
        if prev is None or (prev.is_space and prev.text.count("\n") >= 2 and not token.is_space
                            and not token.text[:1].islower()):
            if prev is not None:
                token.is_sent_start = True
            if not (token.text[:1].isupper() or token.text[:1].isdigit()):
                continue
            for nxt in doc[token.i + 1:token.i + 4]:
                if nxt.is_space or nxt.is_punct:
                    break
                if not nxt.text[:1].isupper():
                    nxt.is_sent_start = False
    return doc


def test_paragraph_starts_are_the_token_pass():
    from newsgraph.pipeline import paragraph_boundaries

    texts = ["", "\n\n", "word", "Vell port reopened\n\nThe harbour master said so.\n\nboats left later",
             "- a bullet\n\n\n  Port Vell | The crews returned\n\n 12 ships came in\n\n“Quoted,” she said",
             "Ardalia\n\nNew Vell Town council met.\n \nZembla too", "\n\nA headline first\nthen a line"]
    for text in texts:
        ours, before = paragraph_boundaries(NLP.make_doc(text)), _paragraphs_by_token(NLP.make_doc(text))
        assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in before], text
    doc = paragraph_boundaries(NLP.make_doc("Vell port reopened\n\nThe harbour master said so."))
    assert [t.text for t in doc if t.is_sent_start] == ["Vell", "The"]
    assert [t.text for t in doc if t.is_sent_start is False] == ["port", "reopened", "harbour", "master", "said"]


def test_doc_text_is_checked_again_when_the_kept_text_is_replaced():
    from newsgraph.extract import doc_text

    doc = NLP.make_doc("Short one.")
    keep_text(doc, "Short one.")
    assert doc_text(doc) == "Short one." and doc_text(doc) is doc_text(doc)
    other = NLP.make_doc("Other thing.")
    keep_text(other, "Other thing.")
    doc.user_data.update(other.user_data)  # as many tokens, another Doc's text
    assert doc_text(doc) == "Short one."
    assert doc_text(other) == "Other thing."
