"""Session 18's speed changes give what the code they replace gave. No model needed."""

from __future__ import annotations

import json


def test_json_text_is_the_full_table_translation_for_every_character():
    from newsgraph.cli.output import _JSON_SAFE, json_text

    for c in range(0x110000):
        text = f"a\u00e9{chr(c)}z"
        assert json_text(text) == text.translate(_JSON_SAFE)


def test_json_text_escapes_what_it_must_and_keeps_the_value():
    from newsgraph.cli.output import json_text

    line = json.dumps({"text": "caf\u00e9 \x85 line\u2028sep \u202eback"}, ensure_ascii=False)
    safe = json_text(line)
    assert "\x85" not in safe and "\u2028" not in safe and "\u202e" not in safe
    assert json.loads(safe) == json.loads(line)
    plain = json.dumps({"text": "caf\u00e9 na\u00efve"}, ensure_ascii=False)
    assert json_text(plain) is plain


def test_tune_malloc_sets_glibcs_ceilings_on_linux_only(monkeypatch):
    """M_MMAP_THRESHOLD (-3) at 32 MiB and M_TRIM_THRESHOLD (-1) at 64 MiB; nothing elsewhere."""
    import ctypes
    import sys

    from newsgraph import runtime

    calls = []

    class _Mallopt:
        def __call__(self, param, value):
            calls.append((param, value))
            return 1

    class _Libc:
        mallopt = _Mallopt()

    monkeypatch.setattr(ctypes, "CDLL", lambda name: _Libc())
    monkeypatch.setattr(sys, "platform", "darwin")
    runtime.tune_malloc()
    assert calls == []
    monkeypatch.setattr(sys, "platform", "linux")
    runtime.tune_malloc()
    assert calls == [(-3, 32 * 2**20), (-1, 64 * 2**20)]


def test_release_free_memory_trims_only_past_the_free_heap_it_may_keep(monkeypatch):
    """An ordinary batch's free heap stays for the next batch; a large one goes back."""
    from types import SimpleNamespace

    from newsgraph import runtime

    trims = []
    free = [0]
    monkeypatch.setattr(runtime, "_TRIM", trims.append)
    monkeypatch.setattr(runtime, "_MALLINFO2", lambda: SimpleNamespace(fordblks=free[0]))
    free[0] = 40 << 20
    runtime.release_free_memory()
    assert trims == []
    free[0] = runtime._KEEP_FREE + 1
    runtime.release_free_memory()
    assert trims == [0]
    monkeypatch.setattr(runtime, "_MALLINFO2", None)  # no mallinfo2 (glibc < 2.33): always trim
    runtime.release_free_memory()
    assert trims == [0, 0]
