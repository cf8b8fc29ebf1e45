"""What a message says about a list of schools: filters, sort, count, "of the top N",
bounds set by another school, and criteria to drop. Read from the message's words
(vocabulary.yaml) and numbers; extracted entities only add what the words missed.

    "which private schools are cheaper than Brandeis?" -> control=private,
        relative=(tuition below Brandeis University)
    "programs between $15k and $35k" -> min_tuition=15000, max_tuition=35000
    "which of the top 8 are cheaper than northeastern" -> max_rank=8, relative=(...)
    "give me 7 cheap ones" -> sort_by=tuition_low, limit=7
"""
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import (AbstractSet, Any, Dict, List, Mapping, Optional, Sequence, Set,
                    Tuple)

from knowledge.question import CONTROLS, RELATIVE_FIELDS, SCORE_STEP, CriteriaChange, Relative
from knowledge.store.queries import all_school_facts
from knowledge.understanding.message_words import split_sentences
from knowledge.understanding.places import Place
from knowledge.understanding.schools import Named
from knowledge.understanding.vocabulary import (
    metro_neighbours,
    MAX_COUNT, Amount, Hit, Tokens, amounts, ends_with_phrase, find, has, number_word, percents,
    phrase_list,
    phrases_for_values, taken_back, tokens, values, vocabulary, word_class)

MAX_LISTED = 25  # rows the source lists; a count above it shows them all
# A clear cue of vocabulary.yaml -> the criteria fields it drops.
CLEARED_FIELDS = {
    "states": ("states", "cities", "excluded_states"),
    "max_tuition": ("min_tuition", "max_tuition"),
    "max_rank": ("max_rank", "min_rank"),
    "all": ("states", "cities", "control", "min_tuition", "max_tuition", "min_grad_rate",
            "max_grad_rate", "max_rank", "min_rank", "min_score", "max_score", "group",
            "formats", "names", "relative", "excluded_states"),
}


# Fields read only outside the words of clear cues: a value of them set by the message is
# a new one ("forget public then. any private ones" -> private; "ok forget texas, make it
# georgia" -> Georgia). (A place after "forget" is taken back: taken_back_cues.)
NAMED_OUTSIDE_CLEAR_CUES = ("control", "states", "cities")


@dataclass(frozen=True)
class CriteriaReading:
    change: CriteriaChange
    anchors: Tuple[str, ...] = ()  # schools named only as a bound ("cheaper than X")
    anchor_focus: bool = False  # "cheaper than that": the bound is the school in focus
    comparatives: Tuple[Tuple[str, str], ...] = ()  # (field, direction) of the comparatives
    count: Optional[int] = None
    more: bool = False
    show_all: bool = False
    excluded: Tuple[str, ...] = ()  # schools named only to leave out ("besides UCF")
    dropped_states: Tuple[str, ...] = ()  # "swap ohio for florida": Ohio leaves the list

    @property
    def between(self) -> bool:
        """Two schools bound the list on both sides ("ranked between those two")."""
        return any(direction == "between" for _field, direction in self.comparatives)


def _ends_with(words: Tokens, section: str) -> int:
    """How many of the last words are a phrase of the section ("... no more than": 3), or
    0: the longer of two cues wins ("cant do more than" over "more than")."""
    return max((len(phrase) for phrase, _value in phrase_list(section)
                if len(words) >= len(phrase) and words[-len(phrase):] == phrase), default=0)


def _starts_with(words: Tokens, section: str) -> bool:
    """The words begin with a cue that follows its number ("or less", "or better"); a cue
    that leads one ("under") starts the next bound, not this one."""
    return any(words[:len(phrase)] == phrase for phrase, _value in phrase_list(section)
               if phrase[0] in ("or", "and"))


def _tuition_bounds(text: str) -> Dict[str, int]:
    """min/max tuition from the amounts and the words around them; two amounts joined by
    "and", "to" or a dash are a range ("between 45k and 56k", "10k to 25k", "15k-25k")."""
    found = amounts(text)
    joiners = {word for phrase, _value in phrase_list("tuition_range_joiners")
               for word in phrase}
    bounds: Dict[str, int] = {}
    ranged = set()
    for first, second in zip(found, found[1:]):
        gap = text[first.end:second.start]
        between = tokens(gap)
        if not (first.explicit or second.explicit) and (set(
                _words_before(text, first.start)[-3:]) & word_class("not_money_before")
                or not set(_words_before(text, first.start)[-4:]) & word_class(
                    "bare_range_cues")
                and not set(_words_after(text, second.end)[:2]) & word_class("bare_range_after")):
            continue  # "numbers 3 and 4", "a score between 65 and 66", "kids (6 and 9)"
        if (between and set(between) <= joiners) or (not between and gap.strip() in "-–"):
            low, high = sorted((first.dollars, second.dollars))
            bounds.update(min_tuition=low, max_tuition=high)
            ranged.update({first.start, second.start})
    for item in found:
        before = _words_before(text, item.start)
        if len(found) > 1 and taken_back(before, len(before)):
            continue  # "i meant 20k not 10k": the amount taken back
        role = None if item.start in ranged else _amount_role(text, item)
        if role:
            bounds[role] = item.dollars
    return bounds


# The words around a number are read from a window of this many characters, not from the
# whole text: reading the whole text again for every number was quadratic (issue 12).
NEAR_CHARS = 120


def _words_before(text: str, start: int) -> Tokens:
    window = text[max(0, start - NEAR_CHARS):start]
    if start > NEAR_CHARS:
        window = window.split(" ", 1)[-1]  # not a word cut in half
    return tokens(window)


def _words_after(text: str, end: int) -> Tokens:
    return tokens(text[end:end + NEAR_CHARS].rsplit(" ", 1)[0] if len(text) > end + NEAR_CHARS
                  else text[end:])


def _excluded(before: Tokens) -> bool:
    """An exclusion verb shortly before a bound ("drop anything over 60k")."""
    recent = before[-6:]
    return any(recent[i:i + len(p)] == p for p, _v in phrase_list("exclude_cues")
               for i in range(len(recent)) if p not in (("no",), ("not",)))


def _amount_role(text: str, item: Amount) -> Optional[str]:
    before = _words_before(text, item.start)[-5:]
    after = _words_after(text, item.end)[:3]
    lower_before = _ends_with(before, "tuition_lower_cues") or (
        _ends_with(before, "tuition_lower_money_cues") if item.explicit else 0)
    upper_before = _ends_with(before, "tuition_upper_cues")
    lower = lower_before > upper_before or _starts_with(after, "tuition_lower_cues")
    upper = upper_before > lower_before or _starts_with(after, "tuition_upper_cues")
    if lower_before > upper_before and set(before[-lower_before - 3:-lower_before]) & \
            word_class("limit_negations"):
        lower, upper = False, True  # "cant spend more than 20k": 20k at most
    elif lower and not lower_before and set(before[-3:]) & word_class("limit_negations"):
        lower, upper = False, True  # "can't spend $60,000 or more": under 60k
    if (lower or upper) and _excluded(_words_before(text, item.start)):
        lower, upper = upper, lower  # "drop anything over 60k": 60k at most
    if lower:
        return "min_tuition"
    if upper:
        return "max_tuition"
    if item.explicit:  # "$30k programs": a budget
        return "max_tuition"
    return None


SCORE_NUMBER = re.compile(r"(?<![\d$.,])(\d{1,3}(?:\.\d)?)(?![\d,]|\.\d|\s*(?:k\b|%|/yr|grand))")
SCORE_WINDOW = 60  # characters after a score word that its bounds are read from


def _score_bounds(text: str, score_talk: bool = False
                  ) -> Tuple[Dict[str, float], List[Tuple[int, int]]]:
    """Bounds on the source's score, and the spans of the numbers they took (no dollars,
    no rank then): "a score between 65 and 66" -> 65-66, "at least 60 but below 62" ->
    60-61.99, "scoring over 80" -> 80.01 and up, "score 80+" -> 80 and up. `score_talk`: a
    list bound by score was just shown, so "oops above 80 i meant" is a score too."""
    lower = (text or "").lower()
    words = phrase_list("score_words")
    cue_table = phrases_for_values("score_bounds")
    joiners = {word for phrase, _value in phrase_list("tuition_range_joiners") for word in phrase}
    bounds: Dict[str, float] = {}
    spans: List[Tuple[int, int]] = []
    starts = [m.end() for m in re.finditer(
        r"\b(?:" + "|".join(re.escape(" ".join(p)) for p, _v in words) + r")\b", lower)]
    for start in starts or ([0] if score_talk and not any(a.explicit for a in amounts(text))
                            else []):
        window = lower[start:start + SCORE_WINDOW]
        stop = re.search(r"[?!;]|\.(?!\d)", window)
        end = start + (stop.start() if stop else len(window))
        numbers = [n for n in SCORE_NUMBER.finditer(lower, start, end)
                   if float(n.group(1)) <= 100]
        previous = start
        for i, number in enumerate(numbers):
            value = float(number.group(1))
            before = tokens(lower[previous:number.start()])
            after = tokens(lower[number.end():numbers[i + 1].start() if i + 1 < len(numbers)
                                 else end])
            role = next((v for p, v in cue_table if before[-len(p):] == p), None) or next(
                (v for p, v in cue_table if after[:len(p)] == p and p[0] in ("or", "and")), None)
            if role is None and lower[number.end():number.end() + 1] == "+":
                role = "min_score"
            if role is None and i + 1 < len(numbers) and set(after) <= joiners and after:
                role = "min_score"  # "between 65 and 66": the first of a range
            elif role is None and i > 0 and set(before) <= joiners and before:
                role = "max_score"
            previous = number.end()
            if role is None:
                continue
            key = role.replace("_strict", "")
            bounds[key] = value + (SCORE_STEP if key == "min_score" else -SCORE_STEP) \
                if role.endswith("_strict") else value
            spans.append((number.start(), number.end()))
    return bounds, spans


@lru_cache(maxsize=None)
def _rank_range_pattern() -> re.Pattern:
    """Two numbers of at most two digits joined as a range ("11 through 15", "#16-#20"),
    compiled once, not on every message."""
    joiners = "|".join(re.escape(" ".join(p)) for p, _v in phrase_list("tuition_range_joiners"))
    return re.compile(r"(#\s?)?(\d{1,2})(st|nd|rd|th)?\s*(?:" + joiners + r"|-|–|&)\s*(#\s?)?"
                      r"(\d{1,2})(st|nd|rd|th)?(?![\d%]|[.,]\d|k\b)")


# "55 to 60", "55-60": two bare numbers of two digits joined as a range (see money_talk)
_BARE_RANGE = re.compile(r"(?<![\d$#.])(\d{2})(\s*(?:to|-|–|and|thru|through)\s*)(\d{2})"
                         r"(?![\d%k.,])")


def _rank_range(text: str, rank_talk: bool) -> Tuple[Dict[str, int], List[Tuple[int, int]]]:
    """A range of the source's ranks, and the span of its numbers (no dollars then): "ranked
    11 through 15", "#16-#20", "the 11th to 15th ranked"; right after ranks were asked
    (`rank_talk`: "who's number 7" ... "8 and 9?"), a bare "16 to 20" too."""
    lower = (text or "").lower()
    markers = word_class("rank_range_markers")  # ("the 4th and 5th ones": rows shown)
    for match in _rank_range_pattern().finditer(lower):
        low, high = int(match.group(2)), int(match.group(5))
        before, after = tokens(lower[:match.start()]), tokens(lower[match.end():])
        # "ranked 11 thru 15", "ranked between 11 and 15"
        marked = bool(match.group(1) or match.group(4)) or bool(
            set(before[-2:]) & markers) or bool(after and after[0] in markers)
        if lower[max(0, match.start() - 1):match.start()] == "$" or not 1 <= low < high <= 50:
            continue
        if marked or rank_talk:
            return {"min_rank": low, "max_rank": high}, [(match.start(), match.end())]
    return {}, []


def _blanked(text: str, spans: Sequence[Tuple[int, int]]) -> str:
    """The text with these spans blanked out, at the same positions."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _shares(text: str) -> Set[int]:
    """Per cents that are no graduation rate: "100% online", "company pays 100%", "95% of
    tuition" (a format, or what an employer covers), "im 100% keeping my job"."""
    found = set()
    for item in percents(text):
        before = _words_before(text, item.start)[-2:]
        after = _words_after(text, item.end)[:1]
        if set(after) & word_class("not_rate_after") or set(before) & (
                word_class("benefit_words") | word_class("not_rate_before")):
            found.add(item.value)
    return found


def _grad_bounds(text: str, shares: AbstractSet[int]) -> Dict[str, int]:
    bounds: Dict[str, int] = {}
    for item in percents(text):
        if item.value in shares:
            continue
        before = _words_before(text, item.start)[-4:]
        after = _words_after(text, item.end)[:4]
        upper = _ends_with(before, "grad_upper_cues") or _starts_with(after, "grad_upper_cues")
        if _excluded(_words_before(text, item.start)):
            upper = not upper  # "throw out anything that graduates under 95%": 95% and up
        # "95% grad rate", "at least 90% graduate", "95% or better": a minimum; but "who has
        # 99% grad rate": that rate
        if not upper and before[-1:] and before[-1] in word_class("exact_rate_words") and \
                not _starts_with(after, "grad_upper_cues"):
            bounds["max_grad_rate"] = item.value
        bounds["max_grad_rate" if upper else "min_grad_rate"] = item.value
    grad_words = r"(?:graduation|grad|completion)\s+rates?"
    match = re.search(rf"{grad_words}\s+(?:of\s+)?(above|over|at least|below|under)\s+(\d{{1,3}})\b"
                      r"(?!\s*(?:k\b|%|\d))", (text or "").lower())
    if match and not bounds and int(match.group(2)) <= 100:
        key = "max_grad_rate" if match.group(1) in ("below", "under") else "min_grad_rate"
        bounds[key] = int(match.group(2))
    return bounds


MONEY_WORD = re.compile(r"^(?:\$\d|\d+(?:k|\d{3}))")


def _sort_key(words: Tokens, bounds: Mapping[str, Any]) -> Optional[str]:
    """The sort the words ask for. A weak phrase only names a field: it sorts when the field
    has no bound ("tuition under 20k" filters), and a weak score word ("best", "top") only
    with a sort cue, so "... 95% or better" keeps the list's own order."""
    weak = {phrase for phrase, _value in phrase_list("weak_sort_phrases")}
    cue = has(words, phrase_list("sort_cues"))
    ordered, strong = [], []
    for hit in find(words, phrases_for_values("sort_keys")):
        if MONEY_WORD.match(words[hit.end] if hit.end < len(words) else ""):
            continue  # "make the bottom 40k": a tuition bound, not the lowest ranked
        if words[hit.start:hit.end] not in weak:
            strong.append(_turned_low(words, hit.start, hit.value))
            ordered.append(strong[-1])
            continue
        field = hit.value.split("_")[0]
        if field != "score" and _a_column(words, hit.start):
            continue
        bounded = any(key.endswith(field) or key.endswith(f"{field}_rate")
                      for key in bounds) if field in ("tuition", "grad") else False
        if (bounded and not cue) or (hit.value == "score" and not cue):
            continue
        ordered.append(_turned_low(words, hit.start, hit.value))
    explicit = [hit.value for hit in find(words, phrases_for_values("sort_keys"))
                if words[hit.start - 1:hit.start] == ("by",)]
    if explicit:  # "top 5 by score. name + tuition": the order asked "by" wins
        return explicit[0]
    # "highest ranked private one there + cost?": a field only named ("cost") does not
    # outweigh an order asked in so many words
    chosen = strong or ordered
    specific = [value for value in chosen if value != "score"]
    return specific[0] if specific else ("score" if chosen else None)


def _a_column(words: Tokens, start: int) -> bool:
    """"gimme the top 10, just names + tuition": the field to show beside the ranking's top
    rows, not an order of its own."""
    return start > 0 and words[start - 1] in word_class("column_cues") and \
        bool(set(words[:start]) & word_class("top_words"))


def _turned_low(words: Tokens, start: int, key: str) -> str:
    """"2 lowest grad rates": a low superlative just before a field that has a low sort
    ("grad_rate" -> "grad_rate_low"); the sort's own phrases cover the usual wording only."""
    low_key = f"{key}_low"
    if low_key not in vocabulary()["sort_keys"]:
        return key
    superlatives = vocabulary()["generic_superlatives"]
    return low_key if any(superlatives.get(word) == "low"
                          for word in words[max(0, start - 2):start]) else key


def _relatives(words: Tokens, anchors: Sequence[Named], focus_anchor: bool
               ) -> Tuple[Tuple[str, str], ...]:
    """(field, direction) of each comparative in the words ("cheaper ... with a better
    grad rate" -> tuition below, grad_rate above)."""
    del anchors, focus_anchor  # the comparatives are read alike with or without an anchor
    return tuple(tuple(value.split()) for value in values(words, phrases_for_values(
        "comparatives")))


CLEAR_REACH = 4  # "forget the 15k tuition cap": the noun within four words of the verb


def _cleared_by_verb(words: Tokens) -> List[Hit]:
    """"forget the 15k cap", "drop the price limit": the nouns of the limits a verb drops
    (clear_verbs, cleared_by_noun)."""
    verbs = [i for i, word in enumerate(words) if word in word_class("clear_verbs")]
    return [hit for hit in find(words, phrases_for_values("cleared_by_noun"))
            if any(0 < hit.start - i <= CLEAR_REACH for i in verbs)]


def _left_out(words: Tokens, listed: Sequence[Named]) -> List[Named]:
    """Schools named right after besides_cues ("whats there besides ucf", "other than cmu",
    "anything but usc"), and the ones joined to them ("except uw and uci")."""
    out: List[Named] = []
    for named in listed:
        if ends_with_phrase(words, named.start, "besides_cues") or out and \
                words[out[-1].end:named.start] in (("and",), ("or",), ("nor",), ()):
            out.append(named)
    return out


def _between(words: Tokens, listed: Sequence[Named]) -> Tuple[List[Named], bool, str]:
    """Two schools that bound a list on both sides ("ranked between brandeis and emory"), or
    whether the two pointed at do ("strictly between those two"), and what they bound: the
    field said next to them ("between uci and pitt in price"), else rank. Numbers between
    are ranges (read_criteria's bounds)."""
    for start in (i for i, word in enumerate(words) if word == "between"):
        after = [named for named in listed if named.start > start][:2]
        if len(after) == 2 and after[0].start <= start + 2:
            return after, False, _field_near(words, start, after[1].end)
        if words[start + 1:start + 2] and words[start + 1] in word_class("than_pointers"):
            return [], True, _field_near(words, start, start + 3)
    return [], False, "rank"


def _field_near(words: Tokens, start: int, end: int) -> str:
    """Tuition or graduation rate if said just before "between" or just after what it
    bounds; else rank."""
    near = (*words[max(0, start - 2):start], "|", *words[end:end + 3])
    for key in values(near, phrases_for_values("sort_keys")):
        for field in RELATIVE_FIELDS:
            if key.startswith(field):
                return field
    return "rank"


def _anchors(words: Tokens, listed: Sequence[Named], left_out: Sequence[Named]
             ) -> Tuple[List[Named], bool]:
    """Schools named right after "than" (and the one before "does" in "than X does"), and
    whether "than that/it/them" points at the school in focus ("other than X" leaves X out:
    see _left_out)."""
    anchors = [named for named in listed if named.start > 0 and words[named.start - 1] == "than"
               or named.start > 1 and words[named.start - 2:named.start] == ("than", "the")]
    anchors = [named for named in anchors if named not in left_out]
    focus = any(words[i] == "than" and i + 1 < len(words) and
                words[i + 1] in word_class("than_pointers")
                for i in range(len(words)))
    return anchors, focus


RULED_OUT_WINDOW = 6  # words after "private" read for "... is out of the question"


def control_said(words: Tokens, places: Sequence[Place], text: str = "",
                 cleared_spans: Sequence[Tuple[int, int]] = ()) -> Optional[str]:
    """public/private; "new york state schools" are schools in New York, not public ones;
    "no private ones" rules private out, so asks for public; "no, public ones" asks for
    public; "forget public. any private ones" asks for private (`cleared_spans`: the
    words of clear cues)."""
    answered_no = {m.group(1) for m in re.finditer(r"\bno\s*[,;:.!-]+\s*(\w+)", text.lower())}
    ruled_out = None
    wished: List[str] = []
    for hit in find(words, phrases_for_values("control")):
        if words[hit.start] == "state" and any(p.end == hit.start for p in places):
            continue
        if _inside(hit.start, hit.end, cleared_spans):
            continue
        said_no = words[hit.start - 1:hit.start] == ("no",) and \
            words[hit.start] not in answered_no
        before = words[max(0, hit.start - 3, _sentence_start(text, hit.start)):hit.start]
        # "we cant swing private tuition" (but "not moving. public only": another sentence)
        negated_before = bool(set(before[:-1]) & word_class("limit_negations")) and \
            "mind" not in before  # (but "i dont mind private")
        if said_no or negated_before or words[hit.start - 1:hit.start] == ("not",) or \
                has(words[hit.end:hit.end + RULED_OUT_WINDOW], phrase_list("ruled_out_cues")):
            ruled_out = hit.value  # "private tuition is out of the question"
            continue
        wished.append(hit.value)
    if wished:  # "private, ugh. ok forget the city, public ones in CA?": the last one said
        return wished[-1]
    return None if ruled_out is None else next(c for c in CONTROLS if c != ruled_out)


def _sentence_start(text: str, position: int) -> int:
    """The token position where the sentence holding the token at `position` starts."""
    start = 0
    for sentence in split_sentences(text or "", r"(?<=[.!?;])\s+"):
        size = len(tokens(sentence))
        if start + size > position:
            return start
        start += size
    return start


def _inside(start: int, end: int, spans: Sequence[Tuple[int, int]]) -> bool:
    return any(low <= start and end <= high for low, high in spans)


def control_wished(words: Tokens, places: Sequence[Place]) -> Optional[str]:
    """public/private said with a wish ("want a public school", "has to be private")."""
    return control_said(words, places) if has(words, phrase_list("wish_cues")) else None


def requested_count(words: Tokens) -> Optional[int]:
    """How many results the words ask for: "top 5", "7 cheapest", "give me 8 of them"."""
    nouns = phrase_list("count_nouns")
    for i, word in enumerate(words):
        number = number_word(word)
        if number is None or not 0 < number <= MAX_COUNT * 2:
            continue
        before = words[max(0, i - 2):i]
        after = words[i + 1:i + 4]
        last = before[-1] if before else ""
        cue_before = last in word_class("count_cues") or (
            last in word_class("superlative_count_cues") and word.isdigit()) or any(
            words[max(0, i - len(p)):i] == p for p, _v in phrase_list("count_lead_phrases"))
        noun_after = any(after[:len(phrase)] == phrase for phrase, _v in nouns)
        if set(after[:2]) & word_class("time_words"):
            continue  # "stuck here 3 more years": a time, not results
        if before[-1:] == ("the",) and not noun_after:
            continue
        if word in ("one", "ones") and before and (before[-1] in vocabulary()["ordinals"] or
                                                   before[-1] == "last"):
            continue  # "grad rate of the first one": a row, not one result
        if cue_before or noun_after:
            return min(number, MAX_COUNT)
    return None


def _within_top(words: Tokens) -> Optional[int]:
    """"of the top 15" / "which of the top 8" / "a top 10 school": the source's ranks 1..N,
    as a filter (one row of them is no count of rows)."""
    for i in range(1, len(words) - 1):
        number = number_word(words[i + 1])
        if words[i] != "top" or not number:
            continue
        if words[i - 1] in word_class("top_determiners") and i > 1 and \
                words[i - 2] in word_class("within_top_words") \
                or words[i - 1] in word_class("which_top_words") \
                or words[i + 2:i + 3] and words[i + 2] in word_class("one_row_nouns"):
            return min(number, MAX_LISTED)  # "which top 10 schools", "a public top 10 one"
    return None


def _profiled_only(words: Tokens) -> Optional[int]:
    """"only the ones that have a full profile": the source profiles its top rows, so the
    ranks down to its last profiled school."""
    if not has(words, phrase_list("profiled_words")):
        return None
    return max((s.rank for s in all_school_facts() if s.has_profile), default=None)


def read_criteria(text: str, words: Tokens, listed: Sequence[Named],
                  places: Sequence[Place],
                  entities: Optional[Mapping[str, Sequence[str]]] = None,
                  dropped_states: Sequence[str] = (), rank_talk: bool = False,
                  money_talk: bool = False, score_talk: bool = False) -> CriteriaReading:
    """Everything the message says about a list's criteria. `dropped_states`: states the
    user takes out ("outside california", "swap ohio for florida"); `rank_talk`: ranks were
    just asked, so a bare "8 and 9" is ranks, not dollars; `money_talk`: a tuition range
    was, so a bare "55 to 60" is thousands of dollars; `score_talk`: see _score_bounds."""
    entities = dict(entities or {})
    values_set: Dict[str, Any] = {}
    within = _within_top(words) or _profiled_only(words)
    count = None if within or _surprise(text) else requested_count(words)
    score_bounds, score_spans = _score_bounds(text, score_talk)
    rank_range, rank_spans = _rank_range(text, rank_talk)
    money_text = _blanked(text, [*score_spans, *rank_spans])
    if money_talk and not rank_range:
        money_text = _BARE_RANGE.sub(r"\1k\2\3k", money_text)
    shares = _shares(money_text)  # per cents that are no rate, for the words and the NLU's
    bounds: Dict[str, float] = {**_tuition_bounds(money_text),
                                **_grad_bounds(money_text, shares), **score_bounds}
    values_set.update(rank_range)
    count = None if rank_range else count
    if not bounds and not rank_range:
        bounds.update(_entity_bounds(entities, words, count, shares))
    values_set.update(bounds)
    verb_cleared = _cleared_by_verb(words)
    dropped_nouns = {i for hit in verb_cleared for i in range(hit.start, hit.end)}
    sort = _sort_key(tuple("_" if i in dropped_nouns else w for i, w in enumerate(words)),
                     bounds)  # ("drop the price limit" asks for no order by price)
    if sort:
        values_set["sort_by"] = sort
    clear_hits = find(words, phrases_for_values("clear_cues"))
    cleared_spans = [(hit.start, hit.end) for hit in clear_hits]
    control_value = control_said(words, places, text, cleared_spans)
    if control_value:
        values_set["control"] = control_value
    states = tuple(dict.fromkeys(p.value for p in places if p.kind == "state"))
    cities = tuple(dict.fromkeys(p.value for p in places if p.kind == "city"))
    if states and cities and all(p.state in states for p in places if p.kind == "city"):
        cities = ()  # "my husband is in chicago ... what is there in illinois": the state
    if cities and _near(words):  # "living in chicago ... what's around": Evanston too
        cities = tuple(dict.fromkeys(c for city in cities for c in (city, *metro_neighbours(city))))
    if states:
        values_set["states"] = states
    if dropped_states and not states:  # "only ones outside california"
        values_set["excluded_states"] = tuple(dropped_states)
    if cities:
        values_set["cities"] = cities
    formats = tuple(v for v in values(words, phrases_for_values("study_formats")))
    if formats:
        values_set["formats"] = formats
    group = (values(words, phrases_for_values("school_groups")) or [None])[0]
    if group:
        values_set["group"] = group
    if within:
        values_set["max_rank"] = within
    elif count:
        values_set["limit"] = min(count, MAX_LISTED)
    left_out = _left_out(words, listed)
    anchors, focus_anchor = _anchors(words, listed, left_out)
    excluded = tuple(dict.fromkeys(named.school for named in left_out))
    if excluded:
        values_set["excluded"] = excluded
    comparatives = _relatives(words, anchors, focus_anchor)
    bounding, focus_bounds, bounded = _between(words, listed)
    asks_rows = word_class("head_nouns") & set(words) or has(words, phrase_list("list_requests"))
    if (bounding or focus_bounds) and asks_rows:  # "schools ranked between those two" (not
        # "the difference between cmu and penn")
        anchors, focus_anchor = bounding, focus_bounds
        comparatives = ((bounded, "between"),)
    cleared = tuple(dict.fromkeys(name for value in (*(h.value for h in clear_hits),
                                                      *(h.value for h in verb_cleared))
                                  for name in CLEARED_FIELDS.get(value, (value,))))
    for name in cleared:
        if name not in NAMED_OUTSIDE_CLEAR_CUES:
            values_set.pop(name, None)
    cleared = tuple(name for name in cleared if name not in values_set)
    more = has(words, phrase_list("more_cues")) and not has(words, phrase_list("more_not_paging"))
    show_all = has(words, phrase_list("show_all_cues")) and not count
    if show_all:  # "the 3 cheapest on the whole list": 3 rows of all 25
        values_set["limit"] = MAX_LISTED
    return CriteriaReading(CriteriaChange(values_set, cleared),
                           tuple(named.school for named in anchors), focus_anchor,
                           comparatives, count, more, show_all, excluded,
                           tuple(dropped_states))


def _surprise(text: str) -> bool:
    """"only 1?? ok what about florida": a reaction to the count shown, not a count asked."""
    return bool(re.search(r"\b(?:only|just)\s+(?:\d+|one|two|three)\s*\?", text or "",
                          re.IGNORECASE))


def _near(words: Tokens) -> bool:
    """"what's around", "near chicago": the city's area, not "around 20k"."""
    return any(not (hit.end < len(words) and any(c.isdigit() for c in words[hit.end]))
               for hit in find(words, phrase_list("near_cues")))


def _counts_schools(number: str, words: Tokens) -> bool:
    """"those 2", "which of the 3": the number counts schools pointed at."""
    pointers = word_class("group_pointers") | word_class("not_money_before")
    return any(word == number and i > 0 and (words[i - 1] in pointers or i > 1 and words[
        i - 1] in ("and", "or") and words[i - 2].isdigit() and words[i - 3:i - 2] and
        words[i - 3] in pointers) for i, word in enumerate(words))


def _entity_bounds(entities: Mapping[str, Sequence[str]], words: Tokens,
                   count: Optional[int] = None, shares: AbstractSet[int] = frozenset()
                   ) -> Dict[str, int]:
    """Bounds from extracted entities, when the words gave none (DIET's amount/percent); a
    bare number the words read as the count asked ("10 most expensive") is no amount."""
    from knowledge.understanding.vocabulary import amount as dollars, percent as pct

    bounds: Dict[str, int] = {}
    for text in entities.get("amount", ()):
        if count is not None and re.sub(r"\D", "", text) == str(count) and \
                dollars(text) is None:
            continue
        if dollars(text) is None and _counts_schools(text.split()[0] if text.split() else "",
                                                     words):
            continue  # "which of the 5 qualify": the rows pointed at, not $5,000
        found = dollars(text, bare=True)
        if found:
            bounds["max_tuition"] = found
            break
    for text in entities.get("percent", ()):
        found = pct(text)
        # a bare number is a rate only when rates are talked of ("2 kids" is no 2%)
        if found is None and text.strip().isascii() and text.strip().isdigit() \
                and int(text.strip()) <= 100 and not _counts_schools(text.strip(), words) \
                and any(hit.value.startswith("grad_rate")
                        for hit in find(words, phrases_for_values("sort_keys"))):
            found = int(text.strip())
        if found is not None and found not in shares:
            bounds["min_grad_rate"] = found
            break
    return bounds


def relatives_for(reading: CriteriaReading, anchor: str) -> Tuple[Relative, ...]:
    """The bounds the comparatives set with this anchor school (default: cheaper)."""
    pairs = reading.comparatives or (("tuition", "below"),)
    return tuple(Relative(field, direction, anchor) for field, direction in pairs)
