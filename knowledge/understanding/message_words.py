"""The words of one message, read once: its tokens, the vocabulary's phrases in them, and
which sentences only describe the user (their places and formats are the user's, not the
list's: "I teach in Columbus, Ohio. Which programs can I do online?")."""
import re
from dataclasses import replace
from functools import lru_cache
from typing import AbstractSet, Any, List, Sequence, Set, Tuple

from knowledge.understanding.places import Place
from knowledge.understanding.references import References
from knowledge.understanding.vocabulary import (
    Tokens, ends_with_phrase, find, has, phrase_list, phrases_for_values, taken_back, tokens,
    values, vocabulary, word_class)

MAX_WORDS = 300  # a message is read this far (a 10 kB message is not an essay to parse)




class Words:
    """The tokens of one message and the phrases of the vocabulary in them."""

    def __init__(self, text: str, hidden: AbstractSet[int] = frozenset()) -> None:
        self.text = text
        self.tokens: Tokens = tokens(text)[:MAX_WORDS]
        self.hidden = hidden  # tokens of sentences about the user (see _about_user)

    def has(self, section: str) -> bool:
        return has(self.tokens, phrase_list(section))

    def values(self, section: str) -> List[Any]:
        return values(self.tokens, phrases_for_values(section))

    def starts_with(self, section: str) -> bool:
        return any(self.tokens[:len(p)] == p for p, _v in phrase_list(section))

    def whole(self, section: str) -> bool:
        return any(p == self.tokens for p, _v in phrase_list(section))

    def asked(self) -> Tokens:
        """The tokens outside sentences about the user."""
        return tuple("" if i in self.hidden else w for i, w in enumerate(self.tokens))


def filler() -> Set[str]:
    return {phrase[0] for phrase, _v in phrase_list("filler_words") if len(phrase) == 1}


def split_sentences(text: str, boundary: str) -> List[str]:
    """The text's sentences; a period after an abbreviation ("st. louis", "vs. uw") ends
    none."""
    abbreviations = word_class("abbreviations")
    sentences: List[str] = []
    for part in re.split(boundary, text):
        if not part or not part.strip():
            continue
        last = sentences[-1].rstrip() if sentences else ""
        last_word = last[:-1].rsplit(None, 1)[-1:] if last.endswith(".") else []
        if last_word and last_word[0].lower() in abbreviations:
            sentences[-1] = f"{last} {part}"
        else:
            sentences.append(part)
    return sentences


def about_user(text: str) -> Set[int]:
    """Token positions of sentences that describe the user and ask nothing, when another
    sentence asks: their places and formats are the user's, not the list's."""
    sentences = split_sentences(text, r"(?<=[.!?;])\s+|\n+")
    if len(sentences) < 2:
        return set()
    spans, position, asks = [], 0, False
    for sentence in sentences:
        words = tokens(sentence)
        question = sentence.rstrip().endswith("?") or bool(
            words[:1] and words[0] in word_class("question_starts")) \
            or has(words, phrase_list("list_requests"))
        about_user = not question and has(words, phrase_list("self_cues"))
        spans.append((position, position + len(words), about_user))
        asks = asks or question
        position += len(words)
    if not asks:
        return set()
    return {i for start, end, about in spans if about for i in range(start, end)}


def topics_in(words: Words, covered: Sequence[bool]) -> List[str]:
    """The topics asked, in order; one taken back ("score, not tuition") is not asked."""
    visible = _named_as_it(words.tokens, covered)
    return list(dict.fromkeys(hit.value for hit in find(visible, phrases_for_values("topics"))
                              if not taken_back(visible, hit.start)))


def _named_as_it(tokens_: Sequence[str], covered: Sequence[bool]) -> Tuple[str, ...]:
    """The words with each school's name as one "it": "is rit public" reads as the topic
    phrase "is it public" does (a name's own words, "state" in "penn state", name no topic)."""
    shown: List[str] = []
    for i, word in enumerate(tokens_):
        if i < len(covered) and covered[i]:
            if not (i > 0 and covered[i - 1]):
                shown.append("it")
        else:
            shown.append(word)
    return tuple(shown)


@lru_cache(maxsize=None)
def _feature_table() -> Any:
    """The features' asked phrases, longest first: built once, not for every message."""
    return tuple(sorted(((tokens(phrase), name) for name, spec in
                         vocabulary()["features"].items() for phrase in spec["asked"]),
                        key=lambda pair: -len(pair[0])))


def features_in(words: Words) -> List[str]:
    return values(words.tokens, _feature_table())


ABOUT_REACH = 3  # "tell me about [doing it] online": words between "about" and the topic


def about_a_topic(words: Words) -> bool:
    """"tell me about doing it online", "more about the thesis option": the overview phrase
    leads to a topic of its own, which is what is asked (not the school's overview)."""
    topic_hits = find(words.tokens, phrases_for_values("topics"))
    leads = [hit.end for hit in topic_hits if hit.value == "overview"
             and words.tokens[hit.end - 1] in word_class("about_words")]
    asked = [hit.start for hit in (*find(words.tokens, _feature_table()), *topic_hits)
             if hit.value != "overview"]
    return any(0 <= start - lead < ABOUT_REACH for lead in leads for start in asked)


def is_bare(words: Words, covered: Sequence[bool], spans: Sequence[Tuple[int, int]]) -> bool:
    """Nothing is left once school names, numbers, places and filler words are taken out:
    "and Emory?", "what about uga", "sorry, I meant 12", "ugh typo, 17"."""
    ignored = filler()
    hidden = {i for start, end in spans for i in range(start, end)}
    for i, word in enumerate(words.tokens):
        if (i < len(covered) and covered[i]) or i in hidden or word in ignored:
            continue
        if word.isdigit() or word.rstrip("stndrh").isdigit():
            continue
        return False
    return True


def with_bare_number(refs: References, words: Words) -> References:
    """"and 14?", "sorry, meant 25 not 50", "ugh typo, 17": a number alone is a row or a
    rank (the first one; "not 50" is what the user takes back)."""
    if refs.any:
        return refs
    ignored = filler()
    numbers = [int(w) for i, w in enumerate(words.tokens)
               if w.isascii() and w.isdigit() and len(w) <= 3 and not taken_back(words.tokens, i)]
    others = [w for w in words.tokens if w not in ignored and not w.isdigit()]
    if numbers and not others:
        return replace(refs, numbers=(numbers[0],))  # "not 5, 8": 8
    return refs


def question_sentence(text: str) -> str:
    """The sentence that asks (the last one ending in "?", else the last one): what a
    profile sentence has to answer, without the user's story around it."""
    sentences = [p.strip() for p in split_sentences(text, r"(?<=[.!?])\s+")]
    asked = [p for p in sentences if p.endswith("?")]
    return (asked or sentences or [text])[-1]


def left_out(words: Tokens, place: Place) -> bool:
    """"anything outside california", "swap ohio for florida", "besides texas", "drop the
    california ones": a place the user wants out of the list."""
    cues = ("swap_out_cues", "besides_cues", "outside_cues")
    return ends_with_phrase(words, place.start, *cues) or place.start >= 2 and \
        words[place.start - 1] in ("the", "all", "any") and \
        ends_with_phrase(words, place.start - 1, *cues)


def corrected_away(words: Tokens, place: Place, places: Sequence[Place]) -> bool:
    """"anything like that in ohio? sorry, iowa i mean": a place the same message corrects to
    another of its kind, named after a correction cue."""
    cues = [hit.start for hit in find(words, phrase_list("correction_cues"))
            if hit.start >= place.end]
    return any(other.kind == place.kind and other.value != place.value and
               any(cue < other.start for cue in cues) for other in places
               if other.start >= place.end)


def negated(words: Tokens, place: Place) -> bool:
    """"georgia not florida", "instead of ny": the place is what the user takes back."""
    return taken_back(words, place.start)

