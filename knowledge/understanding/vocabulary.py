"""The user's words -> values: phrase tables from data/vocabulary.yaml, and the numbers in a
message (amounts of money, percentages, counts).

Text is read as lower-case word tokens (apostrophes dropped: "can't" is "cant"); a phrase
matches a run of whole tokens, the longest phrase first, and a token belongs to one phrase
only. Numbers are read or refused, never silently changed: a negative amount, an amount over
$1,000,000 or a percentage over 100 is not a number the user could mean, and is left out.
"""
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Tuple

from knowledge.data import read_data

Tokens = Tuple[str, ...]
MIN_PLAUSIBLE_TUITION = 1_000  # "under 30" means $30k: amounts below this are thousands
MAX_PLAUSIBLE_TUITION = 1_000_000
MAX_COUNT = 50  # the source's table has 50 ranks (25 of them listed)

# Hyphens split words: "bang-for-buck" reads as "bang for buck", "co-op" as "co op".
_TOKEN = re.compile(r"[a-z0-9$%][a-z0-9$%./]*")


def vocabulary() -> Dict[str, Any]:
    return read_data("vocabulary.yaml")


def tokens(text: Optional[str]) -> Tokens:
    """Lower-case word tokens; apostrophes dropped ("cmu's" is "cmu"), hyphens split,
    trailing dots stripped."""
    lowered = re.sub(r"(?<=[a-z])['’]s\b", "", (text or "").lower())  # "cmu's" -> "cmu"
    for apostrophe in ("'", "’", "‘", "`"):
        lowered = lowered.replace(apostrophe, "")
    return tuple(token.rstrip("./") or token for token in _TOKEN.findall(lowered))


@dataclass(frozen=True)
class Hit:
    """A phrase found in the tokens: where, and the value the vocabulary gives it."""
    start: int
    end: int  # exclusive
    value: Any


PhraseTable = Tuple[Tuple[Tokens, Any], ...]


def _sorted(pairs: Iterable[Tuple[Tokens, Any]]) -> PhraseTable:
    return tuple(sorted(((phrase, value) for phrase, value in pairs if phrase),
                        key=lambda pair: (-len(pair[0]), -len(" ".join(pair[0])))))


@lru_cache(maxsize=None)
def phrases_for_values(section: str) -> PhraseTable:
    """A section shaped {value: [phrases]}: (phrase tokens, value), longest first."""
    return _sorted((tokens(phrase), value) for value, phrases in vocabulary()[section].items()
                   for phrase in phrases)


@lru_cache(maxsize=None)
def phrase_values(section: str) -> PhraseTable:
    """A section shaped {phrase: value} (ordinals, number words, regions)."""
    return _sorted((tokens(str(phrase)), value)
                   for phrase, value in vocabulary()[section].items())


@lru_cache(maxsize=None)
def phrase_list(section: str) -> PhraseTable:
    """A section that is a plain list of phrases; each phrase's value is itself."""
    return _sorted((tokens(phrase), phrase) for phrase in vocabulary()[section])


@lru_cache(maxsize=None)
def metro_neighbours(city: Optional[str]) -> Tuple[str, ...]:
    """The cities of listed schools within a daily commute of this one (metro_areas)."""
    return tuple(vocabulary()["metro_areas"].get(city, ())) if city else ()


def word_class(name: str) -> FrozenSet[str]:
    """A class of single words of vocabulary.yaml's word_classes ("head_nouns", ...)."""
    return frozenset(str(word) for word in vocabulary()["word_classes"][name])


def find(words: Tokens, table: PhraseTable) -> List[Hit]:
    """Every phrase of the table in the tokens, longest first, without overlaps, in order."""
    taken = [False] * len(words)
    hits: List[Hit] = []
    for phrase, value in table:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if words[start] != phrase[0] or words[start:start + size] != phrase:
                continue
            if not any(taken[start:start + size]):
                taken[start:start + size] = [True] * size
                hits.append(Hit(start, start + size, value))
    return sorted(hits, key=lambda hit: hit.start)


def ends_with_phrase(words: Tokens, end: int, *sections: str) -> bool:
    """Whether the words just before position `end` are a phrase of one of these sections
    ("swap ohio": "ohio" comes right after a swap_out_cues phrase)."""
    return any(words[max(0, end - len(phrase)):end] == phrase
               for section in sections for phrase, _value in phrase_list(section))


def taken_back(words: Tokens, start: int) -> bool:
    """Whether the word at `start` follows a negation ("not 10k", "except ohio") or a
    taking-back phrase ("instead of ny", "rather than texas")."""
    if start >= 1 and words[start - 1] == "no" and (
            start == 1 or ends_with_phrase(words, start, "correction_cues")):
        return False  # "wait no, missouri": the "no" of the correction, not of the place
    if start >= 2 and words[start - 1] == "the" and words[start - 2] in word_class("negations"):
        return True  # "not the first, the second one"
    return (start >= 1 and words[start - 1] in word_class("negations")) or \
        ends_with_phrase(words, start, "taken_back_cues")


def values(words: Tokens, table: PhraseTable) -> List[Any]:
    """The values of the phrases found, in the order they appear, without repeats."""
    found: List[Any] = []
    for hit in find(words, table):
        if hit.value not in found:
            found.append(hit.value)
    return found


def first_value(words: Tokens, table: PhraseTable) -> Optional[Any]:
    found = find(words, table)
    return found[0].value if found else None


def has(words: Tokens, table: PhraseTable) -> bool:
    return bool(find(words, table))


def term(text: str, section: str, generic: Optional[str] = None) -> Optional[str]:
    """The first value of `section` named in the text; `generic` loses to any other value
    ("top 5 cheapest" sorts by tuition, not by score)."""
    found = values(tokens(text), phrases_for_values(section))
    specific = [value for value in found if value != generic]
    return (specific or found or [None])[0]


def sort_key(text: str) -> Optional[str]:
    return term(text, "sort_keys", generic="score")


def control(text: str) -> Optional[str]:
    return term(text, "control")


def goal(text: str) -> Optional[str]:
    return term(text, "goals")


def study_format(text: str) -> Optional[str]:
    return term(text, "study_formats")


def _whole_answer_in(text: str, section: str) -> bool:
    words = tokens(text)
    return bool(words) and any(phrase == words for phrase, _value in phrase_list(section))


def is_skip(text: str) -> bool:
    """The whole answer says "no preference" ("skip", "doesn't matter", "/skip")."""
    return _whole_answer_in(text, "skip_words")


def is_stop(text: str) -> bool:
    """The whole answer says "stop asking" ("cancel", "never mind")."""
    return _whole_answer_in(text, "stop_words")


# --- numbers --------------------------------------------------------------------------------

# Digits not inside a longer number or a word ("1e308" is no amount; neither is 308 in it).
_DIGITS = r"(?<![\d.,a-zA-Z])(\d{1,3}(?:,\d{3})+|\d{1,7}(?:\.\d{1,2})?)(?![\d,]*\d)(?![eE]\d)"
_MONEY = re.compile(rf"((?<![0-9a-zA-Z])-\s*)?(\$|usd\s*)?\s*{_DIGITS}\s*"
                    rf"(k\b|thousand\b|grand\b|usd\b)?"
                    rf"(?!\s*(?:%|percent|pct|st\b|nd\b|rd\b|th\b|years?\b|yrs?\b|months?\b|"
                    rf"semesters?\b|credits?\b|units?\b|nights?\b|days?\b|weeks?\b|kids?\b|"
                    rf"hours?\b))", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """A dollar amount in the text, with where it stands (character offsets)."""
    dollars: int
    start: int
    end: int
    explicit: bool  # written as money ("$20,000", "20k", "20 grand"), not a bare number


def amounts(text: str, bare: bool = False) -> List[Amount]:
    """Dollar amounts per year in the text: "$20,000", "20k", "30 thousand", "12k usd".

    A bare number (no $ or k) counts only when `bare` (the text is an extracted amount) or
    when the caller knows it follows a money cue; here it is returned with explicit=False.
    Amounts under $1,000 are read as thousands ("30" -> $30,000); negative amounts and
    amounts over $1,000,000 are refused (left out), never changed into something else."""
    found = []
    for match in _MONEY.finditer(text or ""):
        minus, dollar, digits, unit = match.groups()
        if minus:  # "$-5" is no amount a student could mean: refused, not read as $5
            continue
        value = float(digits.replace(",", ""))
        thousands = bool(unit) and unit.lower() in ("k", "thousand", "grand")
        explicit = bool(dollar or thousands or "," in digits)
        if thousands or value < MIN_PLAUSIBLE_TUITION:
            value *= 1000  # "20k", "30 thousand", "under 30"
        if MIN_PLAUSIBLE_TUITION <= value <= MAX_PLAUSIBLE_TUITION:
            found.append(Amount(int(round(value)), match.start(), match.end(), explicit))
    return found


def amount(text: str, bare: bool = False) -> Optional[int]:
    """The first amount in the text: written as money, or any number when `bare`."""
    found = [a for a in amounts(text, bare) if a.explicit or bare]
    return found[0].dollars if found else None


_PERCENT = re.compile(r"(?<![\d.])(\d{1,4})(?:\.\d+)?\s*(%|percent\b|pct\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Percent:
    value: int
    start: int
    end: int


def percents(text: str) -> List[Percent]:
    """Percentages 0-100 ("95%", "90 percent"); "1000%" is refused, not read as 0 or 100."""
    return [Percent(int(match.group(1)), match.start(), match.end())
            for match in _PERCENT.finditer(text or "") if int(match.group(1)) <= 100]


def percent(text: str) -> Optional[int]:
    found = percents(text)
    return found[0].value if found else None


# Numbers no answer can use, refused and said so rather than read as something else: a
# negative figure ("$-5", "top -3"; a hyphen between words or numbers is no minus sign), exponent
# notation ("$1e308"), ten digits or more (no figure in the source has more than six), and
# percentages over 100 (checked below).
_UNUSABLE = re.compile(r"(?<![\w.$-])\$?\s*-\s*\$?\d[\d,]*(?:\.\d+)?\s*(?:k\b|%)?"
                       r"|\$?(?<![\w.])\d+(?:\.\d+)?e[+-]?\d+\b"
                       r"|\$?(?<![\w.,])\d[\d,]{9,}(?:\.\d+)?\s*%?"
                       r"|(?<![\w.,])\d{3,4}(?:\.\d+)?\s*(?:%|percent\b)", re.IGNORECASE)
MAX_PERCENT = 100


def unusable_numbers(text: str) -> List[Tuple[int, int]]:
    """Where the text has numbers no answer can use (see _UNUSABLE), as (start, end)."""
    spans = []
    for match in _UNUSABLE.finditer(text or ""):
        found = match.group(0).strip()
        if found.endswith(("%", "percent")) and not found.lstrip("$").startswith("-"):
            digits = re.match(r"\$?\s*([\d,]+)", found)
            if digits and len(digits.group(1)) <= 4 and \
                    int(digits.group(1).replace(",", "")) <= MAX_PERCENT:
                continue
        spans.append((match.start(), match.start() + len(match.group(0).rstrip())))
    return spans


def number_word(word: str) -> Optional[int]:
    """"7" -> 7, "seven" -> 7, "7th" -> None (an ordinal is not a count)."""
    if word.isascii() and word.isdigit() and len(word) <= 3:
        return int(word)
    return vocabulary()["number_words"].get(word)
