"""Mention -> school: exact name or alias first, then fuzzy matching for typos.

A resolver is built from (name, aliases) pairs, so it works on any list of schools;
`knowledge.store.queries.school_resolver()` builds (and caches) the one for the knowledge store.
"""
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from rapidfuzz import fuzz, process

from knowledge.understanding.vocabulary import word_class

ACCEPT_SCORE = 88.0  # at or above: take the match (typo-level differences)
SUGGEST_SCORE = 75.0  # at or above: ask "did you mean ...?"
TEXT_SCAN_SCORE = 88.0  # scanning free text without an entity: the same as ACCEPT_SCORE
MIN_FUZZY_LENGTH = 5  # shorter mentions ("uw", "usc") must match exactly
MAX_SCAN_TOKENS = 400  # a 10 kB message is scanned only this far
MAX_NGRAM = 5

_ABBREVIATIONS = {"univ": "university", "uni": "university", "u": "university",
                  "inst": "institute", "tech.": "tech", "&": "and"}
# Words every school name shares; fuzzy scores compare what is left ("carnegie mellon"),
# so "Washington University" does not look like "Boston University".
_NAME_FILLER = frozenset("university of the at college institute campus main".split())
# Words that alone never name a school: a text n-gram made only of these is skipped.
_GENERIC_WORDS = frozenset("""
a an the of at in on for to and or is are was be do does did it its it's what whats which who how
much many me my i you your tell about there their university college school institute campus
state city program programs masters master ms degree tuition cost price rate graduation
grad rank ranking score public private located location labs research faculty gpa
""".split())


def _distinctive(key: str) -> str:
    return " ".join(word for word in key.split() if word not in _NAME_FILLER)


def normalize(text: str) -> str:
    """Lower case, no accents or punctuation, common abbreviations spelled out."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ").replace("-", " ").replace("'s", "s")
    words = re.sub(r"[^a-z0-9 ]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


@dataclass(frozen=True)
class Resolution:
    """What a mention resolved to: a school, a suggestion to confirm, or nothing."""
    mention: str
    school: Optional[str] = None
    suggestion: Optional[str] = None
    score: float = 0.0

    @property
    def found(self) -> bool:
        return self.school is not None


class SchoolResolver:
    """`schools`: (name, aliases) pairs. `places`: state and city names, which the free-text
    scan does not take for schools ("programs in washington")."""

    def __init__(self, schools: Iterable[Tuple[str, Sequence[str]]], places: Iterable[str] = ()):
        self._key_to_school: Dict[str, str] = {}
        for name, aliases in schools:
            for label in (name, *aliases):
                key = normalize(label)
                if key:
                    self._key_to_school.setdefault(key, name)
        self._keys: List[str] = list(self._key_to_school)
        self._places = frozenset(normalize(place) for place in places)

    @property
    def school_names(self) -> List[str]:
        return sorted(set(self._key_to_school.values()))

    def resolve(self, mention: str) -> Resolution:
        key = normalize(mention or "")
        if not key:
            return Resolution(mention=mention or "")
        if key in self._key_to_school:
            return Resolution(mention, school=self._key_to_school[key], score=100.0)
        if key.endswith("s") and key[:-1] in self._key_to_school:  # "cmus", "nyus": CMU's
            return Resolution(mention, school=self._key_to_school[key[:-1]], score=100.0)
        if len(key) < MIN_FUZZY_LENGTH:
            return Resolution(mention)
        best_key, score = self._closest(key)
        if best_key is None:
            return Resolution(mention)
        school = self._key_to_school[best_key]
        if score >= ACCEPT_SCORE:
            return Resolution(mention, school=school, score=score)
        return Resolution(mention, suggestion=school, score=score)

    def _closest(self, key: str) -> Tuple[Optional[str], float]:
        """The nearest known key, scored as the lower of the whole-name similarity and the
        similarity of the distinctive words, so a shared "University" does not count."""
        best_key, best_score = None, 0.0
        core = _distinctive(key)
        for candidate, whole, _index in process.extract(
                key, self._keys, scorer=fuzz.ratio, score_cutoff=SUGGEST_SCORE, limit=5):
            candidate_core = _distinctive(candidate)
            score = min(whole, fuzz.ratio(core, candidate_core)) if core and candidate_core \
                else whole
            if score >= SUGGEST_SCORE and score > best_score:
                best_key, best_score = candidate, score
        return best_key, best_score

    def scan(self, words: Sequence[str], allow_places: bool = False,
             skip: Sequence[bool] = ()) -> List[Tuple[int, int, Resolution]]:
        """Every listed school named in a message's words (any tokens; each n-gram is
        normalized here): (start, end, resolution), in order of appearance. Longer phrases
        first, and a word belongs to one mention only; a word whose `skip` is true is never
        part of a mention. `allow_places`: a place that is exactly a school's name or alias
        ("Syracuse") counts as the school."""
        words = list(words)[:MAX_SCAN_TOKENS]
        negations = word_class("negations")
        taken = [bool(skip[i]) if i < len(skip) else False for i in range(len(words))]
        found: List[Tuple[int, int, Resolution]] = []
        for size in range(MAX_NGRAM, 0, -1):
            for start in range(len(words) - size + 1):
                phrase = normalize(" ".join(words[start:start + size]))
                gram = phrase.split()
                if not gram:
                    continue
                place = phrase in self._places and not (
                    allow_places and phrase in self._key_to_school)
                # an n-gram starting with a negation is no school's name however close it
                # looks ("not texas" is not "north texas")
                if any(taken[start:start + size]) or place or gram[0] in negations \
                        or all(word in _GENERIC_WORDS for word in gram):
                    continue
                resolution = self.resolve(phrase)
                if resolution.found and resolution.score >= TEXT_SCAN_SCORE:
                    taken[start:start + size] = [True] * size
                    found.append((start, start + size, resolution))
        return sorted(found, key=lambda item: item[0])

    def find_all_in_text(self, text: str, allow_places: bool = False) -> List[Resolution]:
        """Every listed school named in free text, in order of appearance, each once."""
        unique: Dict[str, Resolution] = {}
        for _start, _end, resolution in self.scan(normalize(text or "").split(), allow_places):
            if resolution.school is not None:  # always: scan() keeps found schools only
                unique.setdefault(resolution.school, resolution)
        return list(unique.values())

    def find_in_text(self, text: str, skip: Sequence[str] = ()) -> Optional[Resolution]:
        """The best school named anywhere in free text, or None.

        `skip`: mentions already known not to be listed schools; their words are not scanned,
        so "Clark Atlanta University" does not turn into Clark University.
        """
        words = normalize(text or "").split()
        skipped = [False] * len(words)
        for mention in filter(None, (normalize(m).split() for m in skip)):
            for start in range(len(words) - len(mention) + 1):
                if words[start:start + len(mention)] == mention:
                    skipped[start:start + len(mention)] = [True] * len(mention)
        found = [resolution for _s, _e, resolution in self.scan(words, skip=skipped)]
        return max(found, key=lambda r: r.score, default=None)
