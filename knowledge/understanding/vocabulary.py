"""The user's words -> the store's values: sort keys, public/private, goals, study formats,
amounts of money, percentages, counts and "skip". Phrases live in data/vocabulary.yaml.

Every function takes free text (a whole message or an extracted entity) and returns a
canonical value or None; none of them guess beyond the words they know.
"""
import re
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, TypeVar


from knowledge.data import read_data

Value = TypeVar("Value")
MIN_PLAUSIBLE_TUITION = 1_000  # "under 30" means $30k: amounts below this are thousands
MAX_PLAUSIBLE_TUITION = 1_000_000


def vocabulary() -> Dict:
    return read_data("vocabulary.yaml")


def _plain(text: str) -> str:
    text = (text or "").lower().replace("’", "'")
    return " ".join(re.sub(r"[^a-z0-9$%.,'/ -]+", " ", text).split())


@lru_cache(maxsize=None)
def _phrases(section: str) -> Tuple[Tuple[str, str], ...]:
    """(phrase, canonical value) of one vocabulary section, longest phrase first."""
    pairs = [(phrase.lower(), value)
             for value, phrases in vocabulary()[section].items() for phrase in phrases]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def find_terms(text: str, section: str) -> List[Tuple[int, str]]:
    """(position, value) of every phrase of `section` in the text, without overlaps."""
    plain = f" {_plain(text)} "
    taken = [False] * len(plain)
    found = []
    for phrase, value in _phrases(section):
        for match in re.finditer(rf"(?<=[\s,.]){re.escape(phrase)}(?=[\s,.?!])", plain):
            span = range(match.start(), match.end())
            if not any(taken[i] for i in span):
                for i in span:
                    taken[i] = True
                found.append((match.start(), value))
    return sorted(found)


def earliest_phrase(texts: Iterable[str], phrases: Sequence[Tuple[str, Value]]
                    ) -> Optional[Value]:
    """The value of the phrase named earliest in the first text naming any of them.

    `phrases`: (lower-case phrase, value), longest first, so at one position the longest
    phrase wins. Whole words only, any case."""
    for text in texts:
        lowered = (text or "").lower()
        hits = [(match.start(), index) for index, (phrase, _value) in enumerate(phrases)
                for match in re.finditer(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])",
                                         lowered)]
        if hits:
            return phrases[min(hits)[1]][1]
    return None


def term(text: str, section: str, generic: Optional[str] = None) -> Optional[str]:
    """The first value of `section` named in the text; `generic` loses to any other value
    ("top 5 cheapest" sorts by tuition, not by score)."""
    values = [value for _position, value in find_terms(text, section)]
    specific = [value for value in values if value != generic]
    return (specific or values or [None])[0]


def sort_key(text: str) -> Optional[str]:
    return term(text, "sort_keys", generic="score")


def control(text: str) -> Optional[str]:
    return term(text, "control")


def goal(text: str) -> Optional[str]:
    return term(text, "goals")


def study_format(text: str) -> Optional[str]:
    return term(text, "study_formats")


def _whole_answer_in(text: str, section: str) -> bool:
    plain = _plain(text).strip(" .!/")
    words = {phrase.lower() for phrase in vocabulary()[section]}
    return plain in words or plain.replace("'", "") in words


def is_skip(text: str) -> bool:
    """The whole answer says "no preference" ("skip", "doesn't matter", "/skip")."""
    return _whole_answer_in(text, "skip_words")


def is_stop(text: str) -> bool:
    """The whole answer says "stop asking" ("cancel", "never mind")."""
    return _whole_answer_in(text, "stop_words")


_MONEY = re.compile(r"(\$)?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k\b|thousand\b|grand\b)?(%)?",
                    re.IGNORECASE)
# In a whole message a bare number is money only after one of these ("under 30").
_MONEY_CUES = ("under", "below", "than", "max", "maximum", "budget", "to", "within", "about",
               "around", "is", "of", "upto", "most", "cap", "spend", "afford")


def amounts(text: str, bare: bool = False) -> List[int]:
    """Dollar amounts per year in the text: "$20,000", "20k", "30 thousand", "under 30".

    `bare`: the text is an extracted amount, so a plain number counts too. Amounts under
    $1,000 are read as thousands ("30" -> $30,000)."""
    found = []
    for match in _MONEY.finditer(text or ""):
        dollar, digits, unit, pct = match.groups()
        if pct:
            continue
        before = (text[:match.start()].lower().split() or [""])[-1]
        if not (dollar or unit or bare or before in _MONEY_CUES):
            continue
        value = float(digits.replace(",", ""))
        if unit or value < MIN_PLAUSIBLE_TUITION:
            value *= 1000
        if MIN_PLAUSIBLE_TUITION <= value <= MAX_PLAUSIBLE_TUITION:
            found.append(int(round(value)))
    return found


def amount(text: str, bare: bool = False) -> Optional[int]:
    found = amounts(text, bare)
    return found[0] if found else None


def percent(text: str) -> Optional[int]:
    """A percentage: "95%", "90 percent"."""
    match = re.search(r"(\d{1,3})\s*(%|percent\b|pct\b)", text or "", re.IGNORECASE)
    if match and 0 <= int(match.group(1)) <= 100:
        return int(match.group(1))
    return None


def _number(word: str) -> Optional[int]:
    if word.isdigit():
        return int(word)
    return vocabulary()["number_words"].get(word)


def count(text: str, bare: bool = False) -> Optional[int]:
    """How many results: "top 5", "the best three"; `bare`: the text is the number itself."""
    plain = _plain(text).strip(" .!?")
    if bare:
        value = _number(plain)
        return value if value and value <= 50 else None
    numbers = "|".join(sorted(vocabulary()["number_words"], key=len, reverse=True))
    match = re.search(rf"\b(?:top|first|best|show|list|just|only|give me)\s+(?:the\s+)?"
                      rf"(\d{{1,2}}|{numbers})\b(?!\s*(?:k\b|%|thousand|grand|percent))",
                      plain)
    value = _number(match.group(1)) if match else None
    return value if value and value <= 50 else None
