"""The rules of acts.py about schools: facts of the schools named or pointed at (and what a
question implies when it names no topic), questions asked of every profile, schools outside
the listed rows, and a topic carried over to the schools in focus."""
import re
from collections import Counter
from functools import lru_cache
from typing import List, Optional, Tuple

from knowledge.question import CriteriaChange, Question
from knowledge.store.queries import all_school_facts, school_facts
from knowledge.understanding.acts_base import (COMPARED_TOPIC, GUIDE_AS_SCHOOL, ReaderBase,
                                              sort_field)
from knowledge.understanding.vocabulary import Tokens, has, tokens, vocabulary, word_class


# Answer cues (vocabulary.yaml answer_cues) that ask for one sentence even with a topic named.
LEADING_ANSWER_CUES = ("who leads",)


@lru_cache(maxsize=None)
def _who_leads_table() -> Tuple[Tuple[Tokens, str], ...]:
    """The phrases of LEADING_ANSWER_CUES, tokenised once (not on every message)."""
    cues = vocabulary()["answer_cues"]
    return tuple((tokens(p), p) for key in LEADING_ANSWER_CUES for p in cues[key]["asked"])


def _asks_who_leads(words: Tokens) -> bool:
    return has(words, _who_leads_table())


# The field a tie is asked about: "same tuition as ..." is tuition, else the ranking's score.
TIE_FIELDS = {"tuition": lambda s: s.tuition_per_year, "graduation_rate":
              lambda s: s.graduation_rate, "rank_score": lambda s: s.score}


class SchoolRules(ReaderBase):
    def tied(self) -> Optional[Question]:
        """"is it tied w anyone", "who has the same tuition as clark": every listed school
        sharing that school's figure, shown as a list (none: the other rules answer); "do any
        two schools have the same tuition": every school that shares its figure with another."""
        if not self.words.has("tie_cues") or len(self.schools) > 1 or \
                not self.schools and (self.state.focus or self.refs.focus):
            return None
        topic = next((t for t in self.topics if t in TIE_FIELDS), "rank_score")
        value = TIE_FIELDS[topic]
        school = school_facts(self.schools[0]) if self.schools else None
        if self.schools and school is None:
            return None
        schools = all_school_facts()
        shared = Counter(value(s) for s in schools)
        tied = tuple(s.name for s in schools if value(s) is not None and (
            value(s) == value(school) if school else shared[value(s)] >= 2))
        if len(tied) < 2:
            return None
        sort = {"tuition": "tuition_low", "graduation_rate": "grad_rate"}.get(topic, "score")
        return self.base("rank", criteria=CriteriaChange({"names": tied, "sort_by": sort}),
                         refine=False)

    def school_facts(self) -> Optional[Question]:
        if not self.schools:
            return None
        if self.subjects.plural and self.subjects.from_rows and self.crit.change and \
                not self.topics and not self.features and not self.unknown_facts:
            return None  # "just the public ones out of those": the list changes (rank())
        if self._corrects_the_list():
            return None
        if self.schools == self.state.focus and self.refs.focus and not (
                self.mentions.listed or self.refs.numbers or self.refs.ranks or self.topics
                or self.features or self.unknown_facts) and (
                self.off_topic or self.hint == "out_of_scope"):
            return None  # "why is the sky blue, can u explain it simply": not the school's "it"
        if (self.employer or self.hint == "employer") and not self.mentions.listed and \
                self._benefit_words() and not self.unknown_facts:
            return None  # "whats the catch with deloitte paying for it": the employer's benefit
        if not self.mentions.listed and self.state.last_act == "states" and \
                self.words.has("state_stats_cues"):
            return None  # "and the top program in each": the states asked about, not schools
        if self._list_request() and self.crit.change and not self.subjects.from_rows and \
                not self.topics and not self.features and not self._describes_the_named():
            return None  # "which texas schools made it": a list, not one school
        if self._asks_if_one_exists() and not self.mentions.listed and self.crit.change:
            return None  # "too pricey. is there a public top 10 one i can do online": a row
            # with those limits, not the school in focus
        if self._list_request() and self.crit.anchors and \
                set(self.schools) <= set(self.crit.anchors):
            return None  # "anything on your list thats online and cheaper than slu": a list
        topics = self.school_topics
        features = list(self.features)
        unknown = list(self.unknown_facts)
        if "format" in self.topics and not features:
            features = ["online study", "part-time study"]
        # "who runs the famous lab there", "who directs penn's online masters": the sentence
        # that answers who (or what it is famous for), before the topic's whole list
        open_question = _asks_who_leads(self.words.tokens)
        if not (topics or features or unknown):
            topics, features, unknown, open_question = self._implied()
        if self.career and not (topics or features or unknown):
            topics = ["employers"]
        picked_by = self._picked_by()
        if picked_by and topics and picked_by not in topics:
            topics.append(picked_by)  # "cheapest of those + where is it": where, and its tuition
        return self.base(
            "facts", topics=tuple(dict.fromkeys(topics)), features=tuple(dict.fromkeys(features)),
            unknown_facts=tuple(dict.fromkeys(unknown)), open_question=open_question,
            states=tuple(p.value for p in self.places if p.kind == "state"),
            state_fields=("median_tuition",) if self.words.has("state_stats_cues") else ())

    def _corrects_the_list(self) -> bool:
        """"wait sorry my budget is actually more like 60k ... redo that" after a list: "that"
        is the list, to be redone with the corrected limit (not its rows' profiles)."""
        shown = self.state.last_list
        return bool(self.correction and shown and shown.kind == "ranking" and
                    self.crit.change and not self.mentions.listed and not self.topics and
                    not self.features and not self.unknown_facts and
                    set(self.schools) <= set(shown.shown))

    def _describes_the_named(self) -> bool:
        """"is university of san diego (the private one) on the list": public or private said
        of the school named, not a list of them."""
        control = self.crit.change.values.get("control")
        named = [school_facts(named.school) for named in self.mentions.listed]
        return set(self.crit.change.values) == {"control"} and bool(named) and all(
            facts is not None and facts.control == control for facts in named)

    def _picked_by(self) -> Optional[str]:
        """The topic of the order a row was picked by ("cheapest of those": tuition)."""
        sort = self.crit.change.values.get("sort_by")
        if not (sort and self.subjects.from_rows and self._one_answer()):
            return None
        field = sort_field(sort)
        return COMPARED_TOPIC.get("rank" if field == "score" else field)

    def _implied(self) -> Tuple[List[str], List[str], List[str], bool]:
        """What is asked about a school when the words name no topic: for a bare follow-up,
        what was asked last; a percentage, its graduation rate; else the intent's topic or
        guide, first looked for in the school's own sentences (open question)."""
        state = self.state
        if self._follow_up() and state.last_act in ("facts", "compare", "rank_lookup"):
            if state.topics or state.features or state.unknown_facts:
                return list(state.topics), list(state.features), list(state.unknown_facts), False
        if self.subjects.by_rank:
            return ["overview"], [], [], False
        if re.search(r"\d\s*%", self.message.text):
            return ["graduation_rate"], [], [], False
        topic = self.message.topic if self.message.act == "facts" else None
        guide = self.message.guide if self.message.act == "guide" else None
        topics: List[str] = [topic] if topic else []
        features: List[str] = []
        unknown: List[str] = []
        if guide in GUIDE_AS_SCHOOL:
            kind, items = GUIDE_AS_SCHOOL[guide]
            {"features": features, "unknown_facts": unknown, "topics": topics}[kind].extend(items)
        if not (topics or features or unknown):
            topics = ["overview"]
        return topics, features, unknown, not self.bare

    def across_schools(self) -> Optional[Question]:
        """"which of the top schools have nlp-focused labs?", "which programs have co-ops?":
        looked for in every profile the source gives."""
        if self.schools or self.mentions.unlisted or self.words.has("recommend_cues"):
            return None  # ("she has to keep working full time. what would u suggest": advice)
        profile_topics = [t for t in self.topics if t in ("labs", "faculty", "partners",
                                                          "employers")]
        said = set(self.words.tokens)
        asks_who = (self._head() or bool(word_class("asks_anyone") & said)) and bool(
            word_class("which_words") & said)  # not "explain thesis vs non-thesis masters"
        within = self.crit.change.values.get("max_rank")  # "which top 10 schools list ..."
        values = self.crit.change.values  # ("the top ranked schools": every profile is of
        if "asynchronous study" in self.features:  # "on my own schedule": more than online
            values = {k: v for k, v in values.items() if k != "formats"}
        if not (self.features or profile_topics) or set(values) - {"max_rank", "sort_by"} \
                or values.get("sort_by", "score") != "score" or self.crit.change.cleared \
                or not (asks_who and self._asks_anything()):  # the top 10)
            return None
        profiled = tuple(s.name for s in all_school_facts() if s.has_profile and (
            within is None or s.rank <= within))
        return self.base("facts", schools=profiled, topics=tuple(profile_topics),
                         features=tuple(self.features), open_question=bool(profile_topics),
                         across=True)

    def not_listed(self) -> Optional[Question]:
        unknown_names = self.mentions.unknown and (self.topics or self.hint == "facts" or self.bare)
        carried = self._unlisted_in_focus()
        if carried:
            return self.base("facts", unlisted=carried, topics=self.topics or (
                (self.message.topic,) if self.message.topic else ()),
                unknown_facts=tuple(self.unknown_facts), features=tuple(self.features))
        if not (self.mentions.unlisted or self.subjects.missing or unknown_names):
            return None
        topics = self.school_topics or self._asked_last() or (
            [self.message.topic] if self.message.act == "facts" and self.message.topic else [])
        return self.base("facts", topics=tuple(topics), unknown_facts=tuple(self.unknown_facts),
                         features=tuple(self.features))

    def _asked_last(self) -> List[str]:
        """"no not that one, washington university in st. louis" after "grad rate at
        washington?": what was asked last, now of the school meant (a list's order counts)."""
        state = self.state
        if not self.correction or self.features or self.unknown_facts:
            return []
        if state.last_act in ("facts", "compare", "rank_lookup"):
            return list(state.topics)
        shown = state.last_list.criteria if state.last_list and state.last_act == "rank" \
            else None
        field = sort_field(shown.sort_by) if shown else ""
        return [COMPARED_TOPIC[field]] if field in COMPARED_TOPIC else []

    def _unlisted_in_focus(self) -> Tuple[str, ...]:
        """"whats its tuition then" right after a school the source does not list: that
        school, so the answer says again that the source has no figure for it."""
        if self.schools or self.mentions.listed or self.mentions.unlisted or \
                not self.refs.focus or self.state.focus or not self.state.unlisted:
            return ()
        return self.state.unlisted

    def corrected_topic(self) -> Optional[Question]:
        """"no i meant score, not tuition": the last question about the schools in focus
        again, about the topic meant."""
        if not (self.correction and self.topics and self.state.focus) or self.schools or \
                self.places or self.state.last_act not in ("facts", "compare") or \
                set(self.topics) <= set(self.state.topics):
            return None
        return self.base(self.state.last_act, schools=self.state.focus,
                         topics=tuple(self.school_topics))

    def carried_topic(self) -> Optional[Question]:
        """"and grad rates?", "and their tuition?": the topic asked of the schools in focus."""
        values = self.crit.change.values
        if not self.topics or not self.state.focus or values.get("states") or \
                values.get("group") or self.crit.change.cleared:
            return None  # "any other UCs ranked?", "drop the price limit": a list
        if self._superlative() or self._head() and set(values) - {"sort_by"}:
            return None  # "who has the worst completion rate": a list of one; "which
            # schools scored above 80": a list
        if not (self.bare or self.opener or len(self.words.tokens) <= 5):
            return None
        if "sort_by" in values and (self.refs.list_cue or self.words.has("reorder_cues")):
            return None  # "ok now re-sort that same list by grad rate": the list, re-sorted
        one_row = self.state.last_act == "rank" and len(self.state.focus) == 1
        if self.state.last_act not in ("facts", "compare", "rank_lookup", "rank_within",
                                       "recommend") and not one_row:
            return None  # (advice: the school it puts first; a list: its only row)
        return self.base("facts", schools=self.state.focus,
                         topics=tuple(self.school_topics),
                         features=("online study", "part-time study")
                         if "format" in self.topics else ())
