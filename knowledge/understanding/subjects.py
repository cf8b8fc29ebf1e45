"""The schools a message is about, and how it named them: by name, by a row of the list
just shown ("the third one", "those", "the evanston one", "the cheaper one"), by rank
("#13", "right below it"), or by pointing at the school(s) in focus ("it", "the two")."""
from typing import List, Optional, Sequence, Tuple

from knowledge.state import ConversationState
from knowledge.store.engine import cached_per_store
from knowledge.store.queries import all_school_facts, profile_sentences, school_names_and_aliases
from knowledge.understanding.filters import CriteriaReading
from knowledge.understanding.message_words import Words
from knowledge.understanding.places import Place
from knowledge.understanding.references import LAST, References, ordinal
from knowledge.understanding.schools import SchoolMentions
from knowledge.understanding.vocabulary import (
    Tokens, ends_with_phrase, number_word, phrases_for_values, tokens, values, word_class)

LIST_ACTS = ("rank", "more", "recommend", "compare", "rank_within", "states")


def _numbers_are_rows(refs: References, state: ConversationState) -> bool:
    """Whether "number 4" / "the 4th one" is a row of the last list (else the source's rank)."""
    shown = state.last_list
    if shown is None or not refs.numbers:
        return False
    if refs.list_cue:  # "whos #5 on the list" after a list of one: the source's list
        return all(n <= len(shown.rows) for n in refs.numbers)
    if state.last_act == "rank_lookup":
        return False
    on_the_list = state.last_act in LIST_ACTS or bool(state.focus) and all(
        school in shown.seen for school in state.focus)  # "grad rate of number 3?" "meant 2"
    return on_the_list and all(n <= len(shown.seen) for n in refs.numbers)


def _rows_for(refs: References, state: ConversationState, numbers_are_rows: bool,
              leading: bool) -> Tuple[str, ...]:
    """The schools of the last list the words point at: "the first three" and "the first
    and last of these" on the page just shown, "the 7th one" by the number shown beside it."""
    shown = state.last_list
    if shown is None and LAST in refs.rows and refs.list_cue:
        # "whos the last school on the list u have", no list shown: the source's last row
        return (max(all_school_facts(), key=lambda s: s.rank).name,)
    if shown is None:
        return ()
    page, rows = shown.shown, shown.rows
    if state.last_act == "rank_within" and len(state.focus) >= 2 and \
            all(n <= len(state.focus) for n in refs.numbers):
        page = rows = state.focus  # "which of those are cheaper than clark": the rows it
        # showed ("the second one"), unless the number is past them ("the third one" of two)
    picked: List[str] = []
    if refs.leading and leading:
        end, count = refs.leading
        picked += list(page[:count] if end == "first" else page[-count:])
    if refs.middle and len(page) % 2 == 1:
        picked.append(page[len(page) // 2])
    if LAST in refs.rows and page:
        if 1 in refs.numbers:
            picked.append(page[0])
        picked.append(page[-1])
    if numbers_are_rows:
        picked += [rows[n - 1] for n in refs.numbers
                   if 1 <= n <= len(rows) and not (n == 1 and LAST in refs.rows)]
    return tuple(dict.fromkeys(picked))


def _stepped_by(anchor: str, order: str, steps: int) -> List[str]:
    """The schools `steps` along an order from the anchor ("the next cheapest after UCF":
    SJSU), the ones the order cannot place (no figure) left out."""
    known = sorted((s for s in all_school_facts() if PICKS[order](s) is not None),
                   key=lambda s: (PICKS[order](s), s.rank))
    names = [s.name for s in known]
    if anchor not in names:
        return []
    at = names.index(anchor)
    return names[at + 1:at + 1 + steps] if steps > 0 else names[max(0, at + steps):at]


def _ranked(rank: int) -> Optional[str]:
    return next((s.name for s in all_school_facts() if s.rank == rank), None)


# "the cheaper one" / "the better ranked one": which of the shown schools it is (smallest key).
PICKS = {"tuition_low": lambda s: s.tuition_per_year,
         "tuition_high": lambda s: -s.tuition_per_year,
         "grad_rate": lambda s: -s.graduation_rate if s.graduation_rate is not None else None,
         "grad_rate_low": lambda s: s.graduation_rate,
         "score": lambda s: s.rank, "score_low": lambda s: -s.rank}


def _named_rows(span: Optional[Tuple[int, int]], mentions: SchoolMentions,
                places: Sequence[Place], candidates: Sequence[str],
                mentions_words: Tokens, shown: Sequence[str]) -> Tuple[str, ...]:
    """"the evanston one", "the penn one", "the nyc one": the candidate school it names."""
    if not span or not candidates:
        return ()
    start, end = span
    inside = [n.school for n in mentions.listed if start <= n.start < end]
    if inside:
        return tuple(inside)
    order = values(tuple(mentions_words[start:end]), phrases_for_values("sort_keys"))
    control = values(tuple(mentions_words[start:end]), phrases_for_values("control"))
    if order and order[0] in PICKS:  # "the cheaper one": the one that is, of those shown
        facts = [s for s in all_school_facts() if s.name in candidates and (
            not control or s.control == control[0])]  # ("the cheapest public one" after
        known = [s for s in facts if PICKS[order[0]](s) is not None]  # private ones: a new
        return (min(known, key=PICKS[order[0]]).name,) if known else ()  # list)
    by_name = {s.name: s for s in all_school_facts()}
    inside_places = [p for p in places if start <= p.start < end]
    if control and not inside_places:  # "the public one(s)": those of the list just read
        # (or else seen) that are
        if not places:
            return tuple(name for name in (shown or candidates)
                         if name in by_name and by_name[name].control == control[0])
        inside_places = list(places)  # "the public one in pittsburgh"

    def there(names: Sequence[str]) -> Tuple[str, ...]:
        return tuple(name for name in names if name in by_name and any(
            (p.kind == "city" and by_name[name].city == p.value) or
            (p.kind == "state" and by_name[name].state == p.value) for p in inside_places)
            and (not control or by_name[name].control == control[0]))

    # "the private san diego one": of those seen, else of every listed school
    return there(candidates) or (there(list(by_name)) if inside_places and control else ())


def _one_in_a_place(words: Tokens, places: Sequence[Place]) -> Optional[Tuple[int, int]]:
    """"the one in texas", "the one from georgia": the place's words, as "the texas one"."""
    for place in places:
        if place.start >= 3 and words[place.start - 3:place.start - 1] == ("the", "one") and \
                words[place.start - 1] in ("in", "from", "at"):
            return place.start, place.end
    return None


def _swapped_in(focus: Sequence[str], out: Sequence[str], new: Sequence[str]) -> Tuple[str, ...]:
    """The schools in focus with those taken out replaced, in place, by the new ones."""
    incoming = [s for s in new if s not in focus]
    kept: List[str] = []
    for school in focus:
        if school in out:
            kept += incoming[:1]
            incoming = incoming[1:]
        else:
            kept.append(school)
    return tuple(dict.fromkeys([*kept, *incoming]))


@cached_per_store
def _names_by_school() -> Tuple[Tuple[str, Tuple[Tokens, ...]], ...]:
    return tuple((name, tuple(tokens(n) for n in (name, *aliases)))
                 for name, aliases in school_names_and_aliases())


def _namesakes(said: Tokens) -> Tuple[str, ...]:
    """The listed schools one of whose names holds these words ("penn": Penn, Penn State)."""
    size = len(said)
    return tuple(school for school, names in _names_by_school()
                 if any(name[i:i + size] == said for name in names
                        for i in range(len(name) - size + 1)))


def _the_other(words: Tokens, focus: Sequence[str]) -> Tuple[str, ...]:
    """"no the other penn" (Penn in focus): Penn State; "the other uc one" (UC Irvine in
    focus): UC Santa Cruz. The one other school the words fit, else none."""
    if "other" not in words or not focus:
        return ()
    after = words.index("other") + 1
    said = words[after:after + 3]
    said = said[:said.index("one")] if "one" in said else said
    for size in range(len(said), 0, -1):
        fits = _namesakes(said[:size])
        if fits and set(fits) & set(focus):
            others = tuple(s for s in fits if s not in focus)
            return others if len(others) == 1 else ()
    return ()


def _taken_out(words: Tokens, mentions: SchoolMentions) -> set:
    """Schools named right after swap_out_cues ("swap X for", "not X", "instead of X")."""
    return {n.school for n in mentions.listed if ends_with_phrase(words, n.start, "swap_out_cues")}


@cached_per_store
def _profile_words(name: str) -> frozenset:
    """Every word of a school's profile (and without a plural s)."""
    found = {w for text in profile_sentences(name).texts for w in tokens(text) if len(w) > 3}
    return frozenset(found | {w[:-1] for w in found if w.endswith("s")})


def _points_into(words: Tokens, school: str) -> bool:
    """"that repository", "this co-op thing": a demonstrative before a word of the school's
    profile points at something of the school in focus."""
    return any(word in word_class("demonstratives") and i + 1 < len(words) and
               words[i + 1] in _profile_words(school) for i, word in enumerate(words))


def _picked(span: Optional[Tuple[int, int]], words: Tokens, schools: Sequence[str]
            ) -> Optional[str]:
    """Which of these schools "the cheaper" / "the higher ranked" (the span's words) is;
    "the second highest ranked of those": the second in that order."""
    if not span:
        return None
    order = values(tuple(words[span[0]:span[1]]), phrases_for_values("sort_keys"))
    if not order or order[0] not in PICKS:
        return None
    known = sorted((s for s in all_school_facts() if s.name in schools
                    and PICKS[order[0]](s) is not None), key=PICKS[order[0]])
    place = ordinal(words[span[0]]) or 1
    return known[place - 1].name if len(known) >= place else None


def _names_a_place(span: Tuple[int, int], places: Sequence[Place]) -> bool:
    return any(span[0] <= p.start < span[1] for p in places)


def _pair(state: ConversationState, size: int = 2) -> Tuple[str, ...]:
    """"the two", "both", "which of the 2": the two schools just talked about ("those 3":
    the three)."""
    if len(state.focus) >= 2:
        return state.focus
    if state.last_list and (len(state.last_list.shown) == size or state.last_act in LIST_ACTS
                            and len(state.last_list.shown) >= 2):
        return state.last_list.shown  # just shown: "the higher ranked of those two"
    return state.recent[-size:]


def _counts_the_list(words: Tokens, state: ConversationState) -> bool:
    """"which of the 5 qualify" with two schools in focus and five rows shown: the rows."""
    shown = state.last_list.shown if state.last_list else ()
    return len(shown) != len(state.focus) and any(
        number_word(word) == len(shown) and i > 0 and words[i - 1] in word_class(
            "group_pointers") for i, word in enumerate(words))


def _of_pair(refs: References, state: ConversationState) -> Tuple[str, ...]:
    """"the 2nd of those two": a place among the two (or few) schools just talked about,
    when the words say so or no list was shown that the number could be a row of."""
    pair = _pair(state, refs.group)
    if not refs.numbers or len(pair) < 2 or refs.list_cue or \
            not all(1 <= n <= len(pair) for n in refs.numbers):
        return ()
    if refs.pair or state.last_list is None:
        return tuple(pair[n - 1] for n in refs.numbers)
    return ()


def _step_anchor(refs: References, state: ConversationState) -> Optional[str]:
    """Where a step along the ranking starts: the school in focus ("right below it"), but
    after one step, "and just above" (no "it") steps from where that one started."""
    if state.stepped_from and state.last_act == "rank_lookup" and not (
            refs.focus or refs.step_pointed):
        return state.stepped_from
    return state.focus[-1] if state.focus else None


class Subjects:
    """The schools a message is about, and how it named them."""

    def __init__(self, words: Words, refs: References, mentions: SchoolMentions,
                 places: Sequence[Place], crit: CriteriaReading,
                 state: ConversationState) -> None:
        self.schools: Tuple[str, ...] = ()
        self.from_rows = self.plural = self.by_rank = False
        self.missing: Tuple[int, ...] = ()
        self.stepped_from: Optional[str] = None  # the school a step along the ranking left
        named = [n.school for n in mentions.listed
                 if n.school not in crit.anchors and n.school not in crit.excluded]
        out = _taken_out(words.tokens, mentions)
        self.swapped = bool(out) and len(state.focus) >= 2 and bool(set(named) - out)
        if self.swapped:  # "swap santa cruz for uw", "oops not clark, brandeis"
            named = [*(s for s in state.focus if s not in out),
                     *(s for s in named if s not in out and s not in state.focus)]
        elif out and (set(named) - out or mentions.unlisted):  # "no sorry penn state, not
            named = [s for s in named if s not in out]  # upenn": Penn State alone; "sry meant
            # rpi not rit": RPI, which the source does not list
        rows_numbers = _numbers_are_rows(refs, state)
        leading = "max_rank" not in crit.change.values and \
            "max_rank" not in crit.change.cleared and not (  # ("forget the top 10": no rows;
                "limit" in crit.change.values and "max_tuition" in crit.change.values)
        # "the top 3 of those but under 15k": the list with the limit, then its top 3)
        of_pair = _of_pair(refs, state)  # "the 2nd of those two", "the first one's program"
        # (no list shown): a place among the schools just talked about, else rows of the list
        rows = of_pair or _rows_for(refs, state, rows_numbers, leading)
        rows_numbers = rows_numbers or bool(of_pair)
        candidates = tuple(dict.fromkeys(  # what the user has seen lately
            [*(state.last_list.shown if state.last_list else ()), *state.focus, *state.recent]))
        span = refs.named_span or _one_in_a_place(words.tokens, places)
        if span and words.tokens[span[1]:span[1] + 1] == ("ones",) and (
                words.has("refine_cues") or words.has("clear_cues")):
            span = None  # "actually just the california ones", "ok forget the city, public
            # ones in CA?": the list changes
        by_name = _named_rows(span, mentions, places, candidates, words.tokens,
                              state.last_list.shown if state.last_list else ())
        if span and "other" in words.tokens[max(0, span[0] - 2):span[1]]:
            by_name = tuple(s for s in by_name if s not in state.focus)  # "no the other georgia
            # one, georgia tech" (UGA in focus): not UGA
        missing: List[int] = []
        ranked: List[str] = []
        for number in (*refs.ranks, *(() if rows_numbers else refs.numbers)):
            school = _ranked(number)
            (ranked.append(school) if school else missing.append(number))
        anchor = _step_anchor(refs, state)
        if refs.rank_step and len(named) == 1 and not refs.focus:
            anchor, named = named[0], []  # "who's ranked right after northeastern": not NEU
        order = crit.change.values.get("sort_by")
        if refs.rank_step and anchor and order in PICKS and not order.startswith("score"):
            ranked += _stepped_by(anchor, order, refs.rank_step * refs.step_count)
            self.stepped_from = anchor  # "the next cheapest one after it": by tuition
        elif refs.rank_step and anchor:
            base = next((s for s in all_school_facts() if s.name == anchor), None)
            if base:
                steps = sorted(base.rank + refs.rank_step * n
                               for n in range(1, refs.step_count + 1))
                for rank in (r for r in steps if r >= 1):
                    school = _ranked(rank)
                    (ranked.append(school) if school else missing.append(rank))
                self.stepped_from = anchor
        self.missing = tuple(missing)
        if span and not (by_name or rows or ranked or named or missing) and \
                state.focus and not _names_a_place(span, places) and \
                not mentions.unlisted:  # ("the georgia tech one": that school, not listed)
            by_name = state.focus[-1:]  # "the engineering-flavored one": the one in focus
        schools = _the_other(words.tokens, state.focus) or tuple(
            dict.fromkeys([*rows, *by_name, *ranked, *named]))
        if rows and not self.swapped:  # "wait not the first, the second one" after two
            schools = self._swap_rows(refs, state, schools, leading)  # rows: swapped in place
        if (by_name or rows) and refs.focus and state.focus and not set(state.focus) & set(
                schools) and ("than" in words.tokens or words.has("compare_cues")):
            schools = (*state.focus, *schools)  # "is the grad rate there better than the texas
            # one", "how does it compare to the first one": the school in focus against the
            # one pointed at
        shown_or_recent = state.last_list.shown if state.last_list else state.recent
        others = tuple(s for s in shown_or_recent if s not in state.focus)
        if schools or missing:
            self.schools, self.from_rows = schools, bool(rows or by_name)
            self.by_rank = bool(ranked or missing) and not named
        elif words.has("others_words") and len(others) >= 2 and state.focus and \
                not refs.focus:  # (but "what makes it different from the others": it)
            self.schools, self.from_rows, self.plural = others, True, True
        elif refs.pair and state.last_list and set(crit.change.values) - {"sort_by", "limit"}:
            # "the two at 100%, which costs less": the rows that are that
            self.schools, self.from_rows, self.plural = state.last_list.shown, True, True
        elif refs.pair:
            self.schools, self.from_rows, self.plural = _pair(state, refs.group), True, True
        elif refs.all_rows and len(state.focus) > 1 and state.last_act in ("facts", "compare") \
                and not _counts_the_list(words.tokens, state):
            self.schools, self.plural = state.focus, True
        elif len(state.focus) == 2 and state.last_act in ("facts", "compare") and \
                words.has("which_one_asks") and not mentions.unlisted and not places:
            self.schools, self.plural = state.focus, True  # "which one can u finish faster"
            # right after two schools were compared: one of those two
        elif refs.all_rows and state.last_list and not mentions.unlisted:
            # (not "ut dallas and texas a&m, are those listed": those two, not the list)
            narrowed = state.last_act == "rank_within" and len(state.focus) >= 2
            self.schools = state.focus if narrowed else state.last_list.shown  # ("sort those"
            self.from_rows, self.plural = True, True  # after "only the ones over 96%": those)
        elif refs.focus and state.focus and not mentions.unlisted and \
                not set(state.focus) & set(crit.excluded):  # "georgia tech? its..." (but
            # "whats there besides ucf" asks for the others)
            self.schools, self.plural = state.focus, len(state.focus) > 1
            if state.leader in state.focus and not refs.plural_focus and \
                    {"it", "its"} & set(words.tokens):  # "who has the best grad rate" of
                self.schools, self.plural = (state.leader,), False  # three, then "is it ..."
            elif refs.plural_focus and len(state.focus) == 1 and len(state.recent) >= 2 and \
                    words.has("compare_cues"):  # "who's right above it?" "how far apart are
                self.schools, self.plural = state.recent[-2:], True  # their scores": both
        elif refs.focus and not state.focus and state.last_list and \
                len(state.last_list.shown) == 1 and not mentions.unlisted and \
                not state.unlisted:  # ("georgia tech? whats its grad rate": GT's)
            self.schools = state.last_list.shown  # "the grad rate there" after a list of one
        elif refs.plural_focus and state.last_list and not mentions.unlisted:
            # "how far apart are they on tuition" (but "georgia tech? their online ms...")
            self.schools, self.from_rows, self.plural = state.last_list.shown, True, True
        elif refs.all_rows and state.focus and not mentions.unlisted:
            self.schools, self.plural = state.focus, True
        elif not self.schools and state.focus and not mentions.unlisted and \
                _points_into(words.tokens, state.focus[-1]):
            self.schools = state.focus[-1:]  # "how many datasets does that repository have"
        shown = state.last_list.shown if state.last_list else ()
        picked = _picked(refs.pick_span, words.tokens, self.schools if self.plural else shown)
        if picked and self.plural:  # "the higher ranked of those two": the one that is
            self.schools, self.plural = (picked,), False
        elif picked and refs.pick_span and ordinal(words.tokens[refs.pick_span[0]]):
            self.schools, self.from_rows = (picked,), True  # "the second cheapest of those"
        elif picked:  # "does the cheapest of the seven graduate more than the georgia one"
            self.schools = (picked, *(s for s in self.schools if s != picked))
            self.from_rows = True

    def _swap_rows(self, refs: References, state: ConversationState,
                   schools: Tuple[str, ...], leading: bool) -> Tuple[str, ...]:
        """Rows taken back ("not the first") out of the two or more schools in focus, the
        rows named put in their place; else the schools as read."""
        if not refs.dropped or len(state.focus) < 2:
            return schools
        gone = _rows_for(References(numbers=refs.dropped), state, True, leading)
        if not gone or not set(gone) <= set(state.focus):
            return schools
        self.swapped = True
        return _swapped_in(state.focus, gone, schools)
