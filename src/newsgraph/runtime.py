"""Which pipeline a run uses and how its worker processes start, decided without importing spaCy.

``newsgraph run``'s client never analyses: it needs the pipeline's name (shard
keys name it) and the start method (to fork its Dask workers from a preloaded
forkserver), not spaCy itself, whose import costs the client half a second
while the forkserver loads the pipeline beside it. ``newsgraph.pipeline``
re-exports both.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Any

DEFAULT_MODEL = "en_core_web_md"


def resolve_model(model: str | None = None) -> str:
    """The pipeline name or path to load: argument, then $NEWSGRAPH_MODEL, then the default."""
    return model or os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL


def platform_start_method() -> str:
    """``fork`` on Linux, ``spawn`` elsewhere ($NEWSGRAPH_START_METHOD overrides): what this
    platform allows, whatever the calling process is running."""
    return os.environ.get("NEWSGRAPH_START_METHOD") or ("fork" if sys.platform.startswith("linux") else "spawn")


def start_method() -> str:
    """How worker processes start: ``fork`` on Linux, ``spawn`` elsewhere ($NEWSGRAPH_START_METHOD overrides).

    A forked worker shares its parent's loaded pipeline (pages stay shared until
    written; ``gc.freeze`` keeps the collector from writing them) instead of
    spending seconds and a gigabyte loading its own. The worry about forking
    after BLAS is loaded does not apply on Linux: spaCy's own ``nlp.pipe(n_process=...)``
    forks after loading (it uses multiprocessing's default, fork on Linux), the
    CPU models multiply with thinc's single-threaded blis, and OpenBLAS resets its
    thread pool in a fork handler. macOS (fork unsafe with system frameworks) and
    Windows (no fork) spawn, and each worker loads the pipeline.

    A process that runs other Python threads (a Jupyter kernel, a web server, a
    test runner) spawns too, unless $NEWSGRAPH_START_METHOD says otherwise: a fork
    copies only the calling thread, so a lock another thread holds at that
    moment (logging, a buffered stream, the import lock) stays held forever in
    the child. ``newsgraph analyze`` runs one Python thread and keeps forking.
    """
    method = platform_start_method()
    if method == "fork" and not os.environ.get("NEWSGRAPH_START_METHOD") and thread_count() > 1:
        return "spawn"
    return method


def thread_count() -> int:
    """The Python threads of this process. Native pools are not counted: OpenBLAS starts one
    when numpy is imported and resets it in its own fork handler."""
    import threading

    return threading.active_count()


def _glibc(name: str, argtypes: list, restype: Any) -> Any:
    """glibc's function ``name``, typed, or None where there is none (macOS, musl, Windows, or
    a glibc too old to have it)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        func = getattr(ctypes.CDLL("libc.so.6"), name)
    except (OSError, AttributeError):
        return None
    func.argtypes, func.restype = argtypes, restype
    return func


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


_TRIM = _glibc("malloc_trim", [ctypes.c_size_t], ctypes.c_int)
_MALLINFO2 = _glibc("mallinfo2", [], _Mallinfo2)  # glibc 2.33 and later

#: glibc's ``mallopt`` parameters (malloc.h) and the values an analysing process sets.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's own ceiling for its moving threshold (64-bit)
_TRIM_THRESHOLD = 2 * _MMAP_THRESHOLD  # what glibc pairs with it


def tune_malloc() -> bool:
    """Let the C heap keep the parser's freed arrays inside a batch (glibc; elsewhere nothing).
    True when glibc took both thresholds.

    glibc moves its thresholds as it goes: an array past the mmap threshold gets pages of its
    own, and free memory at the top of the heap past the trim threshold goes back to the system
    at once. Between the parser's arrays and the extractors' small objects that gave back and took
    again ~1 GB of pages per 200 articles (3.5× a bare parse's; each page faulted in and zeroed
    again: ~200,000 minor faults). Fixed at the values glibc's own thresholds grow to, the arrays
    are reused inside a batch, and ``release_free_memory`` still returns what is free after it,
    so the memory a long run keeps between batches is as before. The same values undo the low
    ``MALLOC_TRIM_THRESHOLD_`` Dask's nanny gives its workers (:func:`newsgraph.run.worker.tune_malloc`)."""
    mallopt = _glibc("mallopt", [ctypes.c_int, ctypes.c_int], ctypes.c_int)
    if mallopt is None:
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


#: Free bytes the C heap may keep between batches: what glibc's trim threshold (fixed by
#: ``tune_malloc``) lets it keep at the top anyway. A batch of 32 news articles leaves 30-40 MiB free.
_KEEP_FREE = _TRIM_THRESHOLD


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system once it holds more than ``_KEEP_FREE`` free
    (glibc's ``malloc_trim(0)``; elsewhere nothing).

    Parsing a long article takes a few hundred MiB of temporary arrays; once freed, the small
    objects the extractors allocate meanwhile pin the heap above them, so glibc keeps the whole
    peak (measured: +215 MiB for a 57,000-character article, still resident after it). Called
    after each batch, it keeps a long run's memory at its steady level (about a millisecond).
    An ordinary batch leaves some 30-40 MiB free, which the next batch's tok2vec would take
    again: trimmed, every page of it was faulted in and zeroed anew (tok2vec +13 % CPU), so the
    trim waits until the free heap passes ``_KEEP_FREE`` (without ``mallinfo2``, it always trims).
    """
    if _TRIM is None:
        return
    if _MALLINFO2 is not None and _MALLINFO2().fordblks <= _KEEP_FREE:
        return
    _TRIM(0)


_ENV_KEYS: dict[str, object] = {}


def env(name: str) -> str | None:
    """``os.environ.get(name)``, read straight from the mapping ``os.environ`` keeps: for an unset
    name ``Mapping.get`` raises and catches two exceptions, and the extractors ask for their
    files' variables some hundred times per article (``load_knowledge``). The same answer,
    including after ``os.environ`` is changed or replaced."""
    environ = os.environ
    data = getattr(environ, "_data", None)
    if data is None or not hasattr(environ, "encodekey"):
        return environ.get(name)
    key = _ENV_KEYS.get(name)
    if key is None:
        key = _ENV_KEYS[name] = environ.encodekey(name)
    raw = data.get(key)
    return None if raw is None else environ.decodevalue(raw)
