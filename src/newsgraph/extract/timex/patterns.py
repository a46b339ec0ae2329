"""Recognition: the vocabulary, the core patterns (tried as one alternation by :func:`find`, one
by one by the normaliser) and the filter for their false friends (modal "may", ages, datelines)."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
}
VAGUE = {"a few", "few", "several", "some", "many", "a couple of", "couple of", "a couple", "numerous"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# unit -> (TIMEX3 duration letter, needs the T prefix)
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W"}
# Words before a core expression and the TIMEX3 mod they give. "almost"/"nearly" are LESS_THAN
# (TimeML: the true amount falls short of the one named), "about"/"around" APPROX.
MOD_WORDS = {
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "almost": "LESS_THAN", "nearly": "LESS_THAN",
    "just under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "circa": "APPROX", "the end of": "END", "the beginning of": "START",
    "the start of": "START", "the middle of": "MID", "the dawn of": "START",
}
EDGE_WORDS = {"early": "START", "late": "END", "mid": "MID"}

# --------------------------------------------------------------------------- regex pieces

_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\."
          r"|jan|feb|aug|sept|oct|nov|dec)")
_WDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WORDNUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
            r"|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen)")
_NUM = rf"(?:\d+(?: \d/\d)?(?:\.\d+)?|{_WORDNUM}|a|an|half an?|an? half)"
_VAGUE = r"(?:a few|few|several|some|many|a couple of|couple of|numerous)"
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?"
         r"|centur(?:y|ies))")
_UNIT_SG = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_SPOKEN_YEAR = (rf"(?:nineteen (?:hundred(?: and)? )?{_WORDNUM}|nineteen hundred"
                r"|the year two thousand(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?)")
_HOLIDAY = (r"(?:christmas(?: day| eve)?|new year's (?:day|eve)|thanksgiving(?: day)?|independence day"
            r"|election day|halloween|easter(?: sunday)?|labor day|memorial day|valentine's day)")
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_PART = r"(?:morning|afternoon|evening|night)"
_CLOCK = r"(?:\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|noon|midday|midnight)"
_REL = r"(?:last|this|next|past|coming|current|previous|present|latest|same|that|following|this past)"
_MODS = (r"(?:(?:less than|fewer than|more than|upwards of|at least|no less than|no more than|up to|at most"
         r"|almost|nearly|just under|just over|about|around|roughly|approximately|circa"
         r"|the end of|the beginning of|the start of|the middle of|the dawn of|well over|over) )")
_EDGE = r"(?:(?:the )?(?:early|late|mid|earlier|later)[- ])"

# Core patterns, tried by the recogniser (as one alternation) and by the normaliser (fullmatch).
CORE: list[tuple[str, str]] = [
    ("present_ref", r"now|currently|current|at present|presently|nowadays|these days|the present|right now"),
    ("past_ref", r"(?:more |most |very |until )?recently|recent|the past|in the past|formerly|lately|past years|recent (?:years|days)"),
    ("future_ref", r"the (?:near|short) term|the (?:near |distant )?future|future|a later date|later date|(?:the )?coming (?:years|months|quarters)|future quarters|future years"),
    ("wday_plural", rf"{_WDAY}s? (?:morning|afternoon|evening|night)s|{_WDAY}s"),
    ("clock_date", rf"{_CLOCK}(?: [a-z]{{3}})?(?:,? (?:on )?(?:{_WDAY}|{_MONTH} \d{{1,2}}(?:, {_YEAR})?|today|yesterday|tomorrow))?"),
    ("wday_clock", rf"{_WDAY},? (?:at )?{_CLOCK}"),
    ("mdy", rf"(?:{_WDAY},? )?{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? {_YEAR})?"),
    ("dmy", rf"(?:{_WDAY},? )?(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}(?:,? {_YEAR})?"),
    ("iso", r"\d{4}-\d\d-\d\d"),
    ("slash", r"\d{1,2}/\d{1,2}/(?:\d\d){1,2}"),
    ("month_year", rf"{_MONTH},? (?:of )?(?:{_YEAR}|{_SPOKEN_YEAR})"),
    ("holiday", rf"(?:(?:last|this|next) )?{_HOLIDAY}(?:,? {_YEAR})?"),
    ("spoken_year", rf"(?:the year )?{_SPOKEN_YEAR}"),
    ("month_rel_year", rf"{_MONTH},? (?:of )?(?:this|last|next) year"),
    ("rel_month", rf"(?:last|this|next|this past|this coming) {_MONTH}(?!\.?\s*\d)"),
    ("month_range_year", rf"{_MONTH}-{_MONTH}"),
    ("quarter", rf"(?:(?:the|this|last|next|that) (?=\S+ quarter|\S+ \S+ quarter|\d{{4}} \S+ quarter))?(?:(?:{_YEAR}|(?:this|last|next) year's|year-(?:ago|earlier)) )?(?:fiscal[- ])?{_ORD}[- ]quarter(?: of (?:fiscal )?{_YEAR}| of (?:this|last|next) year)?"),
    ("quarter_ref", r"(?:the |this |that )?(?:comparable |flat )?(?:latest |last |current |previous |year-ago |year-earlier |same |\d{4} )?(?:fiscal )?quarter(?: a year (?:ago|earlier))?"),
    ("half", rf"(?:the )?(?:first|second|1st|2nd) half(?: of (?:{_YEAR}|(?:this|last|next) year))?"),
    ("fiscal_span", r"the (?:fiscal )?year(?= end(?:ed|ing)\b)|the full year|(?:the )?latest period"),
    ("year_len", r"the (?:fiscal )?year"),
    ("period_end", r"(?:the )?year(?:-| |'s )end|the end of the (?:year|month|week)"),
    ("year_ago_period", r"(?:the )?(?:comparable |corresponding )?year-(?:ago|earlier) (?:period|quarter|third quarter|nine months|months)|year-(?:ago|earlier)|the \d{4} period"),
    ("season", rf"(?:(?:this|last|next|this past|the) )?{_SEASON}(?: (?:of )?{_YEAR})?"),
    ("decade", r"(?:the )?(?:1[6-9]\d0|20[0-2]0)'?s|(?:the )?'[0-9]0s|the (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"),
    ("century", r"(?:the )?(?:1?\d)(?:st|nd|rd|th) century"),
    ("fiscal_year", rf"(?:fiscal|fy) (?:year )?{_YEAR}|the (?:current |latest |last |next |previous )?fiscal year"),
    ("year", rf"(?:the year )?{_YEAR}"),
    ("ago", rf"(?:{_NUM}|{_VAGUE}) {_UNIT} (?:ago|earlier|from now|hence)"),
    ("unit_ago", r"(?:a |one )?(?:year|month|week|day|decade) (?:ago|earlier)"),
    ("rel_wday_part", rf"(?:(?:last|this|next|this past|this coming) )?{_WDAY}(?: {_PART})?"),
    ("day_part", rf"(?:(?:this|yesterday|tomorrow|today|that|last|early this|late) {_PART}|tonight|last night|overnight)"),
    ("rel_day", r"today|yesterday|tomorrow|the day before yesterday|the day after tomorrow"),
    ("rel_unit", rf"(?:{_REL}|the {_REL}|this past|this coming|earlier this|later this|earlier that|later that) (?:week|weekend|month|year|decade|century)"),
    ("the_weekend", r"the weekend"),
    ("every", rf"(?:every|each) (?:{_MONTH}|{_WDAY})|(?:every|each|per) (?:(?:other|{_NUM}) )?{_UNIT}|{_NUM} times? an? {_UNIT_SG}"),
    ("set_adv", r"daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly"),
    ("past_dur", rf"(?:the )?(?:past|last|next|previous|coming|first|final|latest|recent|following|remaining) (?:(?:{_NUM}|{_VAGUE}) )?{_UNIT}"),
    ("month_name", rf"{_MONTH}"),
    ("duration", rf"(?:(?:the )?(?:{_NUM}|{_VAGUE})(?: more)? {_UNIT}(?: and an? half)?(?:'s)?|{_NUM}[- ]{_UNIT_SG}s?(?:[- ](?:old|long))?)"),
    ("unit_adj", r"(?:decade|century|month|week|day|hour)s?-(?:old|long)|centuries-(?:old|long)"),
    ("plural_unit", r"(?:recent |past |coming )?(?:years|months|weeks|days|hours|minutes|decades|centuries)"),
]

_CORE_RE = {name: re.compile(pat, re.I) for name, pat in CORE}
_MOD_RE = re.compile(rf"^(?P<mod>{_MODS[3:-2]})\s+", re.I)
_EDGE_RE = re.compile(r"^(?:the )?(?P<edge>early|late|mid|earlier|later)[- ]", re.I)

# refs are found through _REFS; "the year" only through fiscal_span's look-ahead ("the year ended ...")
_ALT = "|".join(f"(?:{p})" for _, p in CORE if _ not in {"future_ref", "past_ref", "present_ref", "year_len"})
_REFS = (r"the (?:near|short) term|(?:more |most )?recently|recent (?:years|days)|recent|past years|the past|lately|the (?:near |distant )?future|a later date|(?:the )?coming (?:years|months|quarters)|future quarters|now|currently|current|at present"
         r"|presently|nowadays|these days|right now")
FIND_RE = re.compile(
    rf"(?<![\w$£€.,-])(?P<mod>{_MODS})?(?P<edge>{_EDGE})?(?P<core>(?:{_ALT})|(?:{_REFS}))(?![\w%-]|\.\d|,\d)",
    re.I)
# a mod word ("about", "over") belongs to the extent only before an amount or a clock time
_AMOUNT_START = re.compile(rf"(?:\d|{_WORDNUM}\b|an?\b|half\b|{_VAGUE}\b)", re.I)
_AGE = re.compile(r"(?:year|month|week|day)s?-old\b", re.I)

# words that, lower-case, are not months
_NOT_MONTH = {"may", "march", "mar", "jan", "dec", "sept", "sep"}


# Words a time expression can start with: FIND_RE is only tried where one of these (or a
# digit) begins a word, which keeps the scan to a few ms on a long article.
_START_WORDS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen half
first second third fourth the this last next past coming current previous present latest same that
following early late mid earlier later less fewer more upwards at no up almost nearly just about around
roughly approximately circa well over every each per daily weekly monthly annually yearly hourly nightly
biweekly mondays tuesdays wednesdays thursdays fridays saturdays sundays today yesterday tomorrow tonight overnight now currently presently nowadays these right recently
recent formerly lately future fiscal fy year years month months week weeks weekend weekends day days night
nights hour hours minute minutes second seconds decade decades century centuries quarter quarters noon
midnight spring summer fall autumn winter few several some many couple numerous in most very until
comparable flat final remaining christmas new thanksgiving independence election halloween easter
labor memorial valentine midday
""".split())
# Function words and amounts that start a time expression only when a time word follows soon.
_WEAK = frozenset("""
the a an in at that this more over some no up less fewer just well about around per each every most very
until upwards roughly approximately circa nearly almost first second third fourth half one two three four
five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
twenty thirty forty fifty sixty seventy eighty ninety hundred dozen same following final remaining
comparable flat new several few many couple numerous these right fiscal fy its may march
""".split())


_STRONG = _START_WORDS - _WEAK
_WORD_RE = re.compile(r"[A-Za-z]+|\d+|'\d")


def _starts(text: str) -> list[int]:
    """Offsets where FIND_RE is worth trying: a time word, a digit, or a function word
    ("the", "about", "two") with a time word or digit among the next four words."""
    found = list(_WORD_RE.finditer(text))
    low = [w.group(0).lower() for w in found]
    timely = [x in _STRONG or x[0].isdigit() for x in low]  # what makes a function word worth trying
    out = []
    for i, lw in enumerate(low):
        if lw in _STRONG or not lw[0].isalpha():
            out.append(found[i].start())
        elif lw in _WEAK and True in timely[i + 1:i + 5]:
            out.append(found[i].start())
    return out


def find(text: str) -> list[tuple[int, int]]:
    """Candidate time-expression spans in ``text`` (non-overlapping, leftmost-longest)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for start in _starts(text):
        if start < pos:
            continue
        m = FIND_RE.match(text, start)
        if m is None:
            continue
        pos = m.end()
        s, e = m.start(), m.end()
        core = m.group("core")
        if m.group("mod") and not _AMOUNT_START.match(core):
            s = m.start("edge") if m.group("edge") else m.start("core")
        edge = (m.group("edge") or "").lower()
        if edge.startswith(("earlier", "later")) and re.match(_WDAY, core, re.I):
            s = m.start("core")
        if _AGE.search(text, s, min(len(text), e + 5)):
            continue
        frag = text[s:e]
        if _reject(frag, text, s, e):
            continue
        out.append((s, e))
    return out


_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'-]+,[ \t]*$")


def _reject(frag: str, text: str, s: int, e: int) -> bool:
    """Filter the recogniser's known false friends (modal "may", "a" alone, numbers)."""
    low = frag.lower()
    if low in _NOT_MONTH and frag[0].islower():
        return True
    if low in {"may", "march"}:  # capitalised but sentence-initial modal/verb
        nxt = text[e:e + 12].lstrip()
        if low == "may" and (not nxt or nxt[0].islower()) and not re.match(r"\d", nxt):
            return True
        if low == "march" and (not nxt or nxt[0].islower()) and not re.match(r"\d", nxt):
            return True
    if low in {"some", "a", "an", "a second"} or low in SEASONS:
        return True
    if re.search(r"\b(?:may|march)\b", frag):  # lower-case: the verb or the noun
        return True
    if re.search(r"years?$", low) and re.match(r"\s+old\b", text[e:e + 6]):
        return True  # "52 years old" is an age
    if _DATELINE.search(text, max(0, s - 40), s):
        return True  # "NAIROBI, May 3 (Xinhua) --" restates the publication date
    if low in {"jan", "feb", "aug", "sept", "oct", "nov", "dec"} and not re.match(r" \d", text[e:e + 2]):
        return True
    if re.fullmatch(r"\w+-quarters", low):
        return True
    if re.fullmatch(r"\d{4}", frag):
        before = text[max(0, s - 2):s]
        after = text[e:e + 12].lower()
        if "$" in before or re.match(r"\s*(?:%|percent|people|members|troops|jobs|shares|units|tons)", after):
            return True
    return False
