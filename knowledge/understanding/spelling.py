"""Misspelt words that carry a question's meaning, put right before the message is read:
"4 most expensve ones", "wich progams", "privte scools". Typed in a hurry, a word is one
letter off ("expensve": one missing, "valeu": two swapped); read as it stands, the list asked
for is silently the wrong one.

A word is changed only when (1) it is no word the knowledge data uses anywhere (so "backend",
"letter" or "matters" stay what they are: the source, the profiles and the vocabulary use
them), and (2) exactly one of the vocabulary's `spelling_targets` is one edit away from it
(a letter missing, extra, changed, or two swapped). A four-letter word is changed only back
into a five-letter target by one missing letter ("wich" -> "which", never "with" -> ...).
"""
import re
from functools import lru_cache
from typing import Any, FrozenSet, Iterator, Optional

from knowledge.data import DATA_DIR, read_data
from knowledge.understanding.vocabulary import tokens, vocabulary

MIN_LENGTH = 4  # shorter words ("ur", "abt", "tho") are chat, not typos of a target
_WORD = re.compile(r"[A-Za-z]+")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


@lru_cache(maxsize=1)
def known_words() -> FrozenSet[str]:
    """Every word of the knowledge data (profiles, guides, states, names, vocabulary)."""
    found: set = set()
    for path in sorted(DATA_DIR.glob("*.yaml")):
        for text in _strings(read_data(path.name)):
            found.update(tokens(text))
    return frozenset(found)


@lru_cache(maxsize=1)
def _targets() -> FrozenSet[str]:
    return frozenset(str(word).lower() for word in vocabulary()["spelling_targets"])


def _one_edit(word: str, target: str) -> bool:
    """One letter missing, extra or changed, or two neighbours swapped."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and
                                   word[diffs[0]] == target[diffs[1]] and
                                   word[diffs[1]] == target[diffs[0]])
    short, long_ = (word, target) if len(word) < len(target) else (target, word)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=4096)
def correction(word: str) -> Optional[str]:
    """The target a misspelt word stands for (or the word chat shorthand stands for), or
    None."""
    word = word.lower()
    if word in vocabulary()["chat_shorthand"]:
        return str(vocabulary()["chat_shorthand"][word])
    if len(word) < MIN_LENGTH or word in known_words():
        return None
    near = [t for t in _targets() if _one_edit(word, t) and
            (len(word) > MIN_LENGTH or len(t) == MIN_LENGTH + 1)]
    return near[0] if len(near) == 1 else None


@lru_cache(maxsize=1)
def _then_after_comparative() -> "re.Pattern[str]":
    before = "|".join(sorted(map(re.escape, vocabulary()["than_before"])))
    return re.compile(rf"\b({before})\s+then\b", re.IGNORECASE)


def _than(text: str) -> str:
    """"cheaper then it" -> "cheaper than it" (after the vocabulary's than_before words)."""
    return _then_after_comparative().sub(r"\1 than", text)


def corrected(text: str) -> str:
    """The text with its misspelt meaning-carrying words put right."""
    return _than(_WORD.sub(lambda match: correction(match.group(0)) or match.group(0), text))
