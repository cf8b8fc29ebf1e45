"""The schools a message names, and where: listed schools (typos included), schools the
source does not list among its rows (Caltech, MIT...), and names that match nothing.

Positions are token positions (knowledge.understanding.vocabulary.tokens), so later steps
can tell a subject ("tuition at Emory") from an anchor ("cheaper than Brandeis") and keep
school names out of the search for places ("North Texas" is not Texas).
"""
import re
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from knowledge.store.engine import cached_per_store
from knowledge.store.guides import terms
from knowledge.store.queries import (all_school_facts, cities, other_schools,
                                     profile_sentences, school_names_and_aliases,
                                     school_resolver, state_names)
from knowledge.understanding.resolve import normalize
from knowledge.understanding.vocabulary import Tokens, find, tokens, vocabulary, word_class

MAX_MENTION_CHARS = 60  # what is echoed back of an unknown name
# A name written like a school's: "Springfield University", "University of Atlantis".
_SCHOOL_NAME = re.compile(
    r"\b(?:(?:University|College|Institute) of (?:[A-Z][\w&.'-]*)(?: [A-Z][\w&.'-]*){0,3}"
    r"|(?:[A-Z][\w&.'-]*)(?: [A-Z][\w&.'-]*){0,3} (?:University|College|Institute of Technology"
    r"|Polytechnic|Tech))\b")


@dataclass(frozen=True)
class Named:
    school: str  # canonical name
    start: int
    end: int
    place: bool = False  # named by a word that is also a place ("Irvine", "Syracuse")


@dataclass(frozen=True)
class SchoolMentions:
    listed: Tuple[Named, ...] = ()  # in order of appearance
    unlisted: Tuple[Named, ...] = ()  # schools the source does not list among its rows
    unknown: Tuple[str, ...] = ()  # names matching no school (shortened)
    suggestion: Optional[Tuple[str, str]] = None  # (mention, listed school): did you mean?
    covered: Tuple[bool, ...] = field(default=())  # per token: part of a school's name

    @property
    def schools(self) -> Tuple[str, ...]:
        return tuple(dict.fromkeys(named.school for named in self.listed))


_FIGURE = re.compile(r"[$\d.,%k+\s-]+")
_AT_NAME = re.compile(r"\b(?:at|about)\s+([A-Z][\w&.'-]+(?:\s+[A-Z][\w&.'-]+){0,3})")


_MARKUP = re.compile(r"<[^>]*>?|[<>{}`]")  # HTML, Slack's <!channel>, templates, code


def shortened(mention: str) -> str:
    """A user's text as it may be echoed: one line, at most MAX_MENTION_CHARS characters, no
    markup (a reply never carries the user's HTML, a Slack mention or a template back)."""
    text = " ".join(_MARKUP.sub(" ", mention or "").split())
    return text if len(text) <= MAX_MENTION_CHARS else text[:MAX_MENTION_CHARS - 1] + "…"


SHORT_FOLLOW_UP = 3  # "and rice?", "what about brown": a follow-up this short names a school


@cached_per_store
def _other_table() -> Tuple[Tuple[Tokens, str], ...]:
    """(alias tokens, name) of the schools outside the listed rows, longest alias first."""
    pairs = [(tokens(normalize(alias)), school.name) for school in other_schools()
             for alias in school.aliases]
    # "dukes tuition?": the possessive typed without its apostrophe names the school too
    pairs += [((*phrase[:-1], phrase[-1] + "s"), name) for phrase, name in pairs
              if phrase and not phrase[-1].endswith("s")]
    return tuple(sorted(((phrase, name) for phrase, name in pairs if phrase),
                        key=lambda pair: -len(pair[0])))


def _common_word_names(words: Tokens, covered: Sequence[bool]) -> List[Named]:
    """Schools named by a common word ("rice", "brown") where one stands: after a word that
    introduces one ("what about rice?", "vs brown") or alone ("and rice?")."""
    names = vocabulary()["common_word_schools"]
    before = word_class("school_introducers")
    alone = len(words) <= SHORT_FOLLOW_UP
    return [Named(names[word], i, i + 1) for i, word in enumerate(words)
            if word in names and not covered[i] and (alone or i > 0 and words[i - 1] in before)]


def find_schools(text: str, words: Tokens, entity_mentions: Sequence[str] = ()
                 ) -> SchoolMentions:
    """The schools in a message. `entity_mentions`: names an extractor tagged as schools."""
    normalized = tuple(" ".join(normalize(word).split()) for word in words)
    unlisted_hits = find(tuple(normalized), _other_table())
    covered = [False] * len(words)
    unlisted: List[Named] = []
    for hit in unlisted_hits:
        covered[hit.start:hit.end] = [True] * (hit.end - hit.start)
        # "gatech omscs": one school, where it is named last ("my cousin went to drexel ...
        # is drexel on there": the second is asked about, the first is background)
        unlisted = [named for named in unlisted if named.school != hit.value]
        unlisted.append(Named(hit.value, hit.start, hit.end))
    for named in _common_word_names(normalized, covered):
        covered[named.start] = True
        unlisted.append(named)
    places = place_names()
    listed = [Named(resolution.school, start, end,
                    normalize(" ".join(words[start:end])) in places)
              for start, end, resolution in school_resolver().scan(words, allow_places=True,
                                                                   skip=covered)
              if resolution.school is not None]  # always: scan() keeps found schools only
    unknown, suggestion = _entity_mentions([*entity_mentions, *_school_like_names(text)])
    others = [*unknown, *([suggestion[0]] if suggestion else [])]
    listed = [named for named in listed if not _inside_other_name(named, words, others)]
    if suggestion and suggestion[1] in {named.school for named in listed}:
        suggestion = None  # the school offered is named anyway
    for named in listed:
        covered[named.start:named.end] = [True] * (named.end - named.start)
    unknown_shown = tuple(filter(None, map(shortened, unknown)))  # "<!channel>": nothing
    return SchoolMentions(tuple(listed), tuple(unlisted), unknown_shown, suggestion,
                          tuple(covered))


@cached_per_store
def place_names() -> FrozenSet[str]:
    return frozenset(normalize(name) for name in (*state_names().values(),
                                                   *(city for city, _s in cities())))


def _names_other_school(name: str) -> bool:
    """The whole name is a school outside the listed rows ("MIT", "Stanford University")."""
    words = tuple(" ".join(normalize(w).split()) for w in tokens(name))
    return any(phrase == words for phrase, _name in _other_table())


def _inside_other_name(named: Named, words: Tokens, others: Sequence[str]) -> bool:
    """"Clark" inside "Clark Atlanta University": part of a longer name that is not it."""
    for other in others:
        other_words = tokens(other)
        for start in range(len(words) - len(other_words) + 1):
            if words[start:start + len(other_words)] == other_words and \
                    start <= named.start and named.end <= start + len(other_words) and \
                    (named.end - named.start) < len(other_words):
                return True
    return False


def _school_like_names(text: str) -> List[str]:
    """Names written like a school's ("Springfield University"), and a capitalized name
    after "at" ("tuition at Hogwarts") that is no place, employer or career."""
    names = [match.group(0) for match in _SCHOOL_NAME.finditer(text or "")]
    for match in _AT_NAME.finditer(text or ""):
        words = tokens(match.group(1))
        if words and not _is_other_name(words):
            names.append(match.group(1))
    return names


@cached_per_store
def _other_names() -> FrozenSet[Tokens]:
    """Names that are not schools: places, employers, careers."""
    found = {tokens(name) for name in (*state_names().values(), *(c for c, _s in cities()))}
    found |= {tokens(term) for kind in ("employer", "career") for term in terms(kind)}
    return frozenset(found)


def _is_other_name(words: Tokens) -> bool:
    return words in _other_names() or len(words[0]) <= 2


def _entity_mentions(mentions: Iterable[str]) -> Tuple[List[str], Optional[Tuple[str, str]]]:
    """Names (extracted, or written like a school's) that are no school as a whole: unknown
    names, and the first near miss to confirm ("did you mean ...?")."""
    resolver = school_resolver()
    unknown: List[str] = []
    suggestion = None
    for mention in mentions:
        if not mention or not mention.strip() or _FIGURE.fullmatch(mention.strip().lower()):
            continue  # ("between 40 and 50k": a figure the NLU took for a school's name)
        resolution = resolver.resolve(mention)
        if resolution.found or _names_other_school(mention) or \
                normalize(mention) in place_names():
            continue  # "commute to san jose,": a place the NLU took for a school's name
        if resolution.suggestion and suggestion is None:
            suggestion = (shortened(mention), resolution.suggestion)
        elif not resolution.suggestion and mention.strip() not in unknown:
            unknown.append(mention.strip())
    return unknown, suggestion


@lru_cache(maxsize=1)
def _common_words() -> FrozenSet[str]:
    """Whole words of the sentence encoder's 30k-piece English vocabulary: a word there is
    ordinary English ("social", "control"), not a name. Empty without the encoder."""
    try:
        from knowledge.understanding.sentence_encoder import model_directory
        vocab = json.loads((model_directory() / "tokenizer.json").read_text())["model"]["vocab"]
    except (RuntimeError, OSError, KeyError, ValueError):
        return frozenset()
    return frozenset(piece for piece in vocab if piece.isalpha())


@cached_per_store
def _distinctive_names() -> Tuple[Tuple[Tokens, str], ...]:
    """Names that stand in one school's profile only, as phrases: its labs' and faculty's
    full names ("noah smith", "melady"), and rare single words of them or acronyms of its
    prose ("cilvr", "kolter"); a message naming one is about that school. Place, school,
    employer and career names do not count."""
    owners: Dict[Tokens, Set[str]] = defaultdict(set)
    common = _common_words()
    for school in all_school_facts():
        sentences = profile_sentences(school.name)
        for part, text in zip(sentences.parts, sentences.texts):
            name = {"labs": text.split(" - ")[0], "faculty": text.split(" (")[0]}.get(part)
            if name:  # "GRASP Lab (General Robotics, ...)": the name with and without its gloss
                for label in {name, re.sub(r"\s*\(.*?\)", "", name)}:
                    owners[tokens(label)].add(school.name)
            for raw in re.findall(r"[A-Za-z][\w²-]*", name or text):
                word = tokens(raw)
                acronym = raw.isupper() and len(raw) >= 3
                if word and len(word[0]) >= 4 and (acronym or name) and word[0] not in common:
                    owners[word].add(school.name)
    blocked = {tokens(name) for name in (*state_names().values(), *(c for c, _s in cities()))}
    blocked |= {tokens(label) for name, aliases in school_names_and_aliases()
                for label in (name, *aliases)}
    blocked |= {tokens(term) for kind in ("employer", "career") for term in terms(kind)}
    found = [(phrase, next(iter(names))) for phrase, names in owners.items()
             if len(names) == 1 and phrase and phrase not in blocked]
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


def distinctive_school(words: Tokens) -> Optional[str]:
    """The one school whose profile alone names something the message names."""
    found = {hit.value for hit in find(words, _distinctive_names())}
    return found.pop() if len(found) == 1 else None
