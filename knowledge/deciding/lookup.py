"""Looking things up in what the source says about a school: whether its profile mentions a
feature (a practicum, co-ops, online study), and which of its sentences answers a question
the topics do not cover ("who's funding it?", "which one has the dataset repository?").

A sentence answers when it is close in meaning (the cosine of sentence embeddings) and
shares the question's content words; below ANSWER_SCORE nothing is quoted and the reply
says the source does not say, rather than offering the nearest unrelated sentence.
"""
import math
import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

import numpy as np

from knowledge.deciding.ranking import serves
from knowledge.store.engine import cached_per_store
from knowledge.store.queries import (SchoolFacts, all_school_facts, cities,
                                     profile_sentences, school_names_and_aliases, state_names)
from knowledge.understanding.vocabulary import phrase_list, tokens, vocabulary

# Chosen on the tuning conversations (tests/conversations/tuning): the questions the profile
# answers score 0.55-0.9, unrelated nearest sentences 0.2-0.45 (bench/RESULTS.md).
ANSWER_SCORE = 0.6
WORD_WEIGHT = 0.3  # per content word the sentence shares with the question, times its rarity
CUE_WEIGHT = 0.25  # per answer cue ("who runs" -> "led by") the sentence has
MAX_QUOTES = 3  # "joint phd stuff": CMU lists three, all within CLOSE of the best
CLOSE = 0.1  # a second sentence is quoted when this close to the best
MAX_SCHOOLS_ACROSS, CLOSE_ACROSS = 5, 0.2  # asked of every profile: each school that answers
# "which one lets you stack certificates?": one profile describes what the user describes.
# Round 17 tuning sets: such questions score 1.01-1.37 with the next school 0.3-0.6 behind;
# list questions score at most 0.75 ("which one is in boston"), and "the best programs for a
# career in nlp" 0.98 with the next school 0.02 behind (no one school: the list stays).
DESCRIBED_SCORE = 0.9
DESCRIBED_MARGIN = 0.25


@dataclass(frozen=True)
class Evidence:
    school: str
    text: str
    score: float = 1.0


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[:-len(suffix)]
    return word


@cached_per_store
def _ignored() -> FrozenSet[str]:
    """Words that say nothing about the content: vocabulary filler and non-content words,
    and the schools' own names ("what's Clark like" is not answered by "Clark's ...")."""
    places = {w for place in (*state_names().values(), *(c for c, _s in cities()))
              for w in tokens(place)}
    names = {_stem(w) for name, aliases in school_names_and_aliases()
             for label in (name, *aliases) for w in tokens(label) if w not in places}
    return frozenset({phrase[0] for section in ("filler_words", "non_content_words")
                      for phrase, _v in phrase_list(section) if len(phrase) == 1} | names)


@cached_per_store
def _rarity() -> Dict[str, float]:
    """Per stemmed word of the profiles, how rare it is among their sentences: 1 for a word
    in one sentence ("sport"), near 0 for one in most ("research")."""
    sentences = [set(content_words(text)) for school in all_school_facts()
                 for text in profile_sentences(school.name).texts]
    counts: Dict[str, int] = {}
    for words in sentences:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    total = math.log(max(len(sentences), 2))
    return {word: math.log(len(sentences) / count) / total for word, count in counts.items()}


def content_words(text: str) -> Tuple[str, ...]:
    return tuple(dict.fromkeys(_stem(w) for w in tokens(text) if w not in _ignored()
                               and _stem(w) not in _ignored() and len(w) > 2
                               and not w.isdigit()))


def feature_evidence(school: SchoolFacts, feature: str) -> List[Evidence]:
    """Sentences of the school's profile that show the feature (e.g. "co-op"), or none."""
    if feature in ("online study", "part-time study"):
        wanted = "online" if feature == "online study" else "part_time"
        quotes = [f"{f.program}: “{f.quote}”" for f in school.study_formats
                  if serves(f.format, wanted)]
        return [Evidence(school.name, quote) for quote in quotes]
    spec = vocabulary()["features"].get(feature)
    if spec is None:
        return []
    found = [re.compile(rf"\b{re.escape(word)}", re.IGNORECASE) for word in spec["found"]]
    sentences = profile_sentences(school.name).texts
    return [Evidence(school.name, text) for text in sentences
            if any(pattern.search(text) for pattern in found)][:MAX_QUOTES]


def stated_anyway(school: SchoolFacts, fact: str) -> List[Evidence]:
    """A fact the source gives for no school in general (a salary by school, a start date)
    that this school's profile states all the same (UW: "graduates earn $165,000",
    "launching Fall 2026")."""
    spec = vocabulary()["unknown_fact_evidence"].get(fact)
    if spec is None:
        return []
    found = [re.compile(rf"\b{re.escape(w)}", re.IGNORECASE) for w in spec["found"]]
    return [Evidence(school.name, text) for text in profile_sentences(school.name).texts
            if any(p.search(text) for p in found) and spec["with"] in text][:MAX_QUOTES]


def meaning_vectors(texts: Sequence[str]) -> List[Optional[np.ndarray]]:
    """The texts' sentence embeddings, in one batch (the abbreviations spelled out as
    score_sentences reads them); Nones when the encoder is not installed: words alone
    decide then."""
    try:
        from knowledge.understanding.sentence_encoder import default_encoder
        return list(default_encoder().encode([spelled_out(t) for t in texts])) if texts else []
    except RuntimeError:
        return [None] * len(texts)


def meaning_vector(text: str) -> Optional[np.ndarray]:
    return meaning_vectors([text])[0]


def _cues(question: str) -> List[re.Pattern]:
    """Patterns of the words that would answer the question (vocabulary answer_cues)."""
    words = tokens(question)
    found = []
    for spec in vocabulary()["answer_cues"].values():
        if any(tuple(tokens(p)) == words[i:i + len(tokens(p))] for p in spec["asked"]
               for i in range(len(words))):
            found += [re.compile(rf"\b{re.escape(w)}", re.IGNORECASE) for w in spec["found"]]
    return found


# A topic -> the parts of a profile that speak of it (knowledge.store.sentences).
TOPIC_PARTS = {"labs": ("labs",), "faculty": ("faculty",), "partners": ("industry_partners",),
               "employers": ("top_employers", "common_roles")}


def spelled_out(question: str) -> str:
    """"nlp labs" -> "nlp (natural language processing) labs": the words the source uses."""
    expansions = vocabulary()["abbreviations"]
    found = [f"{w} ({expansions[w]})" if w in expansions else w for w in tokens(question)]
    return " ".join(found)


def _squashed(text: str) -> str:
    """Letters and digits only: "JP Morgan Chase & Co." and "jpmorgan" meet as names."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


@cached_per_store
def _sentence_words(name: str) -> Tuple[FrozenSet[str], ...]:
    """Each profile sentence's content words, abbreviations spelled out ("NYC" meets
    "new york"), read once per store."""
    return tuple(frozenset(content_words(spelled_out(text)))
                 for text in profile_sentences(name).texts)


def score_sentences(schools: Sequence[SchoolFacts], question: str,
                    parts: Sequence[str] = (), vector: Optional[np.ndarray] = None
                    ) -> List[Evidence]:
    """Every profile sentence of these schools (of these parts, if given), scored against
    the question, best first. A name the question spells differently ("jpmorgan") counts as
    a shared word. `vector`: the question's meaning, if already encoded."""
    question = spelled_out(question)
    words = set(content_words(question))
    names = {w for w in words if len(w) >= 5}
    cues = _cues(question)
    if vector is None:
        vector = meaning_vector(question)
    rarity = _rarity()
    scored: List[Evidence] = []
    for school in schools:
        sentences = profile_sentences(school.name)
        meanings = sentences.embeddings @ vector \
            if vector is not None and sentences.embeddings is not None else None
        for index, (text, own) in enumerate(zip(sentences.texts, _sentence_words(school.name))):
            if parts and sentences.parts[index] not in parts:
                continue
            shared = words & own | {w for w in names - own if _squashed(w) in _squashed(text)}
            meaning = float(meanings[index]) if meanings is not None else 0.0
            cued = sum(1 for cue in cues if cue.search(text))
            scored.append(Evidence(school.name, text, meaning + CUE_WEIGHT * min(cued, 2)
                                   + WORD_WEIGHT * sum(rarity.get(w, 1.0) for w in shared)))
    return sorted(scored, key=lambda e: -e.score)


def answering_sentences(schools: Sequence[SchoolFacts], question: str,
                        topics: Sequence[str] = ()) -> List[Evidence]:
    """The profile sentences of these schools that answer the question, best first; with
    topics (a question asked of every profile: "which programs name jpmorgan as a
    partner?"), only sentences of those parts, and every school close to the best."""
    if not content_words(question) and not _cues(question):
        return []
    parts = tuple(part for topic in topics for part in TOPIC_PARTS.get(topic, ()))
    scored = score_sentences(schools, question, parts)
    if not scored or scored[0].score < ANSWER_SCORE:
        return []
    best = scored[0].score
    limit, close = (MAX_SCHOOLS_ACROSS, CLOSE_ACROSS) if parts else (MAX_QUOTES, CLOSE)
    found = [e for e in scored[:limit] if e.score >= max(ANSWER_SCORE, best - close)]
    if not parts:
        return found
    sentences = _words_of(scored)
    named = _naming_words(question, sentences, topics)  # "amazon": every profile naming it
    return found + [e for e, words in zip(scored, sentences) if e not in found and named & words]


def school_described(schools: Sequence[SchoolFacts], question: str) -> List[Evidence]:
    """The sentences of the one profile that the question describes ("which top 10 school
    is about social science and policy?"), or none when no profile stands out from the
    others by DESCRIBED_MARGIN."""
    scored = score_sentences(schools, question)
    if not scored or scored[0].score < DESCRIBED_SCORE:
        return []
    best = scored[0]
    rival = next((e.score for e in scored if e.school != best.school), 0.0)
    if best.score - rival < DESCRIBED_MARGIN:
        return []
    return [e for e in scored[:MAX_QUOTES]
            if e.school == best.school and e.score >= best.score - CLOSE]


def _words_of(scored: Sequence[Evidence]) -> List[FrozenSet[str]]:
    """Each sentence's content words, as _sentence_words read them once per store."""
    by_school = {name: dict(zip(profile_sentences(name).texts, _sentence_words(name)))
                 for name in {e.school for e in scored}}
    return [by_school[e.school][e.text] for e in scored]


def _naming_words(question: str, sentences: Sequence[FrozenSet[str]],
                  topics: Sequence[str]) -> Set[str]:
    """The question's words that set some sentences of the part apart ("amazon" in
    "Industry Partners: Amazon, Bosch Group", "healthcare" in a lab's focus), not the words
    of the topic asked ("labs", "research") nor those most such sentences say ("partners")."""
    common = {w for w in set().union(*sentences)
              if sum(w in words for words in sentences) * 2 > len(sentences)}
    asked = {w for topic in topics for phrase in vocabulary()["topics"].get(topic, ())
             for w in content_words(phrase)}
    return set(content_words(spelled_out(question))) & set().union(*sentences) - common - asked
