"""A message, in the context of the conversation, read as one structured Question.

The NLU's intent is a hint of the act; what the words and the conversation say decides:
"and Emory?" asks the last question again for Emory, "the third one" is row 3 of the list
just shown, "who is number 13" is rank 13, "cheaper than Brandeis" is a bound and not a
subject, "what about under 60k?" changes the last list and keeps the rest of it. A place or
a format said in a sentence about the user ("I teach in Columbus, Ohio. Which programs can I
do online?") describes the user, not the list asked for.

    read(Message("and Emory?"), state_after("how long is the Clark program?"))
        -> Question(act="facts", schools=("Emory University",), topics=("programs",))
"""
import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

from knowledge.question import CriteriaChange, Message, Question
from knowledge.state import ConversationState
from knowledge.store.guides import find_term
from knowledge.store.queries import all_school_facts
from knowledge.understanding.filters import CriteriaReading, read_criteria
from knowledge.understanding.places import Place, find_places
from knowledge.understanding.profile import read_profile
from knowledge.understanding.references import LAST, References, read_references
from knowledge.understanding.schools import SchoolMentions, distinctive_school, find_schools
from knowledge.understanding.vocabulary import (
    Tokens, amount, find, has, phrase_list, phrases_for_values, tokens, values, vocabulary)

MAX_WORDS = 300  # a message is read this far (a 10 kB message is not an essay to parse)
LIST_ACTS = ("rank", "more", "recommend", "compare", "rank_within", "states")
CHIT_CHAT = ("greet", "thank", "goodbye", "help", "out_of_scope")
# A guide question about a school in focus asks this of the school.
GUIDE_AS_SCHOOL = {"part_time": ("features", ("online study", "part-time study")),
                   "thesis": ("features", ("thesis",)),
                   "salary": ("unknown_facts", ("salaries by school",)),
                   "financing": ("unknown_facts", ("scholarships or assistantships by school",)),
                   "work_experience": ("topics", ("admissions",)),
                   "specializations": ("topics", ("programs",))}
# A superlative question about one of these is a list of one ("which school has the worst
# grad rate"); "the cheapest way to ship a car" is not.
DOMAIN_NOUNS = {"school", "program", "uni", "university", "college", "masters", "one",
                "students", "degree", "ms"}
# Plural: "that school" points at one, "which schools" asks for a list.
HEAD_NOUNS = ("programs", "schools", "options", "universities", "colleges", "unis", "list",
              "ranking", "ones", "masters", "degrees", "anything")
QUESTION_START = ("which", "whichs", "what", "whats", "any", "anything", "show", "list",
                  "give", "top", "how", "where", "who", "whos", "does", "do", "is", "are",
                  "can", "could", "compare", "tell", "cheapest", "best", "wats", "wat")
GENERIC_SUPERLATIVES = {"best": "high", "top": "high", "highest": "high", "worst": "low",
                        "lowest": "low", "bottom": "low"}


class Words:
    """The tokens of one message and the phrases of the vocabulary in them."""

    def __init__(self, text: str, hidden: Set[int] = frozenset()) -> None:
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


def _filler() -> Set[str]:
    return {phrase[0] for phrase, _v in phrase_list("filler_words") if len(phrase) == 1}


def _about_user(text: str) -> Set[int]:
    """Token positions of sentences that describe the user and ask nothing, when another
    sentence asks: their places and formats are the user's, not the list's."""
    sentences = [part for part in re.split(r"(?<=[.!?;])\s+|\n+", text) if part.strip()]
    if len(sentences) < 2:
        return set()
    spans, position, asks = [], 0, False
    for sentence in sentences:
        words = tokens(sentence)
        question = sentence.rstrip().endswith("?") or (words[:1] and words[0] in QUESTION_START) \
            or has(words, phrase_list("list_requests"))
        about_user = not question and has(words, phrase_list("self_cues"))
        spans.append((position, position + len(words), about_user))
        asks = asks or question
        position += len(words)
    if not asks:
        return set()
    return {i for start, end, about in spans if about for i in range(start, end)}


def _topics(words: Words, covered: Sequence[bool]) -> List[str]:
    visible = tuple("" if i < len(covered) and covered[i] else w
                    for i, w in enumerate(words.tokens))
    return values(visible, phrases_for_values("topics"))


def _features(words: Words) -> List[str]:
    table = tuple(sorted(((tokens(phrase), name) for name, spec in
                          vocabulary()["features"].items() for phrase in spec["asked"]),
                         key=lambda pair: -len(pair[0])))
    return values(words.tokens, table)


def _is_bare(words: Words, covered: Sequence[bool], spans: Sequence[Tuple[int, int]]) -> bool:
    """Nothing is left once school names, numbers, places and filler words are taken out:
    "and Emory?", "what about uga", "sorry, I meant 12", "ugh typo, 17"."""
    filler = _filler()
    hidden = {i for start, end in spans for i in range(start, end)}
    for i, word in enumerate(words.tokens):
        if (i < len(covered) and covered[i]) or i in hidden or word in filler:
            continue
        if word.isdigit() or word.rstrip("stndrh").isdigit():
            continue
        return False
    return True


def _with_bare_number(refs: References, words: Words) -> References:
    """"and 14?", "sorry, meant 25 not 50", "ugh typo, 17": a number alone is a row or a
    rank (the first one; "not 50" is what the user takes back)."""
    if refs.any:
        return refs
    filler = _filler()
    numbers = [int(w) for w in words.tokens if w.isascii() and w.isdigit() and len(w) <= 3]
    others = [w for w in words.tokens if w not in filler and not w.isdigit()]
    if numbers and not others:
        return replace(refs, numbers=(numbers[0],))
    return refs


def _numbers_are_rows(refs: References, state: ConversationState) -> bool:
    """Whether "number 4" / "the 4th one" is a row of the last list (else the source's rank)."""
    shown = state.last_list
    if shown is None or not refs.numbers:
        return False
    if refs.list_cue:
        return True
    if state.last_act == "rank_lookup":
        return False
    return state.last_act in LIST_ACTS and all(n <= len(shown.seen) for n in refs.numbers)


def _rows_for(refs: References, state: ConversationState, numbers_are_rows: bool,
              leading: bool) -> Tuple[str, ...]:
    """The schools of the last list the words point at: "the first three" and "the first
    and last of these" on the page just shown, "the 7th one" by the number shown beside it."""
    shown = state.last_list
    if shown is None:
        return ()
    page = shown.shown
    picked: List[str] = []
    if refs.leading and leading:
        end, count = refs.leading
        picked += list(page[:count] if end == "first" else page[-count:])
    if LAST in refs.rows and page:
        if 1 in refs.numbers:
            picked.append(page[0])
        picked.append(page[-1])
    if numbers_are_rows:
        picked += [shown.rows[n - 1] for n in refs.numbers
                   if 1 <= n <= len(shown.rows) and not (n == 1 and LAST in refs.rows)]
    return tuple(dict.fromkeys(picked))


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
                mentions_words: Tokens) -> Tuple[str, ...]:
    """"the evanston one", "the penn one", "the nyc one": the candidate school it names."""
    if not span or not candidates:
        return ()
    start, end = span
    inside = [n.school for n in mentions.listed if start <= n.start < end]
    if inside:
        return tuple(inside)
    order = values(tuple(mentions_words[start:end]), phrases_for_values("sort_keys"))
    if order and order[0] in PICKS:  # "the cheaper one": the one that is, of those shown
        facts = [s for s in all_school_facts() if s.name in candidates]
        known = [s for s in facts if PICKS[order[0]](s) is not None]
        return (min(known, key=PICKS[order[0]]).name,) if known else ()
    inside_places = [p for p in places if start <= p.start < end]
    facts = {s.name: s for s in all_school_facts()}
    return tuple(name for name in candidates if name in facts and any(
        (p.kind == "city" and facts[name].city == p.value) or
        (p.kind == "state" and facts[name].state == p.value) for p in inside_places))


def _names_a_place(span: Tuple[int, int], places: Sequence[Place]) -> bool:
    return any(span[0] <= p.start < span[1] for p in places)


def _pair(state: ConversationState) -> Tuple[str, ...]:
    """"the two", "both", "which of the 2": the two schools just talked about."""
    if len(state.focus) >= 2:
        return state.focus
    if state.last_list and len(state.last_list.shown) == 2:
        return state.last_list.shown
    return state.recent[-2:]


class _Subjects:
    """The schools a message is about, and how it named them."""

    def __init__(self, words: Words, refs: References, mentions: SchoolMentions,
                 places: Sequence[Place], crit: CriteriaReading,
                 state: ConversationState) -> None:
        self.schools: Tuple[str, ...] = ()
        self.from_rows = self.plural = self.by_rank = False
        self.missing: Tuple[int, ...] = ()
        named = [n.school for n in mentions.listed if n.school not in crit.anchors]
        rows_numbers = _numbers_are_rows(refs, state)
        leading = "max_rank" not in crit.change.values
        rows = _rows_for(refs, state, rows_numbers, leading)
        candidates = tuple(dict.fromkeys(  # what the user has seen lately
            [*(state.last_list.shown if state.last_list else ()), *state.focus, *state.recent]))
        by_name = _named_rows(refs.named_span, mentions, places, candidates, words.tokens)
        missing: List[int] = []
        ranked: List[str] = []
        for number in (*refs.ranks, *(() if rows_numbers else refs.numbers)):
            school = _ranked(number)
            (ranked.append(school) if school else missing.append(number))
        if refs.rank_step and state.focus:
            base = next((s for s in all_school_facts() if s.name == state.focus[-1]), None)
            if base:
                school = _ranked(base.rank + refs.rank_step)
                (ranked.append(school) if school else missing.append(base.rank + refs.rank_step))
        self.missing = tuple(missing)
        if refs.named_span and not (by_name or rows or ranked or named or missing) and \
                state.focus and not _names_a_place(refs.named_span, places):
            by_name = state.focus[-1:]  # "the engineering-flavored one": the one in focus
        schools = tuple(dict.fromkeys([*rows, *by_name, *ranked, *named]))
        if schools or missing:
            self.schools, self.from_rows = schools, bool(rows or by_name)
            self.by_rank = bool(ranked or missing) and not named
        elif refs.pair and state.last_list and set(crit.change.values) - {"sort_by", "limit"}:
            # "the two at 100%, which costs less": the rows that are that
            self.schools, self.from_rows, self.plural = state.last_list.shown, True, True
        elif refs.pair:
            self.schools, self.from_rows, self.plural = _pair(state), True, True
        elif refs.all_rows and len(state.focus) > 1 and state.last_act in ("facts", "compare"):
            self.schools, self.plural = state.focus, True
        elif refs.all_rows and state.last_list:
            self.schools, self.from_rows, self.plural = state.last_list.shown, True, True
        elif refs.focus and state.focus:
            self.schools, self.plural = state.focus, len(state.focus) > 1
        elif refs.plural_focus and state.last_list:  # "how far apart are they on tuition"
            self.schools, self.from_rows, self.plural = state.last_list.shown, True, True
        elif refs.all_rows and state.focus:
            self.schools, self.plural = state.focus, True


def read(message: Message, state: ConversationState) -> Question:
    """The message as one structured question, in the context of the conversation."""
    text = " ".join((message.text or "").split())
    if not text:
        return Question("empty")
    words = Words(text, _about_user(text))
    entities = {name: tuple(v) for name, v in (message.entities or {}).items()}
    mentions = find_schools(text, words.tokens, entities.get("school", ()))
    places = find_places(text, words.tokens, mentions.covered)
    kept = [p for p in places if not _negated(words.tokens, p)]
    asked_places = [p for p in kept if p.start not in words.hidden]
    if not asked_places and words.has("list_requests"):
        asked_places = kept  # "he lives in georgia ... anything there?"
    refs = _with_bare_number(read_references(text, words.tokens), words)
    if refs.focus and words.has("it_phrases"):
        refs = replace(refs, focus=False)  # "make it private only": no school meant
    crit = read_criteria(text, words.asked(), mentions.listed, asked_places, entities)
    if not asked_places and words.has("stay_local"):
        crit = _near_the_user(crit, state)
    subjects = _Subjects(words, refs, mentions, places, crit, state)
    profile = read_profile(text, words.tokens, places, crit.change.values.get("max_tuition"))
    return _Reader(message, state, words, mentions, places, refs, crit, subjects,
                   profile).question()


def _near_the_user(crit: CriteriaReading, state: ConversationState) -> CriteriaReading:
    """"what could I commute to from here": the place the user said they are."""
    profile = state.profile
    values = dict(crit.change.values)
    if profile.city:
        values["cities"] = (profile.city,)
    elif profile.state:
        values["states"] = (profile.state,)
    else:
        return crit
    return replace(crit, change=CriteriaChange(values, crit.change.cleared))


def _question_sentence(text: str) -> str:
    """The sentence that asks (the last one ending in "?", else the last one): what a
    profile sentence has to answer, without the user's story around it."""
    sentences = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text) if p.strip()]
    asked = [p for p in sentences if p.endswith("?")]
    return (asked or sentences or [text])[-1]


def _negated(words: Tokens, place: Place) -> bool:
    """"georgia not florida", "instead of ny": the place is what the user takes back."""
    before = words[max(0, place.start - 2):place.start]
    return before[-1:] in (("not",), ("no",), ("except",)) or before in (
        ("instead", "of"), ("rather", "than"))


class _Reader:
    """Decides the act of one message from everything found in it; each rule either
    answers (a Question) or passes (None), in the order of question()."""

    def __init__(self, message: Message, state: ConversationState, words: Words,
                 mentions: SchoolMentions, places: Sequence[Place], refs: References,
                 crit: CriteriaReading, subjects: _Subjects, profile: Dict[str, Any]) -> None:
        self.message, self.state, self.words = message, state, words
        self.mentions, self.places, self.refs, self.crit = mentions, places, refs, crit
        self.subjects, self.profile = subjects, profile
        self.schools = subjects.schools
        self.hint = message.act if message.confidence >= 0.5 else ""
        self.topics = _topics(words, mentions.covered)
        self.features = _features(words)
        self.unknown_facts = words.values("unknown_facts")
        self.career = find_term("career", [message.text])
        self.employer = find_term("employer", [message.text])
        self.correction = words.has("correction_cues")
        self.bare = _is_bare(words, mentions.covered, [(p.start, p.end) for p in places])
        self.opener = words.starts_with("follow_up_openers")
        self.off_topic = words.has("off_topic_cues")
        self.greeting = message.act == "greet" or words.tokens[:1] in (
            ("hi",), ("hello",), ("hey",), ("hiya",), ("howdy",), ("hii",), ("hiii",))
        self.distinctive = None
        if not self.schools and not self.refs.any and not mentions.unlisted:
            self.distinctive = distinctive_school(words.tokens)  # "who runs cilvr" -> NYU
            if self.distinctive:
                self.schools = (self.distinctive,)

    # --- building the question --------------------------------------------------------

    def base(self, act: str, **fields: Any) -> Question:
        """The question with everything found in the message; `fields` override."""
        found: Dict[str, Any] = dict(
            text=self.message.text, schools=self.schools, from_rows=self.subjects.from_rows,
            by_rank=self.subjects.by_rank,
            unlisted=tuple(n.school for n in self.mentions.unlisted),
            unknown_mentions=self.mentions.unknown, missing_ranks=self.subjects.missing,
            suggestion=self.mentions.suggestion, criteria=self.crit.change,
            profile=self.profile, greeting=self.greeting, correction=self.correction,
            ask_text=_question_sentence(self.message.text), anchors=self._anchors(),
            comparatives=self.crit.comparatives, asked_count=self.crit.count,
            adds=self.words.has("add_cues"))
        found.update(fields)
        return Question(act=act, **found)

    def _anchors(self) -> Tuple[str, ...]:
        """Schools named as a bound, and "than that" for the school in focus."""
        if self.crit.anchor_focus and self.state.focus and not self.crit.anchors:
            return self.state.focus[-1:]
        return self.crit.anchors

    def question(self) -> Question:
        for rule in (self.pending_answer, self.chit_chat, self.compare, self.more,
                     self.extend_list, self.within_rows, self.named_states, self.school_facts,
                     self.not_listed, self.states, self.across_schools, self.recommend_first,
                     self.employer_benefit,
                     self.career_path, self.carried_topic, self.superlative_follow_up,
                     self.rank, self.recommend, self.guide, self.unknown_everywhere,
                     self.hinted):
            found = rule()
            if found is not None:
                return found
        return self.base("out_of_scope" if self.message.act == "out_of_scope" else "unclear")

    # --- what the message has ---------------------------------------------------------

    def _head(self) -> bool:
        return any(word in HEAD_NOUNS for word in self.words.tokens)

    def _list_request(self) -> bool:
        """Asked for a list: "what do you have in ...", "give me the 7 cheapest programs",
        "top 9"."""
        counted = "limit" in self.crit.change.values
        return self.words.has("list_requests") or self._head() and (
            counted or self._superlative()) or counted and not self.schools or (
            self._superlative() and self._asks() and not self.schools and
            bool(DOMAIN_NOUNS & set(self.words.tokens)))

    def _superlative(self) -> bool:
        """A sort asked for in so many words ("cheapest", "worst completion rate"), not a
        field merely named ("tuition")."""
        weak = {phrase for phrase, _v in phrase_list("weak_sort_phrases")}
        return any(self.words.tokens[h.start:h.end] not in weak
                   for h in find(self.words.tokens, phrases_for_values("sort_keys")))

    def _profile_facts(self) -> Set[str]:
        return set(self.profile) - {"about"}

    def _asks(self) -> bool:
        return any(word in QUESTION_START for word in self.words.tokens[:4]) or \
            self.message.text.strip().endswith("?")

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
            or self.unknown_facts and (self.schools or self.refs.focus)
            or (self.crit.change and self._head() and not self.off_topic)
            or (self._list_request() and (self.places or "limit" in self.crit.change.values))
            or (pointing and not self.off_topic)
            or self._profile_facts() - {"employer"})

    # --- rules, in order --------------------------------------------------------------

    def pending_answer(self) -> Optional[Question]:
        pending = self.state.pending
        if pending is None:
            return None
        short = len(self.words.tokens) <= 4
        if pending.kind == "confirm_school":
            if self.words.whole("yes_words") or (self.message.act == "affirm" and short):
                return self.base("affirm")
            if self.words.whole("no_words") or (self.message.act == "deny" and short):
                return self.base("deny")
            return None
        skip = self.words.whole("skip_words")
        stop = self.words.whole("stop_words")
        answer = self._profile_answer(pending.question)
        if not (skip or stop or answer):
            return None
        profile = {**self.profile, **answer}
        if skip:
            profile["skipped"] = (pending.question,)
        if stop:
            profile["skipped"] = tuple(self.state.profile.missing())
        return self.base("recommend", profile=profile)

    def _profile_answer(self, asked: Optional[str]) -> Dict[str, Any]:
        """An answer to a "help me choose" question: a bare "30k" is the budget, "Boston"
        the place, "industry" the goal, "private is fine" public/private."""
        answer = {key: value for key, value in self.profile.items() if key != "about"}
        values = self.crit.change.values
        if asked == "budget":
            budget = values.get("max_tuition") or amount(self.message.text, bare=True)
            if budget:
                answer["budget"] = budget
        if asked == "place":
            cities = [p for p in self.places if p.kind == "city"]
            states = [p for p in self.places if p.kind == "state"]
            if cities:
                answer.update(city=cities[0].value, state=cities[0].state)
            elif states:
                answer.update(state=states[0].value, city=None)
            formats = self.words.values("study_formats")
            if formats:
                answer["format"] = formats[0]
        if asked == "goal":
            goals = self.words.values("goals")
            if goals:
                answer["goal"] = goals[0]
        if asked == "control" and values.get("control"):
            answer["control"] = values["control"]
        return answer

    def chit_chat(self) -> Optional[Question]:
        act = self.message.act
        if act == "out_of_scope" and self.message.confidence >= 0.5:
            return None if self._in_domain() else self.base("out_of_scope")
        if act in ("affirm", "deny") and not self._in_domain():
            return self.base(act)
        if act not in CHIT_CHAT or self._in_domain():
            return None
        return self.base(act)

    def compare(self) -> Optional[Question]:
        schools = list(self.schools)
        cue = self.words.has("compare_cues")
        if self.crit.anchors and schools and not self._list_request() and not self._head():
            schools += [a for a in self.crit.anchors if a not in schools]  # "is X cheaper than Y"
            cue = True
        if self.crit.comparatives and schools and not self.crit.anchors and self.places and \
                not self.subjects.from_rows and not self.words.has("state_stats_cues"):
            place = self.places[0]  # "is it any cheaper than the schools in boston?"
            there = [s.name for s in all_school_facts() if s.name not in schools and (
                s.city == place.value if place.kind == "city" else s.state == place.value)]
            if there:
                field = {"tuition": "tuition", "grad_rate": "graduation_rate",
                         "rank": "rank_score"}[self.crit.comparatives[0][0]]
                return self.base("compare", schools=(*schools, *there), topics=(field,))
        group = self.crit.change.values.get("group")
        if group and not schools:  # "compare the UC campuses"
            schools = [s.name for s in all_school_facts() if s.name.startswith(group)]
        if not (self.hint == "compare" or cue):
            return None
        explicit = any(w in ("compare", "vs", "versus", "v") for w in self.words.tokens) or \
            any(p in self.message.text.lower()
                for p in ("side by side", "stack up", "head to head"))
        if not explicit and (set(self.crit.change.values) - {"sort_by"} or (
                self.subjects.from_rows and len(schools) > 2)):
            return None  # "which of those are public", "which of those has the best ...": rows
        if self.bare and self.state.last_act == "facts" and not cue:
            return None  # "and uga": the last question again, for UGA
        if self.features or (self.topics and not self._numeric_topics() and not cue):
            return None  # "which of the 2 has that co-op thing": a question about both
        topics = list(self.topics)
        if self.state.last_act == "compare" and (self._follow_up() or not topics):
            topics += [t for t in self.state.topics if t not in topics]  # "and uc santa cruz?"
        if len(schools) >= 2 or (schools and self.mentions.unlisted):
            return self.base("compare", schools=tuple(schools), topics=tuple(topics))
        if len(schools) == 1 and self.state.focus and schools[0] not in self.state.focus:
            return self.base("compare", schools=(*self.state.focus, *schools),
                             topics=tuple(topics))
        return None

    def _numeric_topics(self) -> bool:
        return any(t in ("tuition", "graduation_rate", "rank_score", "value")
                   for t in self.topics)

    def more(self) -> Optional[Question]:
        refs = self.refs
        pointed = refs.rows or refs.numbers or refs.ranks or refs.leading or refs.named_span
        named = self.schools and not (self.subjects.from_rows and self.subjects.plural)
        if self.state.last_list is None or pointed or named:
            return None
        values = {k for k in self.crit.change.values if k != "limit"}
        if (self.crit.more or self.hint == "more") and not values:
            return self.base("more", page_size=self.crit.count)
        return None

    def extend_list(self) -> Optional[Question]:
        """"give me 8 of them", "sorry, I meant top 10", "typo, 4 not 11": the last list,
        longer or shorter."""
        shown = self.state.last_list
        limit = shown.criteria.limit if shown and shown.criteria else None
        if limit and limit > 1 and self.correction and self.bare and self.refs.numbers and \
                not self.mentions.listed:
            return self.base("rank", schools=(), refine=True,
                             criteria=CriteriaChange({"limit": self.refs.numbers[0]}))
        if shown is None or shown.kind != "ranking" or "limit" not in self.crit.change.values:
            return None
        if set(self.crit.change.values) - {"limit", "sort_by"} or self.schools and not \
                self.subjects.from_rows:
            return None
        if self.refs.all_rows or self.correction or self.opener or not self._head():
            values = dict(self.crit.change.values)
            if "sort_by" in values and self.correction is False and self.refs.all_rows:
                values.pop("sort_by")
            return self.base("rank", schools=(), criteria=CriteriaChange(values), refine=True)
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
        if "max_rank" in values:
            return None  # "widen it to the top 15, which of those ...": a new list
        values["names"] = self.schools
        if self._one_answer():
            values["limit"] = 1
        return self.base("rank", criteria=CriteriaChange(values), refine=False)

    def _one_answer(self) -> bool:
        """"which of those is cheapest", "cheapest of those?": one row (and its ties)."""
        if self.crit.change.values.get("sort_by") is None:
            return False
        words = set(self.words.tokens)
        superlative = {"cheapest", "highest", "lowest", "best", "most", "fewest", "worst",
                       "priciest", "cheaper", "scores", "biggest", "largest", "smallest"}
        plural = {"are", "ones", "each", "all", "programs", "schools", "options",
                  "universities", "colleges", "unis", "masters"}
        tokens_ = self.words.tokens
        which_one = any(tokens_[i:i + 2] in (("which", "one"), ("the", "one"))
                        for i in range(len(tokens_)))
        return bool(superlative & words) and (which_one or not (plural & words))

    def school_facts(self) -> Optional[Question]:
        if not self.schools:
            return None
        if self.subjects.plural and self.subjects.from_rows and self.crit.change and \
                not self.topics and not self.features and not self.unknown_facts:
            return None  # "just the public ones out of those": the list changes (rank())
        if (self.employer or self.hint == "employer") and not self.mentions.listed and \
                self._benefit_words() and not self.unknown_facts:
            return None  # "whats the catch with deloitte paying for it": the employer's benefit
        if not self.mentions.listed and self.state.last_act == "states" and \
                self.words.has("state_stats_cues"):
            return None  # "and the top program in each": the states asked about, not schools
        if self._list_request() and self.crit.change and not self.subjects.from_rows and \
                not self.topics and not self.features:
            return None  # "which texas schools made it": a list, not one school
        topics = [t for t in self.topics if t != "format"]
        features = list(self.features)
        unknown = list(self.unknown_facts)
        if "format" in self.topics and not features:
            features = ["online study", "part-time study"]
        open_question = False
        if not (topics or features or unknown):
            topics, features, unknown, open_question = self._implied()
        if self.career and not (topics or features or unknown):
            topics = ["employers"]
        return self.base(
            "facts", topics=tuple(dict.fromkeys(topics)), features=tuple(dict.fromkeys(features)),
            unknown_facts=tuple(dict.fromkeys(unknown)), open_question=open_question,
            states=tuple(p.value for p in self.places if p.kind == "state"),
            state_fields=("median_tuition",) if self.words.has("state_stats_cues") else ())

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
        if self.schools or self.mentions.unlisted:
            return None
        profile_topics = [t for t in self.topics if t in ("labs", "faculty", "partners",
                                                          "employers")]
        asks_who = self._head() or bool({"anyone", "anybody"} & set(self.words.tokens))
        if not (self.features or profile_topics) or self.crit.change or not (
                asks_who and self._asks()):
            return None
        profiled = tuple(s.name for s in all_school_facts() if s.has_profile)
        return self.base("facts", schools=profiled, topics=tuple(profile_topics),
                         features=tuple(self.features), open_question=bool(profile_topics),
                         across=True)

    def not_listed(self) -> Optional[Question]:
        unknown_names = self.mentions.unknown and (self.topics or self.hint == "facts" or self.bare)
        if not (self.mentions.unlisted or self.subjects.missing or unknown_names):
            return None
        topics = [t for t in self.topics if t != "format"] or (
            [self.message.topic] if self.message.act == "facts" and self.message.topic else [])
        return self.base("facts", topics=tuple(topics), unknown_facts=tuple(self.unknown_facts),
                         features=tuple(self.features))

    def named_states(self) -> Optional[Question]:
        """A state named with the states table's words, before "there" can mean a school:
        "does the ranking say anything about north carolina? how much do they cost there"."""
        if self.mentions.listed or not self.words.has("state_stats_cues"):
            return None
        if any(p.kind == "state" for p in self.places):
            return self.states()
        return None

    def states(self) -> Optional[Question]:
        stats = self.words.has("state_stats_cues")
        states = tuple(dict.fromkeys(p.value for p in self.places if p.kind == "state"
                                     and not _negated(self.words.tokens, p)))
        fields = self._state_fields()
        last = self.state.last_act == "states"
        about = any(self.words.tokens[p.start - 1:p.start] == ("about",) for p in self.places
                    if p.start > 0)
        only_place = set(self.crit.change.values) <= {"states", "sort_by"}
        if states and (stats or about and only_place or self.hint == "states" and
                       only_place and not self._list_request()):
            return self.base("states", states=states, state_fields=fields)
        earlier = self.state.states or (self.state.last_list.criteria.states if (
            self.state.last_list and self.state.last_list.criteria) else ())
        if not states and stats and earlier and (last or self._follow_up() or fields):
            return self.base("states", states=earlier,
                             state_fields=fields or self.state.state_fields)
        if states and last and self._follow_up():
            return self.base("states", states=states, state_fields=self.state.state_fields)
        return None

    def _state_fields(self) -> Tuple[str, ...]:
        words = set(self.words.tokens)
        found = []
        if words & {"median", "typical", "average", "cost", "costs", "tuition", "usually"}:
            found.append("median_tuition")
        if words & {"top", "best"}:
            found.append("top_program")
        if words & {"many", "number"}:
            found.append("programs")
        return tuple(found)

    def _benefit_words(self) -> bool:
        return bool({"pay", "cover", "covers", "sponsor", "sponsorship", "reimburse", "tax",
                     "reimbursement", "offer", "offers", "benefit", "benefits", "help", "catch",
                     "strings", "fund", "funding", "assistance", "give", "paying"}
                    & set(self.words.tokens))

    def employer_benefit(self) -> Optional[Question]:
        if self.unknown_facts and not self.employer:
            return None  # "does the gi bill cover that one": not an employer's benefit
        asks = self.hint == "employer" or self._benefit_words()
        if self.employer and (asks or self.state.last_act == "employer" and (
                self._follow_up() or "instead" in self.words.tokens)):
            return self.base("employer", employer=self.employer)
        if self.hint == "employer" and not self.employer and not (
                self._list_request() and self.crit.change):
            return self.base("employer", unknown_term=self._unmatched("employer"))
        return None

    def _unmatched(self, entity: str) -> Optional[str]:
        """An employer or career the NLU found that the source does not list ("Meta")."""
        from knowledge.understanding.schools import shortened

        named = [m for m in self.message.entities.get(entity, ()) if m.strip()]
        return shortened(named[0]) if named else None

    def career_path(self) -> Optional[Question]:
        if self.career and (self.hint == "career" or self.state.last_act == "career" or
                            "soc" in self.words.tokens or self.correction):
            return self.base("career", career=self.career)
        if self.hint == "career" and not self.schools:
            return self.base("career", unknown_term=self._unmatched("career"))
        return None

    def carried_topic(self) -> Optional[Question]:
        """"and grad rates?", "and their tuition?": the topic asked of the schools in focus."""
        if not self.topics or not self.state.focus or self.crit.change.values.get("states"):
            return None
        if self._superlative():
            return None  # "who has the worst completion rate": a list of one
        if not (self.bare or self.opener or len(self.words.tokens) <= 5):
            return None
        if self.state.last_act not in ("facts", "compare", "rank_lookup", "rank_within"):
            return None
        return self.base("facts", schools=self.state.focus,
                         topics=tuple(t for t in self.topics if t != "format"),
                         features=("online study", "part-time study")
                         if "format" in self.topics else ())

    def superlative_follow_up(self) -> Optional[Question]:
        """"and the best?" after "which has the worst grad rate": the same field, the other
        end."""
        shown = self.state.last_list
        if shown is None or shown.criteria is None or not self.opener:
            return None
        ends = [GENERIC_SUPERLATIVES[w] for w in self.words.tokens if w in GENERIC_SUPERLATIVES]
        if not ends or set(self.crit.change.values) - {"sort_by"}:
            return None
        field = shown.criteria.sort_by.replace("_low", "")
        flipped = {"tuition_high": "tuition_low", "tuition_low": "tuition_high"}
        if field.startswith("tuition"):
            sort = field if ends[0] == "high" else flipped[field]
        else:
            sort = field if ends[0] == "high" else f"{field}_low"
        return self.base("rank", criteria=CriteriaChange({"sort_by": sort, "limit": 1}),
                         refine=True)

    def recommend_first(self) -> Optional[Question]:
        """"which program fits me?": advice, though it names programs; and someone telling
        what draws them ("sports stuff", "society and policy") and asking what fits."""
        explicit_list = self._list_request() and bool(self.crit.change) or \
            "limit" in self.crit.change.values
        if self.words.has("recommend_cues") and not explicit_list:
            return self.base("recommend", profile=self._with_interests())
        if self._list_request() and not self.crit.change and self.words.has("self_cues") \
                and self.words.has("list_requests"):
            return self.base("recommend", profile=self._with_interests())
        return None

    def _with_interests(self) -> Dict[str, Any]:
        """The user's words about what draws them ("sports stuff") count as an answer to
        "help me choose" when they name none of its usual facts."""
        profile = {**self.profile, "about": " ".join(self.message.text.split())[:300]}
        if not self._profile_facts() and self._says_more_than_asking():
            profile["interests"] = True
        return profile

    def _says_more_than_asking(self) -> bool:
        """Words beyond "help me choose" and filler: "sports stuff", "society and policy"."""
        said = set(self.words.tokens)
        for section in ("recommend_cues", "list_requests", "filler_words", "self_cues"):
            for hit in find(self.words.tokens, phrase_list(section)):
                said -= set(self.words.tokens[hit.start:hit.end])
        return len({w for w in said if len(w) > 3}) >= 2

    def rank(self) -> Optional[Question]:
        change = self.crit.change
        if not change:
            if self.hint == "rank" and not self._profile_facts():
                return self.base("rank", refine=False)
            return None
        if self.hint in ("guide", "career", "employer") and not self._head():
            return None
        if self._profile_facts() and not (self._list_request() or self._head() and self._asks()
                                          or self._follow_up() or self.words.has("refine_cues")):
            return None  # someone describing themselves: advice (recommend), not a list
        shown = self.state.last_list
        listing = self.hint in ("rank", "inform") or self._head() or self._list_request() or \
            self.words.has("refine_cues") or self._follow_up()
        if not listing and shown is None:
            return None
        changes_it = self.words.has("refine_cues") or self._follow_up() or (
            not self._asks() and (self.hint == "inform" or not self._head()))
        if shown is not None and shown.kind == "recommendation" and self.words.has("add_cues") \
                and (change.values.get("cities") or change.values.get("states")):
            return self.base("rank", criteria=self._with_user_place(change), refine=False)
        if shown is not None and shown.kind == "recommendation" and changes_it and \
                not self._list_request():
            return self.base("recommend", profile={**self.profile, **self._as_profile()})
        refine = shown is not None and shown.kind == "ranking" and changes_it
        if not refine and "limit" not in change.values and self._one_answer():
            # "where do the fewest students finish?": the one school (and its ties)
            return self.base("rank", criteria=replace(change, values={**change.values,
                                                                      "limit": 1}))
        return self.base("rank", refine=refine)

    def _with_user_place(self, change: CriteriaChange) -> CriteriaChange:
        """"include evanston too" after advice for Chicago: both places."""
        values = dict(change.values)
        profile = self.state.profile
        if values.get("cities") and profile.city:
            values["cities"] = tuple(dict.fromkeys((profile.city, *values["cities"])))
        elif values.get("states") and profile.state:
            values["states"] = tuple(dict.fromkeys((profile.state, *values["states"])))
        return replace(change, values=values)

    def _as_profile(self) -> Dict[str, Any]:
        """A criterion said after a recommendation changes the answers behind it."""
        values = self.crit.change.values
        profile: Dict[str, Any] = {}
        if "max_tuition" in values:
            profile["budget"] = values["max_tuition"]
        if "control" in values:
            profile["control"] = values["control"]
        if values.get("states"):
            profile.update(state=values["states"][0], city=None)
        if values.get("cities"):
            place = next(p for p in self.places if p.value == values["cities"][0])
            profile.update(city=place.value, state=place.state)
        if values.get("formats"):
            profile["format"] = values["formats"][0]
        return profile

    def recommend(self) -> Optional[Question]:
        facts = self._profile_facts()
        other = self.message.act in ("guide", "career", "employer", "facts", "states") and \
            self.message.confidence >= 0.5
        if self.hint == "recommend" or (facts and not other):
            return self.base("recommend")
        return None

    def guide(self) -> Optional[Question]:
        if self.message.act == "guide" and self.message.guide:
            answered = vocabulary()["unknown_fact_guides"]
            if any(answered.get(fact) != self.message.guide for fact in self.unknown_facts):
                return None  # "how many months of work permission": not in any guide
            return self.base("guide", guide=self.message.guide)
        return None

    def unknown_everywhere(self) -> Optional[Question]:
        if self.unknown_facts:
            return self.base("facts", unknown_facts=tuple(self.unknown_facts))
        return None

    def hinted(self) -> Optional[Question]:
        """Nothing in the words decided it: the classifier's act, if it has one."""
        act = self.message.act
        if act == "facts" and self.message.topic:
            return self.base("facts", schools=self.state.focus, topics=(self.message.topic,))
        if act in ("greet", "thank", "goodbye", "help", "affirm", "deny", "rank", "recommend"):
            return self.base(act)
        if act == "states":
            return self.base("states", states=self.state.states)
        return None
