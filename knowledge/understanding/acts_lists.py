"""The rules of acts.py about lists: comparisons, the next rows, a list made longer or
shorter, questions over the rows just shown, new lists and lists changed in place."""
from dataclasses import replace
from typing import Optional, Tuple

from knowledge.question import CriteriaChange, Question
from knowledge.store.queries import all_school_facts
from knowledge.understanding.acts_base import COMPARED_TOPIC, ReaderBase
from knowledge.understanding.references import ordinal
from knowledge.understanding.vocabulary import find, phrase_values, word_class


# A comparative's (field, direction) -> the order that puts the school it favours first.
COMPARATIVE_SORTS = {("tuition", "below"): "tuition_low", ("tuition", "above"): "tuition_high",
                     ("grad_rate", "above"): "grad_rate", ("grad_rate", "below"): "grad_rate_low",
                     ("rank", "above"): "score", ("rank", "below"): "score_low"}
MAX_COMPARED_ROWS = 5  # "which is cheaper" after a list this short compares its rows


class ListRules(ReaderBase):
    def _which_ones(self) -> bool:
        """"so which ones cheaper": "which one's", typed without its apostrophe, asks for
        one of those in view, not for a list of "ones"."""
        words = self.words.tokens
        heads = word_class("head_nouns") & set(words)
        return heads == {"ones"} and any(words[i:i + 2] == ("which", "ones")
                                         for i in range(len(words) - 1))

    def _states_in_view(self) -> Tuple[str, ...]:
        """The states the last answer was about: a states answer, or a list's states."""
        shown = self.state.last_list
        if self.state.last_act == "states":
            return self.state.states
        return shown.criteria.states if shown and shown.criteria else ()

    def compare(self) -> Optional[Question]:
        """A comparison; "which of those two has the better grad rate" also says which one
        wins (sort and one answer), so "whats its score" then asks of that one."""
        question = self._comparison()
        if question is None or question.act != "compare" or not self.crit.comparatives or \
                question.one_answer or not word_class("picks_one_words") & set(self.words.tokens):
            return question
        sort = COMPARATIVE_SORTS.get(self.crit.comparatives[0])
        return replace(question, one_answer=True, criteria=CriteriaChange(
            {**question.criteria.values, "sort_by": sort}, question.criteria.cleared)) \
            if sort else question

    def _versus_the_anchor(self) -> Optional[Question]:
        """"how much more is usc per yr" after "schools that cost more than cmu": USC
        against CMU (the list's bound), else against the one school in focus."""
        if len(self.schools) != 1 or self.crit.anchors or \
                not self.words.has("difference_cues"):
            return None
        shown = self.state.last_list.criteria if self.state.last_list else None
        others = [r.school for r in shown.relative] if shown else []
        others = [s for s in (others or list(self.state.focus)) if s not in self.schools] or [
            s for s in reversed(self.state.recent) if s not in self.schools]  # "whats tuition at
        # uga" "and emory?" "so how much more a year is emory": against UGA, talked of before
        if not others:
            return None
        topics = [t for t in self.topics if t in COMPARED_TOPIC.values()] or ["tuition"]
        return self.base("compare", schools=(*self.schools, others[0]), topics=tuple(topics))

    def _comparison(self) -> Optional[Question]:
        versus = self._versus_the_anchor()
        if versus:
            return versus
        schools = list(self.schools)
        cue = self.words.has("compare_cues")
        last_fields = [t for t in self.state.topics if t in COMPARED_TOPIC.values()]
        if len(schools) >= 2 and self.refs.pair and not self.topics and last_fields and \
                word_class("generic_comparatives") & set(self.words.tokens):
            # "and irvine" "usc?" (grad rates) "ok which of the last two is higher"
            return self.base("compare", schools=tuple(schools), topics=tuple(last_fields))
        if self.crit.anchors and self.correction and self._bound_by_a_school_shown():
            return None  # "sorry not emory, i meant cheaper than nyu": the list, re-bound
        if self.crit.anchors and schools and not self._list_request() and not self._head():
            schools += [a for a in self.crit.anchors if a not in schools]  # "is X cheaper than Y"
            cue = True
        if self.crit.comparatives and schools and not self.crit.anchors and self.places and \
                not self.subjects.from_rows and not self.words.has("state_stats_cues"):
            place = self.places[0]  # "is it any cheaper than the schools in boston?"
            there = [s.name for s in all_school_facts() if s.name not in schools and (
                s.city == place.value if place.kind == "city" else s.state == place.value)]
            if there:
                field = COMPARED_TOPIC[self.crit.comparatives[0][0]]
                return self.base("compare", schools=(*schools, *there), topics=(field,))
        if self.crit.comparatives and len(schools) >= 2 and not self.crit.anchors and \
                not self._head() and not self._list_request():
            # "does the cheapest of the seven graduate more than the georgia one?"
            return self.base("compare", schools=tuple(schools), topics=tuple(dict.fromkeys(
                COMPARED_TOPIC[field] for field, _direction in self.crit.comparatives)))
        if self.crit.comparatives and not schools and not self.crit.anchors and \
                not self.places and (not self._head() or self._which_ones()):
            # "ugh ok which is cheaper then", "which one scores higher": the schools in
            # focus, else the few rows just shown, else the states just compared
            fields = tuple(dict.fromkeys(COMPARED_TOPIC[field]
                                         for field, _direction in self.crit.comparatives))
            shown = self.state.last_list.shown if self.state.last_list else ()
            compared = self.state.focus if len(self.state.focus) >= 2 else \
                shown if 2 <= len(shown) <= MAX_COMPARED_ROWS else ()
            if compared:
                return self.base("compare", schools=compared, topics=fields)
            states = self._states_in_view()
            if len(states) >= 2 and fields == ("tuition",):
                return self.base("states", states=states, state_fields=("median_tuition",))
        group = self.crit.change.values.get("group")
        if group and not schools:  # "compare the UC campuses"
            schools = [s.name for s in all_school_facts() if s.name.startswith(group)]
        if self.subjects.swapped and self.state.last_act == "compare":
            return self.base("compare", schools=tuple(schools), topics=tuple(dict.fromkeys(
                (*self.state.topics, *self.school_topics))))
        if not (self.hint == "compare" or cue):
            return None
        explicit = self.words.has("explicit_compare_cues")
        if not explicit and (set(self.crit.change.values) - {"sort_by"} or (
                self.subjects.from_rows and len(schools) > 2)):
            return None  # "which of those are public", "which of those has the best ...": rows
        if (self.bare or self.opener and not self.crit.comparatives) and \
                self.state.last_act == "facts" and not cue:
            return None  # "and uga", "and sjsu? way closer to me": the last question, for it
        if self.features and not (explicit and self._numerictopics_in()) or (
                self.topics and not self._numerictopics_in() and not cue):
            return None  # "which of the 2 has that co-op thing": a question about both (but
            # "compare the tuition to penn's online ms" compares tuition)
        topics = self.school_topics
        if not topics:  # "is it cheaper than cmu" after grad rates were compared: tuition
            topics = list(dict.fromkeys(COMPARED_TOPIC[field]
                                        for field, _direction in self.crit.comparatives))
        if self.state.last_act == "compare" and (self._follow_up() or not topics):
            topics += [t for t in self.state.topics if t not in topics]  # "and uc santa cruz?"
        if len(schools) >= 2 or (schools and self.mentions.unlisted):
            return self.base("compare", schools=tuple(schools), topics=tuple(topics))
        if len(schools) == 1 and self.state.focus and schools[0] not in self.state.focus:
            return self.base("compare", schools=(*self.state.focus, *schools),
                             topics=tuple(topics))
        return None

    def _bound_by_a_school_shown(self) -> bool:
        """The list last shown is bounded by another school ("private schools cheaper than
        emory")."""
        shown = self.state.last_list
        return bool(shown and shown.kind == "ranking" and shown.criteria and
                    shown.criteria.relative)

    def more(self) -> Optional[Question]:
        refs = self.refs
        pointed = refs.rows or refs.numbers or refs.ranks or refs.leading or refs.named_span
        named = self.schools and not (self.subjects.from_rows and self.subjects.plural)
        if self.state.last_list is None or pointed or named:
            return None
        shown = self.state.last_list.criteria
        values = {k for k, v in self.crit.change.values.items() if k != "limit" and not (
            k == "sort_by" and shown and v == shown.sort_by)}  # "next 2 cheapest"
        if (self.crit.more or self.hint == "more") and not values:
            return self.base("more", page_size=self.crit.count)
        return None

    def extend_list(self) -> Optional[Question]:
        """"give me 8 of them", "sorry, I meant top 10", "typo, 4 not 11": the last list,
        longer or shorter."""
        shown = self.state.last_list
        limit = shown.criteria.limit if shown and shown.criteria else None
        if limit and limit > 1 and self.correction and self.bare and self.refs.numbers and \
                not self.mentions.listed and not any(ordinal(w) for w in self.words.tokens):
            return self.base("rank", schools=(), refine=True,
                             criteria=CriteriaChange({"limit": self.refs.numbers[0]}))
        if shown is None or shown.kind != "ranking" or "limit" not in self.crit.change.values:
            return None
        if set(self.crit.change.values) - {"limit", "sort_by"} or self.schools and not \
                self.subjects.from_rows:
            return None
        if self.refs.all_rows or self.correction or self.opener or not self._head():
            values = dict(self.crit.change.values)
            # "the top 3 of those" keeps the list's order; "the 2 cheapest of those" does not
            if values.get("sort_by") == "score" and self.correction is False and \
                    self.refs.all_rows:
                values.pop("sort_by")
            return self.base("rank", schools=(), refine=True,
                             criteria=CriteriaChange(values, self.crit.change.cleared))
        return None

    def reorder(self) -> Optional[Question]:
        """"sort by grad rate instead" after advice: the schools just shown, in that order
        (a ranking's own rows are re-sorted by rank(), its criteria kept)."""
        shown = self.state.last_list
        values = self.crit.change.values
        cut = shown is not None and shown.kind == "ranking" and shown.criteria is not None and \
            bool(shown.criteria.limit)  # "7 cheapest", then "re-sort that same list by grad
        # rate": those 7 rows in the new order, not the 7 best by graduation rate
        if shown is None or not (shown.kind == "recommendation" or cut) or \
                set(values) != {"sort_by"} or not self.words.has("reorder_cues") or \
                self.mentions.listed:
            return None
        return self.base("rank", schools=(), refine=False, criteria=CriteriaChange(
            {"sort_by": values["sort_by"], "names": shown.shown}))

    def between_schools(self) -> Optional[Question]:
        """"list the schools ranked strictly between those two", "which are ranked between cmu
        and penn": the rows bounded by two schools, on every row (not the two compared)."""
        if self.crit.between and len(self._anchors()) == 2:
            return self.base("rank", schools=(), refine=False)
        return None

    def within_rows(self) -> Optional[Question]:
        """A question over the rows just shown: "any of those public?", "which of those has
        the highest graduation rate?", "cheapest of those 12?"."""
        if not self.subjects.from_rows or not self.subjects.plural or not self.crit.change:
            return None
        pointing = self.refs.all_rows or self.refs.pair
        refine = self.words.has("refine_cues") and not self._asks() and not pointing
        if refine and self.state.last_list and self.state.last_list.kind == "ranking":
            return None  # "just the public ones": the list itself changes (see rank())
        values = dict(self.crit.change.values)
        if set(values) == {"limit"} and self.refs.pair and self.topics:
            return None  # "how long are the two programs": their facts ("two" is not a count)
        if set(values) == {"sort_by"} and self.topics and not self._superlative() and \
                not self.words.has("sort_cues"):  # (but "sort those by tuition": an order)
            return None  # "grad rates for those 2?": their facts, not an order
        if "max_rank" in values:
            return None  # "widen it to the top 15", "now do 16 to 20": a new list
        values["names"] = self.schools
        shown = self.state.last_list.criteria if self.state.last_list else None
        if shown and shown.min_rank:  # the rows of "ranked 11-15" stay a range of ranks
            values.update(min_rank=shown.min_rank, max_rank=shown.max_rank)
        if self._one_answer():
            values["limit"] = 1
        return self.base("rank", criteria=CriteriaChange(values), refine=False)

    def superlative_follow_up(self) -> Optional[Question]:
        """"and the best?" after "which has the worst grad rate": the same field, the other
        end."""
        shown = self.state.last_list
        if shown is None or shown.criteria is None or not (self.opener or self.correction):
            return None  # ("whoops i meant highest")
        ends = [hit.value for hit in find(self.words.tokens,
                                          phrase_values("generic_superlatives"))]
        values = self.crit.change.values
        if not ends or set(values) - {"sort_by"} or values.get("sort_by", "score") != "score":
            return None  # "and which has the highest grad rate": a field of its own
        field = shown.criteria.sort_by.replace("_low", "")
        flipped = {"tuition_high": "tuition_low", "tuition_low": "tuition_high"}
        if field.startswith("tuition"):
            sort = field if ends[0] == "high" else flipped[field]
        else:
            sort = field if ends[0] == "high" else f"{field}_low"
        return self.base("rank", criteria=CriteriaChange({"sort_by": sort, "limit": 1}),
                         refine=True)

    def rank(self) -> Optional[Question]:
        change = self.crit.change
        if not change:
            if self.hint == "rank" and not self._profile_facts() and not self.unknown_facts:
                return self.base("rank", refine=False, open_question=self._asks_which_one())
            return None
        if self.hint in ("guide", "career", "employer") and not self._head() or \
                self._guide_of_unknown_facts():  # "cant do 60k. do RA jobs pay anything"
            return None
        if self._profile_facts() and not (self._list_request() or self._head() and
                                          self._asks_in_a_clause()
                                          or self._asks_for_an_order()
                                          or self._follow_up() or self.words.has("refine_cues")):
            return None  # someone describing themselves: advice (recommend), not a list
        shown = self.state.last_list
        listing = self.hint in ("rank", "inform") or self._head() or self._list_request() or \
            self.words.has("refine_cues") or self._follow_up() or "group" in change.values \
            or "min_rank" in change.values or self._asks_for_an_order()  # "ranked 11 thru 15"
        if not listing and shown is None:
            return None
        changes_it = self.words.has("refine_cues") or self._follow_up() or (
            not self._asks() and (self.hint == "inform" or not self._head()))
        refine = shown is not None and shown.kind == "ranking" and changes_it
        if self._adds_the_other_control():
            # "ok add private schools in california too": both kinds, beyond the rows pointed at
            values = {k: v for k, v in change.values.items() if k != "control"}
            return self.base("rank", criteria=CriteriaChange(
                values, (*change.cleared, "control", "names", "group")), refine=refine)
        if shown is not None and shown.kind == "recommendation" and self.words.has("add_cues") \
                and (change.values.get("cities") or change.values.get("states")):
            return self.base("rank", criteria=self._with_user_place(change), refine=False)
        if shown is not None and shown.kind == "recommendation" and changes_it and \
                not self._list_request():
            return self.base("recommend", profile={**self.profile, **self._as_profile()})
        if "limit" not in change.values and self._one_answer() and (
                not refine or word_class("one_row_nouns") & set(self.words.tokens)):
            # "now the cheapest public one", "what's the cheapest option for him?"
            # "where do the fewest students finish?": the one school (and its ties)
            return self.base("rank", criteria=replace(change, values={**change.values,
                                                                      "limit": 1}),
                             refine=refine)
        return self.base("rank", refine=refine, criteria=self._without_the_focus(change),
                         open_question=self._asks_which_one())

    def _without_the_focus(self, change: CriteriaChange) -> CriteriaChange:
        """"any other ranked schools around chicago?" right after IIT: the list without it."""
        focus = self.state.focus
        if len(focus) != 1 or self.schools or \
                not word_class("other_words") & set(self.words.tokens):
            return change
        excluded = tuple(dict.fromkeys((*change.values.get("excluded", ()), focus[0])))
        return CriteriaChange({**change.values, "excluded": excluded}, change.cleared)

    def _adds_the_other_control(self) -> bool:
        """"add private ones too" after public schools (a list's, or the user's wish)."""
        shown = self.state.last_list.criteria if self.state.last_list else None
        had = shown.control if shown else self.state.profile.control
        wanted = self.crit.change.values.get("control")
        return bool(had and wanted and wanted != had and self.words.has("add_cues"))

    def _with_user_place(self, change: CriteriaChange) -> CriteriaChange:
        """"include evanston too" after advice for Chicago: both places."""
        values = dict(change.values)
        profile = self.state.profile
        if values.get("cities") and profile.city:
            values["cities"] = tuple(dict.fromkeys((profile.city, *values["cities"])))
        elif values.get("states") and profile.state:
            values["states"] = tuple(dict.fromkeys((profile.state, *values["states"])))
        return replace(change, values=values)
