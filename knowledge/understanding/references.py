"""Words that point back: at rows of the list just shown ("the third one", "those", "the
first three", "the first and last of these"), at ranks of the source ("#13", "ranked 40th"),
at the school(s) in focus ("it", "there", "the two"), one step along the ranking ("right
below it"), or at a row by what it is ("the evanston one", "the cheaper one").

Whether "number 4" / "the 4th one" is a row of the list or a rank of the source depends on
the conversation, so it is kept as an ambiguous number for the reading to settle.
"""
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from knowledge.understanding.vocabulary import (
    Tokens, ends_with_phrase, find, has, number_word, phrase_list, phrases_for_values, taken_back,
    vocabulary,
    word_class)

_ORDINAL = re.compile(r"^(\d{1,3})(st|nd|rd|th)$")
LAST = -1  # "the last one"


@dataclass(frozen=True)
class References:
    rows: Tuple[int, ...] = ()  # 1-based positions in the list; LAST for "the last"
    numbers: Tuple[int, ...] = ()  # "number 4", "the 4th one": a row, or else a rank
    dropped: Tuple[int, ...] = ()  # "not the first, the second one": numbers taken back
    ranks: Tuple[int, ...] = ()  # "#13", "ranked 40th": the source's ranks
    all_rows: bool = False  # "those", "these", "any of them"
    pair: bool = False  # "the two", "both", "which of the 2"; "those 3" (see group)
    group: int = 2  # how many schools "the two" / "those 3" / "all four" point at
    focus: bool = False  # "it", "its", "there", "they"
    plural_focus: bool = False  # "they", "them", "both": with no focus, the rows shown
    rank_step: int = 0  # +1 "right below it", -1 "right above it"
    step_count: int = 1  # "the 2 right above it": that many steps
    step_pointed: bool = False  # "above it", "right above that": from the school in focus
    list_cue: bool = False  # "on that list": a number is a row
    middle: bool = False  # "the middle one": the row halfway down a list of odd length
    named_span: Optional[Tuple[int, int]] = None  # "the evanston one": tokens naming a row
    pick_span: Optional[Tuple[int, int]] = None  # "the higher ranked of those two": which
    leading: Optional[Tuple[str, int]] = None  # ("first" | "last", N): "the first three"

    @property
    def any(self) -> bool:
        return bool(self.rows or self.numbers or self.ranks or self.all_rows or self.pair
                    or self.middle
                    or self.focus or self.rank_step or self.named_span or self.leading)


def ordinal(word: str) -> Optional[int]:
    """"2nd" -> 2, "second" -> 2; anything else None."""
    match = _ORDINAL.match(word)
    if match:
        return int(match.group(1))
    return vocabulary()["ordinals"].get(word) if word in vocabulary()["ordinals"] else None


def _rank_numbers(text: str, words: Tokens, list_cue: bool,
                  dropped: Optional[List[int]] = None) -> Tuple[List[int], List[int]]:
    """(ranks, ambiguous numbers) from "#13", "ranked 13th", "number 13", "the 13th one";
    the ordinals taken back ("not the first") go to `dropped`."""
    ranks: List[int] = []
    numbers: List[int] = []
    # "the 4th and 5th ones": ordinals are read where they stand
    for match in re.finditer(r"#\s?(\d{1,3})(?=s?\b)", text or ""):  # "#8s partners" too
        (numbers if list_cue else ranks).append(int(match.group(1)))
    for i, word in enumerate(words):
        before = words[max(0, i - 2):i]
        value = ordinal(word)
        digit = number_word(word) if word.isascii() and word.isdigit() else None
        if value is None and digit is None:
            continue
        if taken_back(words, i):
            if value is not None and dropped is not None:
                dropped.append(value)
            continue  # "13th not 30th": the number taken back
        if value is None:  # not an ordinal, so a number (a word that is neither is skipped)
            assert digit is not None
            if words[i + 1:i + 2] and (words[i + 1] in word_class("clock_words") or re.search(
                    rf"\b{word}:{words[i + 1]}\b", text or "")):
                continue  # "daycare pickup is at 5:30", "class at 6 pm": a time of day
            if before[-1:] in (("and",), ("&",), ("or",)) and len(before) == 2 and \
                    before[0].isdigit() and number_word(before[0]) in numbers:
                numbers.append(digit)  # "numbers 2 and 3": the marker holds for both
            elif before[-1:] and before[-1] in word_class("number_markers"):
                if before[-2:-1] and before[-2] in word_class("rank_markers"):
                    ranks.append(digit)
                else:
                    numbers.append(digit)
            elif before[-1:] and before[-1] in word_class("rank_markers") and digit <= 100 \
                    and before[:1] not in (("the",), ("your",), ("ur",), ("all",)):
                ranks.append(digit)  # (not "which of the ranked 25 are in texas": all rows)
            elif ends_with_phrase(words, i, "who_is_cues") and digit <= 100:
                numbers.append(digit)  # "ok whos 30"
            continue
        if i + 1 < len(words) and words[i + 1] != "one" and number_word(words[i + 1]):
            continue  # "the first three" is a count of rows (_leading), not row 1
        if word in ("first", "last") and set(before) & word_class("sort_words"):
            continue  # "cheapest first", "best ranked first": an order, not a row
        after = words[i + 1:i + 3]
        if after[:1] and after[0] in word_class("time_words"):
            continue  # "4th year", "2nd semester", "21st century"
        if before[-1:] in (("ranked",), ("rank",), ("is",)) or after[:1] in (("ranked",),
                                                                            ("place",)):
            ranks.append(value)
        elif after[:1] and after[0] in word_class("row_nouns") or before[-1:] == ("the",) \
                or after[:1] in (("and",), ("on",), ("of",), ("not",)) or not after \
                or word[0].isdigit():  # "13th" says which row or rank wherever it stands
            numbers.append(value)
    return ranks, numbers


def _step_count(words: Tokens, start: int) -> int:
    """"the 2 right above it", "three schools just below": the count before a step."""
    before = words[max(0, start - 2):start]
    if len(before) == 2 and before[1] in word_class("row_nouns"):
        before = before[:1]
    count = number_word(before[-1]) if before else None
    return count if count and 1 < count <= 25 else 1


def _leading(words: Tokens) -> Optional[Tuple[str, int]]:
    """"the first three", "the top two", "the last 2", "the first two"."""
    for i in range(len(words) - 1):
        if words[i] in ("first", "top", "last", "bottom") and i > 0 and words[i - 1] in (
                "the", "those", "these"):
            count = number_word(words[i + 1])
            if count and 1 < count <= 25:
                return ("last" if words[i] in ("last", "bottom") else "first", count)
    return None


def _named_span(words: Tokens) -> Optional[Tuple[int, int]]:
    """"the evanston one", "the penn one", "the nyc one", "the cheaper one": the words
    between "the" and "one(s)" (at most three)."""
    for end, word in enumerate(words):
        if word not in ("one", "ones") or end == 0:
            continue
        for start in range(max(0, end - 4), end):
            if words[start] == "the" and 0 < end - start - 1 <= 3:
                inside = words[start + 1:end]
                if not any(ordinal(w) or number_word(w) or w == "last" or
                           w in word_class("part_question_starts") for w in inside):
                    return (start + 1, end)
    return None


def _pick_span(words: Tokens) -> Optional[Tuple[int, int]]:
    """"the higher ranked of those two", "the cheaper of them": the words between "the" and
    "of" before a pointer at the rows (at most three)."""
    for end, word in enumerate(words):
        if word != "of" or end + 1 >= len(words) or words[end + 1] not in (
                "those", "these", "them", "the", "both"):
            continue
        for start in range(max(0, end - 4), end):
            inside = words[start + 1:end]
            if words[start] == "the" and 0 < len(inside) <= 3 and not any(
                    number_word(w) or w in word_class("part_question_starts") for w in inside):
                return (start + 1, end)  # not "the top 15, which of those"
        if 0 < end <= 2 and words[end + 1] != "the" and not any(
                number_word(w) or w in word_class("part_question_starts") for w in words[:end]):
            return (0, end)  # "cheaper of those 2, grad rate?" (no "the"; but "cheapest of
            # the UC campuses" is a list)
    return None


def _last_row(words: Tokens) -> bool:
    """"the last one", "the first and last of these", "last one tuition?" (not "the last
    2": see _leading)."""
    row_nouns = word_class("row_nouns")
    return any(word == "last" and (i > 0 and words[i - 1] in ("the", "and") or
                                   words[i + 1:i + 2] and words[i + 1] in row_nouns) and
               not (i + 1 < len(words) and words[i + 1] not in ("one", "ones")
                    and number_word(words[i + 1]))
               for i, word in enumerate(words))


def _counts_a_new_list(words: Tokens, start: int, end: int) -> bool:
    """"the 3 cheapest public ones": "the 3" counts the rows of a new list (a sort word or
    public/private follows), not the rows shown ("cheapest of the 3")."""
    if end - start != 2 or words[start] != "the" or end >= len(words):
        return False
    after = words[end:end + 2]
    return any(after[:len(p)] == p for section in ("sort_keys", "control")
               for p, _v in phrases_for_values(section))


def read_references(text: str, words: Tokens) -> References:
    list_cue = has(words, phrase_list("list_cue_words"))  # "on that list": a number is a row
    dropped: List[int] = []
    ranks, numbers = _rank_numbers(text, words, list_cue, dropped)
    rows = [row for row in numbers if row == LAST]
    if _last_row(words):
        rows.append(LAST)
    group_hits = find(words, phrases_for_values("group_words"))
    pair_hits = [*find(words, phrase_list("pair_words")), *group_hits]
    not_rows = {i for hit in (*pair_hits, *find(words, phrase_list("whole_ranking_words")))
                for i in range(hit.start, hit.end)}
    list_hits = [hit for hit in find(words, phrase_list("list_words"))
                 if not not_rows & set(range(hit.start, hit.end)) and
                 not _counts_a_new_list(words, hit.start, hit.end)]
    steps = find(words, phrases_for_values("rank_step"))
    step_count = _step_count(words, steps[0].start) if steps else 1
    if step_count > 1:  # "the 2 right above it": not the pair in focus, nor row 2
        pair_hits = [hit for hit in pair_hits if hit.end <= steps[0].start - 2]
        numbers = [n for n in numbers if n != step_count]
    return References(
        rows=tuple(rows), numbers=tuple(numbers), dropped=tuple(dropped), ranks=tuple(ranks),
        all_rows=bool(list_hits), pair=bool(pair_hits),
        group=int(group_hits[0].value) if group_hits else 2,
        focus=has(words, phrase_list("focus_words")),
        plural_focus=has(words, phrase_list("plural_focus_words")),
        rank_step={"below": 1, "above": -1}[steps[0].value] if steps else 0,
        step_count=step_count,
        step_pointed=bool(steps) and bool(set(words[steps[0].start:steps[0].end + 1]) &
                                          word_class("step_pointers")),
        list_cue=list_cue, middle=has(words, phrase_list("middle_row_words")),
        named_span=_named_span(words), pick_span=_pick_span(words), leading=_leading(words))
