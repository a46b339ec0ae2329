"""A cheap language check: is this article English?

newsgraph's extractors and spaCy pipeline are English-only, so a German or
Russian article would give an empty or wrong record. A full language
identifier is not needed to tell that: the share of each language's most
frequent function words, plus the writing system for non-Latin scripts,
separates news languages reliably once a text has a few dozen words. Short
texts are given the benefit of the doubt.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

__all__ = ["Guess", "guess_language", "LANGUAGE_NAMES"]

#: The most frequent function words of each language (lower case).
_STOPWORDS: dict[str, frozenset[str]] = {code: frozenset(words.split()) for code, words in {
    "en": "the of and to a in is that for it was on with as he be by at his are from this have "
          "had not but said they which were has an been their who will would its or after also",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an "
          "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über so zum war",
    "fr": "le la les de des et en un une du est que qui dans pour pas sur au par il elle ne se avec "
          "plus sont ce cette aux ont été mais ou son sa ses leur nous vous",
    "es": "el la los las de del y en un una que es por con para se no su al lo como más pero sus le "
          "ha fue este esta son entre cuando muy sin sobre también hasta desde",
    "it": "il lo la i gli le di del della e che un una per non con sono è da dei delle nel nella al "
          "alla si come anche ma più questo ha stato tra",
    "pt": "o a os as de do da dos das e que em um uma para com não por se na no mais foi ao como mas "
          "ou seu sua são também pelo pela já está",
    "nl": "de het een en van in is dat op te zijn voor met die niet aan er om ook als bij door maar "
          "naar dan uit werd wordt heeft hij zij",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah karena oleh "
          "ada saya kami mereka sudah bisa atau telah",
    "sv": "och i att det som en på är av för med till den har de inte om ett var men från jag så",
    "pl": "i w na z się nie do to że jest o jak po ale co za od przez dla jego tak już",
    "tr": "ve bir bu da de için ile olarak daha çok gibi en ne o ama kadar sonra ise",
}.items()}

#: English names for messages.
LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "id": "Indonesian", "sv": "Swedish", "pl": "Polish",
    "tr": "Turkish", "ru": "Russian or another Cyrillic-script language", "ja": "Japanese",
    "ko": "Korean", "zh": "Chinese", "ar": "Arabic", "he": "Hebrew", "el": "Greek",
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_MIN_WORDS = 20  # below this we do not judge
_MIN_SCRIPT_LETTERS = 20  # ... nor a non-Latin text with fewer letters
_ENGLISH_FLOOR = 0.12  # English news has ~25-40 % of its words in the list above
_SAMPLE_CHARS = 20_000
_SCRIPT_SAMPLE = 5_000


@dataclass(frozen=True)
class Guess:
    """The likely language, and whether the text is long enough to be sure."""

    code: str | None
    english_share: float
    confident: bool

    @property
    def is_english(self) -> bool:
        return not self.confident or self.code == "en"

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.code or "", "an unidentified language")


def guess_language(text: str) -> Guess:
    """Guess the language of ``text`` from its script and function-word shares."""
    sample = text[:_SAMPLE_CHARS]
    words = _WORD.findall(sample)
    script = _dominant_script(sample, sum(map(len, words)))
    if script not in (None, "LATIN"):
        letters = sum(ch.isalpha() for ch in sample[:_SCRIPT_SAMPLE])
        return Guess(_SCRIPT_LANG.get(script, None), 0.0, letters >= _MIN_SCRIPT_LETTERS)
    if len(words) < _MIN_WORDS:
        return Guess("en", 0.0, False)
    counts = Counter(w.lower() for w in words)
    shares = {code: sum(counts[w] for w in stop) / len(words) for code, stop in _STOPWORDS.items()}
    best = max(shares, key=lambda c: shares[c])
    english = shares["en"]
    if english >= _ENGLISH_FLOOR and (best == "en" or english >= 0.8 * shares[best]):
        return Guess("en", english, True)
    return Guess(best if shares[best] >= 0.08 else None, english, True)


_SCRIPT_LANG = {"CYRILLIC": "ru", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CJK": "zh",
                "ARABIC": "ar", "HEBREW": "he", "GREEK": "el"}


def _dominant_script(text: str, letters: int) -> str | None:
    """The script most letters are written in (Japanese wins over CJK when kana appear).

    ``letters`` is the number of word letters in ``text``; only non-ASCII letters are looked
    up, so English costs next to nothing."""
    if text.isascii():
        return "LATIN" if letters else None
    counts: dict[str, int] = {}
    for ch in _NON_ASCII.findall(text[:_SCRIPT_SAMPLE]):
        if ch.isalpha():
            script = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    foreign = sum(n for s, n in counts.items() if s != "LATIN")
    if not foreign or foreign < 0.3 * min(letters, _SCRIPT_SAMPLE):
        return "LATIN" if letters or counts else None
    if counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0) > 0.05 * foreign:
        return "HIRAGANA"
    return max((s for s in counts if s != "LATIN"), key=lambda s: counts[s])
