"""What the rules deciding a message's act share: everything found in the message, the
predicates the rules ask of it ("is it a list request?", "does it ask?"), and the Question
they build. The rules themselves: acts.py (in order), acts_lists.py, acts_schools.py."""
import re
from functools import cached_property
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

from knowledge.question import Message, Question
from knowledge.state import ConversationState
from knowledge.store.guides import find_term
from knowledge.understanding.filters import CriteriaReading
from knowledge.understanding.message_words import (
    Words, about_a_topic, features_in, is_bare, question_sentence, topics_in)
from knowledge.understanding.places import Place
from knowledge.understanding.profile import covered_not_budget
from knowledge.understanding.references import References
from knowledge.understanding.schools import SchoolMentions, distinctive_school
from knowledge.understanding.subjects import Subjects
from knowledge.understanding.vocabulary import (
    find, phrase_list, phrases_for_values, tokens, vocabulary, word_class)

EXISTENCE_REACH = 6  # "is there a public top 10 one": the row noun within six words
# A compared or sorted field -> the school topic that answers it.
COMPARED_TOPIC = {"tuition": "tuition", "grad_rate": "graduation_rate", "rank": "rank_score"}


def sort_field(sort: str) -> str:
    """A sort key without its direction ("tuition_low" -> "tuition", "score" stays)."""
    return re.sub(r"_(low|high)$", "", sort)
CHIT_CHAT = ("greet", "thank", "goodbye", "help", "out_of_scope")
# A guide question about a school in focus asks this of the school.
GUIDE_AS_SCHOOL = {"part_time": ("features", ("online study", "part-time study")),
                   "thesis": ("features", ("thesis",)),
                   "salary": ("unknown_facts", ("salaries by school",)),
                   "financing": ("unknown_facts", ("scholarships or assistantships by school",)),
                   "work_experience": ("topics", ("admissions",)),
                   "specializations": ("topics", ("programs",))}


class ReaderBase:
    """One message, in the context of the conversation, with all that was found in it."""

    def __init__(self, message: Message, state: ConversationState, words: Words,
                 mentions: SchoolMentions, places: Sequence[Place], refs: References,
                 crit: CriteriaReading, subjects: Subjects, profile: Dict[str, Any]) -> None:
        self.message, self.state, self.words = message, state, words
        self.mentions, self.places, self.refs, self.crit = mentions, places, refs, crit
        self.subjects, self.profile = subjects, profile
        self.schools = subjects.schools
        self.hint = message.act if message.confidence >= 0.5 else ""
        self.topics = topics_in(words, mentions.covered)
        self.features = features_in(words)
        if "overview" in self.topics and about_a_topic(words):
            self.topics.remove("overview")  # "tell me about doing it online": online
        if not self.topics and self._asks_if_it_is_there():
            self.topics = ["location"]
        self.unknown_facts = words.values("unknown_facts")
        self.career = find_term("career", [message.text])
        self.correction = words.has("correction_cues")
        # "i said amazon but i moved to microsoft", "leaving deloitte for google": the latter;
        # "i'm the apple one, she's at deloitte. what does deloitte do": the one asked about
        later = self.correction or words.has("job_change_cues")
        self.employer = find_term("employer", [question_sentence(message.text)], last=later) \
            or find_term("employer", [message.text], last=later)
        self.bare = is_bare(words, mentions.covered, [(p.start, p.end) for p in places])
        self.opener = words.starts_with("follow_up_openers")
        self.off_topic = words.has("off_topic_cues")
        self.greeting = message.act == "greet" or words.tokens[:1] in (
            ("hi",), ("hello",), ("hey",), ("hiya",), ("howdy",), ("hii",), ("hiii",))
        self.distinctive = None
        if not self.schools and not self.refs.any and not mentions.unlisted:
            self.distinctive = distinctive_school(words.tokens)  # "who runs cilvr" -> NYU
            if self.distinctive:
                self.schools = (self.distinctive,)

    def _asks_if_it_is_there(self) -> bool:
        """"is it in boston?", "is that actually in boston": where the school in focus is."""
        words = self.words.tokens
        for place in self.places:
            before = words[max(0, place.start - 4):place.start]
            if before[-1:] == ("in",) and word_class("is_words") & set(words[:place.start]) \
                    and word_class("focus_pronouns") & set(before):
                return True
        return False

    @property
    def school_topics(self) -> List[str]:
        """The topics a school's facts answer: "format" ("is it online") is a feature."""
        return [topic for topic in self.topics if topic != "format"]

    def base(self, act: str, **fields: Any) -> Question:
        """The question with everything found in the message; `fields` override."""
        found: Dict[str, Any] = dict(
            text=self.message.text, schools=self.schools, from_rows=self.subjects.from_rows,
            by_rank=self.subjects.by_rank, stepped_from=self.subjects.stepped_from,
            unlisted=tuple(n.school for n in self.mentions.unlisted),
            unknown_mentions=self.mentions.unknown, missing_ranks=self.subjects.missing,
            suggestion=self.mentions.suggestion, criteria=self.crit.change,
            profile=self.profile, greeting=self.greeting, correction=self.correction,
            ask_text=question_sentence(self.message.text), anchors=self._anchors(),
            comparatives=self.crit.comparatives, asked_count=self.crit.count,
            adds=self.words.has("add_cues"), one_answer=self._one_answer(),
            dropped_states=self.crit.dropped_states)
        found.update(fields)
        if act == "recommend":  # "nurse in texas, public + cheap": the criteria are theirs
            found["profile"] = {**self._as_profile(), **found["profile"]}
        return Question(act=act, **found)

    def _as_profile(self) -> Dict[str, Any]:
        """The criteria as facts of the user: advice for "public, in Texas" fits
        those; a criterion said after a recommendation changes the answers behind it."""
        values = self.crit.change.values
        profile: Dict[str, Any] = {}
        if "max_tuition" in values and not covered_not_budget(self.message.text):
            profile["budget"] = values["max_tuition"]
        if "control" in values:
            profile["control"] = values["control"]
        if values.get("states"):
            profile.update(state=values["states"][0], more_states=values["states"][1:],
                           city=None)
        if values.get("cities"):
            # the city is named here, or is the user's own ("stay local": _near_the_user)
            city = values["cities"][0]
            place = next((p for p in self.places if p.value == city), None)
            state = place.state if place else self.state.profile.state
            profile.update(city=city, state=state, more_states=())
        if values.get("formats"):
            profile["format"] = values["formats"][0]
        cleared = self.crit.change.cleared
        if not values.get("states") and ("states" in cleared or self.crit.dropped_states and
                                         self.state.profile.state in self.crit.dropped_states):
            profile.update(state=None, more_states=(), city=None)  # "forget california"
        if values.get("sort_by") == "tuition_low" and self._superlative():
            profile["budget_low"] = True  # "what fits? cheapest first pls"
        return profile

    def _anchors(self) -> Tuple[str, ...]:
        """Schools named as a bound, and "than that" for the school in focus."""
        if self.crit.between and self.crit.anchor_focus and not self.crit.anchors:
            return tuple(self.schools)  # "between those two": the two pointed at
        if self.crit.anchor_focus and self.state.focus and not self.crit.anchors:
            return self.state.focus[-1:]
        return self.crit.anchors

    def _head(self) -> bool:
        """A plural noun asks for a list ("which schools"); "that school" points at one."""
        return bool(word_class("head_nouns") & set(self.words.tokens))

    def _asks_if_one_exists(self) -> bool:
        """"is there a public top 10 one i can do online", "are there any ranked options in
        ohio": whether a row exists, asked of all of them (not of the school in focus)."""
        words = self.words.tokens
        for hit in find(words, phrase_list("existence_asks")):
            if word_class("row_nouns") & set(words[hit.end:hit.end + EXISTENCE_REACH]):
                return True
        return False

    def _guide_of_unknown_facts(self) -> Optional[str]:
        """The one guide that answers in general every fact asked that no school's row holds
        ("do research assistantships pay": the financing guide)."""
        answered = {vocabulary()["unknown_fact_guides"].get(f) for f in self.unknown_facts}
        return answered.pop() if len(answered) == 1 and None not in answered and \
            not self.schools else None

    def _asks_which_one(self) -> bool:
        """"which top 10 school is about policy?", "is there an ivy on the list with an
        online masters": one school the user describes; the profiles may say which."""
        said = set(self.words.tokens)
        if "sort_by" in self.crit.change.values or "limit" in self.crit.change.values:
            return False  # "which one is cheapest": an order, not a description
        return bool(word_class("which_words") & said and word_class("one_row_nouns") & said
                    or find(self.words.tokens, phrase_list("existence_asks")))

    def _list_request(self) -> bool:
        """Asked for a list: "what do you have in ...", "give me the 7 cheapest programs",
        "top 9"."""
        counted = "limit" in self.crit.change.values
        return self.words.has("list_requests") or self._asks_if_one_exists() or self._head() and (
            counted or self._superlative()) or counted and not self.schools or (
            self._superlative() and self._asks() and not self.schools and
            bool(word_class("domain_nouns") & set(self.words.tokens)))

    def _superlative(self) -> bool:
        """A sort asked for in so many words ("cheapest", "worst completion rate"), not a
        field merely named ("tuition")."""
        weak = {phrase for phrase, _v in phrase_list("weak_sort_phrases")}
        return any(self.words.tokens[h.start:h.end] not in weak
                   for h in find(self.words.tokens, phrases_for_values("sort_keys")))

    def _profile_facts(self) -> Set[str]:
        return set(self.profile) - {"about"}

    def _asks(self) -> bool:
        return bool(word_class("question_starts") & set(self.words.tokens[:4])) or \
            self.message.text.strip().endswith("?")

    def _asks_in_a_clause(self) -> bool:
        """A clause starts like a question: "i work full time in ohio cant move. any fully
        online ml masters" asks after telling about oneself."""
        return self._asks() or any(word_class("question_starts") & set(tokens(clause)[:4])
                                   for clause in re.split(r"[.,;:!?]+", self.message.text))

    def _asks_anything(self) -> bool:
        """A question mark, or a clause whose first word (after "so", "and"...) starts a
        question ("so what do you think", "and do they..."); "i do GIS work" tells. Stricter
        than _asks_in_a_clause, which looks at a clause's first four words."""
        if "?" in self.message.text:
            return True
        openers, starts = word_class("clause_openers"), word_class("question_starts")
        for clause in re.split(r"[.,;:!\n]+", self.message.text):
            said = list(tokens(clause))
            while said and said[0] in openers:
                said.pop(0)
            if said and said[0] in starts:
                return True
        return False

    def _asks_for_an_order(self) -> bool:
        """"intl student, tight budget, whats the best value school": a list in that order."""
        return self._superlative() and self._asks_in_a_clause()

    def _follow_up(self) -> bool:
        return self.bare or self.opener or self.correction

    def _in_domain(self) -> bool:
        """Evidence the message is about ML master's programs, whatever its intent."""
        pointing = (self.refs.any and self.state.last_list is not None) or (
            self.refs.focus and self.state.focus)
        named = [n for n in self.mentions.listed if not n.place]
        schools = self.schools if named or self.subjects.from_rows or self.refs.any or \
            self.distinctive else ()
        return bool(
            schools or self.mentions.unlisted or self.subjects.missing or self.career
            or self.unknown_facts and (self.schools or self.refs.focus or self.state.focus)
            or (self.crit.change and self._head() and not self.off_topic)
            or "min_rank" in self.crit.change.values  # "wait no i meant 18 and 19"
            or self.correction and bool(self.state.last_list or self.state.focus)
            # ("whoops i meant highest": the answer just given, corrected)
            or (self._list_request() and (self.places or "limit" in self.crit.change.values
                                          # "whats the best value school": a sort of its own
                                          or self.crit.change.values.get("sort_by") not in (
                                              None, "score")))
            or (pointing and not self.off_topic)
            or self._profile_facts() - {"employer"}
            # "and apple, is there a catch?" right after an employer's benefit
            or self.employer and self.state.last_act == "employer" and not self.off_topic)

    @cached_property
    def question_words(self) -> Set[str]:
        """The words of the sentence that asks ("...my wife works there. would google pay
        for it?": the last)."""
        return set(tokens(question_sentence(self.message.text)))

    def _benefit_words(self) -> bool:
        return bool(word_class("benefit_words") & set(self.words.tokens))

    def _one_answer(self) -> bool:
        """"which of those is cheapest", "cheapest of those?": one row (and its ties)."""
        if self.crit.change.values.get("sort_by") is None:
            return False
        tokens_ = self.words.tokens
        bounds = self._head() or self._list_request() or not self.refs.focus
        # "whats cheaper than uw", "a private school on your list thats cheaper than that":
        # a bound, no pick (but "is it cheaper than cmu" picks the one of the two)
        words = {w for i, w in enumerate(tokens_)
                 if not (bounds and tokens_[i + 1:i + 2] == ("than",))}
        superlative, plural = word_class("superlatives"), word_class("plurals")
        which_one = any(tokens_[i:i + 2] in (("which", "one"), ("the", "one")) or (
            tokens_[i] in superlative and tokens_[i + 1:i + 2] and
            tokens_[i + 1] in word_class("one_row_nouns"))  # "the cheapest option"
            for i in range(len(tokens_)))
        return bool(superlative & words) and (which_one or not (plural & words))

    def _numerictopics_in(self) -> bool:
        return any(t in ("tuition", "graduation_rate", "rank_score", "value")
                   for t in self.topics)
