"""The act of one message: its rules, in the order they are tried. Each rule either
answers (a Question) or passes (None); the first answer wins."""
import re
from typing import Any, Dict, Optional, Tuple

from knowledge.question import Question
from knowledge.understanding.acts_base import CHIT_CHAT
from knowledge.understanding.acts_lists import ListRules
from knowledge.understanding.message_words import filler, negated
from knowledge.understanding.acts_schools import SchoolRules
from knowledge.understanding.profile import covered_not_budget, says_about_self
from knowledge.store.guides import employer_benefit, federal_tax_free_points, find_term
from knowledge.store.queries import school_facts, states_in_table
from knowledge.understanding.vocabulary import (
    amount, amounts, find, percent, phrase_list, vocabulary, word_class)


# Guides whose points are named by their own terms (guides.yaml point_terms); the
# specializations' terms ("security", "cloud") count only when the talk is of careers.
POINTED_GUIDES = ("specializations", "salary")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # a bare number in this span is a year, not dollars
GUIDES_POINTED_IN_CONTEXT = ("specializations",)
# A "help me choose" question -> the profile facts that answer it, and the list criteria an
# answer may carry with it ("under 20k" is a budget and a tuition bound)
ADVICE_ANSWERS = {"budget": ({"budget"}, {"max_tuition"}),
                  "place": ({"state", "city", "format"}, {"states", "cities", "formats"}),
                  "goal": ({"goal"}, set()), "control": ({"control"}, {"control"})}


MAX_NAME_WORDS = 4  # "its memorial hermann": an employer's name is this long at most


def _federal_tax_free() -> Optional[int]:
    """The federal tax-free employer education benefit, as the employer-benefits guide
    states it ("the federal $5,250 tax-free employer education benefit")."""
    said = federal_tax_free_points()
    return amount(said[0]) if said else None


def _bare_dollars(text: str) -> Optional[int]:
    """A number written without $ or k that can only be dollars beside a benefit word
    ("reimburses 5250 a year"): an amount as vocabulary.amounts reads it, written in full
    (not "30" read as thousands), and not a year."""
    for found in amounts(text, bare=True):
        written = re.sub(r"\D", "", text[found.start:found.end])
        if written == str(found.dollars) and not FIRST_YEAR <= found.dollars <= LAST_YEAR:
            return found.dollars
    return None


class Reader(ListRules, SchoolRules):
    """Decides the act of one message from everything found in it: the first of RULES, in
    order, that reads the message as its act. (bench/rule_oracle.py measures how often a later
    rule would have answered a wrong turn right.)"""

    RULES = ("pending_answer", "source_request", "corrected_topic", "chit_chat", "tells_only",
             "tax_question", "guide_cued", "guide_point", "between_schools", "tied", "compare",
             "out_of_pocket", "more", "extend_list", "reorder", "within_rows", "named_states",
             "school_facts", "not_listed", "states", "across_schools", "recommend_first",
             "employer_benefit", "format_timeline", "career_path", "carried_topic",
             "superlative_follow_up", "rank", "recommend", "guide", "unknown_everywhere",
             "hinted", "criteria_alone")

    def question(self) -> Question:
        for name in self.RULES:
            found: Optional[Question] = getattr(self, name)()
            if found is not None:
                return found
        return self.base("out_of_scope" if self.message.act == "out_of_scope" else "unclear")

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
        if pending.advised and not self._answers_after_advice(pending.question):
            return None
        skip = self.words.whole("skip_words")
        # "stop asking", or "so what do you think?" in the middle of the questions: advice now
        stop = self.words.whole("stop_words") or self.words.has("recommend_cues")
        answer = self._profile_answer(pending.question)
        if not (skip or stop or answer):
            return None
        # "... anything for me locally?": told something and asked what there is: advice now;
        # "is the first one good for research?" with no list shown yet: the list is wanted
        stop = stop or bool(answer) and self.words.has("list_requests") and self._asks() or \
            self._points_at_no_list()
        profile = {**self.profile, **answer}
        if skip:
            profile["skipped"] = (pending.question,)
        if stop:
            profile["skipped"] = tuple(self.state.profile.missing())
        return self.base("recommend", profile=profile)

    def _points_at_no_list(self) -> bool:
        """A row of a list asked about ("the first one", "those") when none was shown."""
        ordinal = set(self.words.tokens) & set(vocabulary()["ordinals"])
        return self.state.last_list is None and self._asks() and not self.mentions.listed and (
            bool(ordinal and self.refs.numbers) or self.refs.all_rows)

    def _answers_after_advice(self, asked: Optional[str]) -> bool:
        """Advice ended asking what is still missing: "it needs to be under 20k a year, we've
        got 2 kids" answers it; "ok add private schools in california too" changes the
        advice's list and "which ones can be done online at all" asks another (other rules);
        "skip" or "what do you think" asks for the advice as it is."""
        if self.words.whole("skip_words") or self.words.has("recommend_cues") and \
                not self.crit.change:  # (not "top 3 by rank that fit my budget": a list)
            return True
        refs = self.refs
        if asked is None or self.mentions.listed or self.mentions.unlisted or refs.rows or \
                refs.numbers or refs.all_rows or refs.pair or self.unknown_facts or \
                self._asks_anything():
            return False
        keys, criteria = ADVICE_ANSWERS[asked]
        return bool(keys & set(self._profile_answer(asked))) and \
            set(self.crit.change.values) <= criteria

    def _profile_answer(self, asked: Optional[str]) -> Dict[str, Any]:
        """An answer to a "help me choose" question: a bare "30k" is the budget, "Boston"
        the place, "industry" the goal, "private is fine" public/private."""
        answer = {key: value for key, value in self.profile.items() if key != "about"}
        values = self.crit.change.values
        if asked == "budget" and not covered_not_budget(self.message.text):
            budget = values.get("max_tuition") or amount(self.message.text, bare=True)
            if budget:
                answer["budget"] = budget
        if asked == "place":
            cities = [p for p in self.places if p.kind == "city"]
            states = [p for p in self.places if p.kind == "state"]
            codes = tuple(dict.fromkeys(p.value for p in states))
            if cities:
                answer.update(city=cities[0].value, state=cities[0].state, more_states=())
            elif codes:
                answer.update(state=codes[0], more_states=codes[1:], city=None)
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

    def tells_only(self) -> Optional[Question]:
        """"so i'm an icu nurse at a hospital in pittsburgh, into the clinical data side": the
        user tells about themselves and asks nothing yet. That starts "help me choose": it asks
        for what is still missing, or recommends when it knows enough (decide._ready). A
        school, a row or a fact asked is not this."""
        said = set(self.words.tokens)
        of_self = says_about_self(self.words.tokens)
        facts = self._profile_facts() - {"employer"}
        if not of_self or self._asks_anything() or self._list_request() or \
                self.words.has("recommend_cues") or self.schools or self.mentions.listed or \
                self.refs.any and self.state.last_list or self.refs.focus and self.state.focus \
                or self.unknown_facts or self.off_topic or self.correction:
            return None
        # "teacher salary so even 15k a year is a stretch, we're staying in georgia": two facts
        # of their own outweigh a topic, a career or pay words said in passing
        firm = sum(bool(facts & kind) for kind in (
            {"budget", "budget_low"}, {"state", "city"}, {"stays_local"}, {"format"}))
        if firm < 2 and (self.topics or self.words.has("pay_words")) or not firm and self.career:
            return None  # ("switching to data science", said with where they are: their goal)
        if not facts and not (word_class("role_nouns") & said and of_self):
            return None
        if self.state.last_list is not None and self.crit.change or self.employer and firm < 2:
            return None  # "ok i could do st louis too, add missouri": the list, changed;
            # "ok and if i land a job at google instead": that employer's benefit
        return self.base("recommend", profile=self._with_interests(), tells_only=True)

    def source_request(self) -> Optional[Question]:
        """"Source", "where is that from?": the lines behind the last answer."""
        if self.words.whole("source_requests") or self.words.has("source_request_phrases"):
            return self.base("source")
        return None

    def chit_chat(self) -> Optional[Question]:
        act = self.message.act
        if self._asks_more_of_employer():
            return None
        if act == "out_of_scope" and self.message.confidence >= 0.5:
            return None if self._in_domain() else self.base("out_of_scope")
        if act in ("affirm", "deny") and not self._in_domain():
            return self.base(act)
        if act not in CHIT_CHAT or self._in_domain():
            return None
        return self.base(act)

    def out_of_pocket(self) -> Optional[Question]:
        """"my employer covers up to 10k, what would each one cost me out of pocket", "if
        amazon covers 95% of that, what would i be paying": tuition less what is covered, for
        the schools named, in focus or just shown."""
        carried = self.state.covered_dollars or self.state.covered_share
        again = self.words.has("same_again_cues")  # "same math for uw's online program?"
        if carried and self.state.last_act == "facts" and self.schools and (
                self._follow_up() or again) and (again or not set(self.topics) - {"tuition"}
                                                 and not self.crit.change):
            # "and for penn?" right after what the user would still pay at Pitt
            return self.base("facts", schools=self.schools, topics=("tuition",),
                             covered_dollars=self.state.covered_dollars,
                             covered_share=self.state.covered_share)
        known = self.state.employer or self.state.profile.employer
        if carried and self.employer and self.employer != known and not self.mentions.listed \
                and self.state.focus and self.state.last_act == "facts":
            # "scratch that, i just accepted an offer at google. does that change it": what is
            # left to pay, again with the new employer's benefit
            return self._after_benefit(self.state.focus, *self._benefit_of(self.employer))
        # "how much would google cover vs what it charges": the school in focus, less the cover
        weighed = bool(self.employer and "tuition" in self.topics and self._benefit_words() and
                       word_class("versus_words") & set(self.words.tokens) and
                       (self.schools or self.state.focus))
        if self.employer and self._asks_if_employer_pays():  # "i work at google ... want to do
            # the uw program part time. would google pay for it?": its tuition less Google's
            found = self._after_benefit(self.schools, *self._benefit_of(self.employer))
            if found is not None:
                return found
        if not (self.words.has("out_of_pocket_cues") or weighed):
            return None
        text = self.message.text
        dollars, share = amount(text), percent(text)
        if not (dollars or share) and self._benefit_words():
            dollars = _bare_dollars(text)  # "if my district reimburses 5250 a year, what ..."
        if not (dollars or share) and self.words.has("tax_cues"):
            dollars = _federal_tax_free()  # "only does the irs tax-free max"
        employer = self.employer or self.state.employer or self.state.profile.employer
        if not (dollars or share) and employer:  # "amazon pays for it": its own share,
            dollars, share = self._benefit_of(employer)  # "after the google part": its dollars
        shown = self.state.last_list.shown if self.state.last_list else ()
        named = () if self.subjects.stepped_from else self.schools  # (not a step: see below)
        schools = named or self.state.focus or shown
        if not (dollars or share) or not schools:
            return None
        return self._after_benefit(schools, dollars, share)

    def _asks_if_employer_pays(self) -> bool:
        return bool(self.mentions.listed and self.schools and
                    word_class("benefit_words") & self.question_words and not self.crit.change and
                    not self.unknown_facts and self._asks())

    @staticmethod
    def _benefit_of(employer: str) -> Tuple[Optional[int], Optional[int]]:
        """An employer's benefit as (dollars, share): Amazon's 95%, Google's $12,000."""
        benefit = employer_benefit(employer)
        share = percent(benefit.benefit) if benefit else None
        return (amount(benefit.benefit) if benefit and not share else None), share

    def _after_benefit(self, schools: Tuple[str, ...], dollars: Optional[int],
                       share: Optional[int]) -> Optional[Question]:
        if not (dollars or share):
            return None
        return self.base("facts", schools=schools, topics=("tuition",), covered_dollars=dollars,
                         covered_share=share, missing_ranks=(), by_rank=False)  # ("what
        # would i be paying after that": after the benefit, not a rank below the school)

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
                                     and not negated(self.words.tokens, p)))
        fields = self._state_fields()
        last = self.state.last_act == "states"
        about = any(self.words.tokens[p.start - 1:p.start] == ("about",) for p in self.places
                    if p.start > 0) and (last or self.state.last_list is None)
        # ("what about florida" after a list or advice changes its place: see rank())
        only_place = set(self.crit.change.values) <= {"states", "sort_by"}
        bounded = self._states_within_bounds() if stats and not states else None
        if bounded:  # "which states have a median tuition between 30 and 45k"
            return self.base("states", states=bounded, state_fields=("median_tuition",))
        if len(states) >= 2 and self._compares_states():
            return self.base("states", states=states, state_fields=("median_tuition",))
        corrects_a_list = self.correction and self.state.last_act == "rank"  # "wait no,
        # missouri" after a list of maryland's: the list, in missouri
        if states and (stats or about and only_place or self.hint == "states" and
                       only_place and not self._list_request() and not corrects_a_list):
            return self.base("states", states=states, state_fields=fields)
        if not states and stats and self.state.focus and self.words.has("focus_state_words"):
            states = tuple(dict.fromkeys(f.state for f in map(school_facts, self.state.focus)
                                         if f))  # "the median tuition in that state" (Clark's)
            return self.base("states", states=states, state_fields=fields)
        earlier = self.state.states or (self.state.last_list.criteria.states if (
            self.state.last_list and self.state.last_list.criteria) else ())
        if not states and stats and earlier and (last or self._follow_up() or fields):
            return self.base("states", states=earlier,
                             state_fields=fields or self.state.state_fields)
        if states and last and self._follow_up():
            return self.base("states", states=states, state_fields=self.state.state_fields)
        return None

    def _states_within_bounds(self) -> Optional[Tuple[str, ...]]:
        """The states of the source's table whose median tuition is within the tuition bounds
        asked; None when no bound is asked."""
        values = self.crit.change.values
        low, high = values.get("min_tuition"), values.get("max_tuition")
        if low is None and high is None or not word_class("median_words") & set(
                self.words.tokens):
            return None
        return tuple(s.code for s in states_in_table() if s.median_tuition is not None and
                     (low is None or s.median_tuition >= low) and
                     (high is None or s.median_tuition <= high))

    def _compares_states(self) -> bool:
        """"michigan or north carolina ... which state's programs are cheaper": the states'
        median tuition, not a list of schools."""
        return any(field == "tuition" for field, _direction in self.crit.comparatives) and \
            bool(word_class("state_nouns") & set(self.words.tokens)) and not self.schools

    def _state_fields(self) -> Tuple[str, ...]:
        words = set(self.words.tokens)
        found = []
        for field, words_of_it in (("median_tuition", "median_words"),
                                   ("top_program", "top_words"), ("programs", "count_words")):
            if words & word_class(words_of_it):
                found.append(field)
        return tuple(found)

    def employer_benefit(self) -> Optional[Question]:
        if self.unknown_facts and not self.employer:
            return None  # "does the gi bill cover that one": not an employer's benefit
        if self._list_request() and self.places and \
                not word_class("benefit_words") & self.question_words:
            return None  # "the firm might sponsor me. whats on ur list in illinois?": a list
        asks = self.hint == "employer" or self._benefit_words()
        if self.employer and (asks or self.state.last_act == "employer" and (
                self._follow_up() or "instead" in self.words.tokens
                or self.words.has("job_change_cues"))):  # "oh I just switched to Google"
            return self.base("employer", employer=self.employer)
        if self._asks_more_of_employer():  # "do i have to stay there after"
            return self.base("employer", employer=self.state.employer)
        if self.hint == "employer" and not self.employer and not (
                self._list_request() and self.crit.change):
            return self.base("employer", unknown_term=self._unmatched("employer"))
        said = set(self.words.tokens)
        if self._benefit_words() and word_class("payer_nouns") & said and \
                word_class("judging_words") & said and self._asks_anything() and \
                not (self._list_request() or self.schools):
            return self.base("employer")  # "my hospital reimburses up to 5250 a year, is that
            # standard?": what employers give, as the source says
        return None

    def _asks_more_of_employer(self) -> bool:
        """A question on the benefit of the employer just talked about, naming no school
        (nor asking for a list: "would go private if it's covered. highest ranked private
        there + cost?")."""
        return bool(self.state.last_act == "employer" and self.state.employer and
                    not self.mentions.listed and not self.off_topic and
                    not (self.crit.change and self._superlative()) and
                    self.message.act != "out_of_scope" and self._benefit_words() and
                    self._asks())

    def _unmatched(self, entity: str) -> Optional[str]:
        """An employer or career the NLU found that the source does not list ("Meta")."""
        from knowledge.understanding.schools import shortened

        named = [m for m in self.message.entities.get(entity, ()) if m.strip()]
        if named:
            return shortened(named[0])
        return self._introduced_employer() if entity == "employer" else None

    def _introduced_employer(self) -> Optional[str]:
        """"does my hospital pay for this? its memorial hermann": the name after words that
        introduce one (employer_introducers), up to the sentence's end, if it is a name."""
        words = self.words.tokens
        stops = filler() | word_class("head_nouns")
        for hit in find(words, phrase_list("employer_introducers")):
            name = []
            for word in words[hit.end:hit.end + MAX_NAME_WORDS]:
                if word in stops:
                    break
                name.append(word)
            if name:
                return " ".join(name)
        return None

    def tax_question(self) -> Optional[Question]:
        """"is that 5250 taxable": the employer benefits, with the source's note on the
        federal tax-free amount (a school named makes it a question about that school)."""
        if self.off_topic or self.mentions.unlisted or self.mentions.listed or \
                not self.words.has("tax_cues"):
            return None
        if self.words.has("out_of_pocket_cues") and self.state.focus:
            return None  # "my bank only does the irs tax-free max. what would i be paying"
        return self.base("employer", employer=self.employer or self.state.employer)

    def guide_cued(self) -> Optional[Question]:
        """"is no experience a problem", "zero work experience, a dealbreaker for cmu?": the
        work-experience guide (its points name the elite schools), not a school's admission
        facts; "how do people in the top programs afford it": the financing guide."""
        if self.off_topic or self.mentions.unlisted:
            return None
        found = self.words.values("guide_cues")
        if not found or found[0] == "financing" and (self.mentions.listed or self.unknown_facts):
            return None  # ("financial aid at cmu": what the source says of CMU, or that it
        return self.base("guide", guide=found[0])  # has nothing on its aid)

    def format_timeline(self) -> Optional[Question]:
        """"how long do part-time programs usually take": the part-time guide's timeline,
        not a list of part-time programs (no school or row asked about)."""
        refs = self.refs
        pointing = refs.rows or refs.numbers or refs.all_rows or refs.pair or \
            refs.focus and self.state.focus  # ("how long does it take" alone: no school)
        if self.schools or pointing or self.mentions.unlisted or \
                "part_time" not in self.words.values("study_formats") or \
                not self.words.has("duration_cues"):
            return None
        return self.base("guide", guide="part_time")

    def guide_point(self) -> Optional[Question]:
        """One point of a guide: "and data eng?", "cybersec job growth %?" (a specialization,
        when the talk is of careers or pay, not "security" in a school question); "do they
        take people w/o a cs degree" (the career-switching point)."""
        if self.mentions.listed or self.mentions.unlisted:
            return None
        if (self.places or self.crit.change) and not (
                self.words.has("admission_asks") and self._asks_anything() and
                not self._list_request()):
            return None  # "no cs degree at all lol, whats on ur list around chicago": a list
            # (but "bartender in boston, zero tech background. can someone like me get in")
        about_careers = self.hint in ("guide", "career") or \
            self.state.last_act in ("guide", "career") or self.words.has("career_talk_words")
        for key in POINTED_GUIDES:
            point = find_term(f"{key}_point", [self.message.text])
            if point and (about_careers or key not in GUIDES_POINTED_IN_CONTEXT):
                return self.base("guide", guide=key, guide_point=point,
                                 asks_pay=self.words.has("pay_words"))
        return None

    def career_path(self) -> Optional[Question]:
        if self.words.has("list_requests") and (self.places or self.state.profile.city or
                                                self.state.profile.state):
            return None  # "want to move into ml for finance, quant stuff. anything local?"
        pay = self.words.has("pay_words") and not self.schools  # "what do data scientists
        # make": the career, and whether the source gives its pay
        if self.career and (self.hint == "career" or self.state.last_act == "career" or
                            "soc" in self.words.tokens or self.correction or pay):
            return self.base("career", career=self.career, asks_pay=pay)
        if self.hint == "career" and not self.schools:
            return self.base("career", unknown_term=self._unmatched("career"))
        if self.state.last_act == "career" and self.state.career and not self.schools and \
                (self.bare or self.opener) and self.words.has("career_talk_words"):
            return self.base("career", career=self.state.career, asks_pay=pay)  # "and growth?"
        return None

    def recommend_first(self) -> Optional[Question]:
        """"which program fits me?": advice, though it names programs; and someone telling
        what draws them ("sports stuff", "society and policy") and asking what fits."""
        if self._asks_unknown_only() or self.employer and self._benefit_words() and \
                not self.words.has("recommend_cues"):
            return None  # ("do i owe google anything after": its benefit's terms)
        # a place said of oneself, with a format or goal, is advice ("near dayton ohio ... cant
        # quit my job. anything that fits?"), not the list of that place
        said_of_self = bool(self.places) and all(  # the place is in a sentence about them
            p.start in self.words.hidden for p in self.places)
        own_place = set(self.crit.change.values) <= {"states", "cities", "formats",
                                                     "max_rank"} and bool(
            self.profile.get("format") or self.profile.get("goal")) and (
            said_of_self or self.words.has("recommend_cues"))
        explicit_list = self._list_request() and bool(self.crit.change) and not own_place or \
            "limit" in self.crit.change.values or "max_rank" in self.crit.change.values
        if (self.words.has("recommend_cues") or own_place and self._list_request()) and \
                not explicit_list:
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

    def _asks_unknown_only(self) -> bool:
        """"army vet here ... does your guide say anything about the GI bill?": a fact the
        source does not hold, asked with no criteria or facts of the user: that is the answer."""
        return bool(self.unknown_facts) and not self.crit.change and not self._profile_facts()

    def recommend(self) -> Optional[Question]:
        if self._asks_unknown_only() or self._guide_of_unknown_facts():
            return None  # ("do research assistantships actually pay anything": financing)
        facts = self._profile_facts()
        other = self.message.act in ("guide", "career", "employer", "facts", "states") and \
            self.message.confidence >= 0.5 and not self._list_request()  # "...what do u have"
        if "max_rank" in self.crit.change.values and not self.words.has("recommend_cues") and \
                word_class("which_of_words") & set(self.words.tokens):
            return self.base("rank", refine=False)  # "which of ur top 10 can i do online"
        if self.hint == "recommend" or (facts and not other):
            return self.base("recommend")
        return None

    def guide(self) -> Optional[Question]:
        by_fact = self._guide_of_unknown_facts()
        if by_fact and not (self.hint == "guide" and self.message.guide) and not self.refs.focus:
            return self.base("guide", guide=by_fact)
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

    def criteria_alone(self) -> Optional[Question]:
        """Nothing else understood, but criteria said ("nurse in texas here, has to be
        public"): the programs that fit them, rather than "I didn't get that"."""
        if self.crit.change and not self.off_topic and self.message.act != "out_of_scope":
            return self.base("rank")
        return None

    def hinted(self) -> Optional[Question]:
        """Nothing in the words decided it: the classifier's act, if it has one."""
        act = self.message.act
        if act == "facts" and self.message.topic and not self.state.focus and \
                set(self.crit.change.values) - {"sort_by", "limit"} and (
                    self._asks() or self.message.topic == "location"):
            return self.base("rank")  # "who has 99% grad rate": the schools that do; "nurse
            # in atlanta, not leaving georgia": the schools there, not "which school?"
        if act == "facts" and self.message.topic:  # the words' topics, when they name any
            # ("is that per year or the whole program? and how long is it": both)
            topics = tuple(self.school_topics) or (self.message.topic,)
            return self.base("facts", schools=self.state.focus, topics=topics)
        if act in ("greet", "thank", "goodbye", "help", "affirm", "deny", "rank", "recommend"):
            return self.base(act)
        if act == "states":
            return self.base("states", states=self.state.states)
        return None
