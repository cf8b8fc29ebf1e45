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
from dataclasses import replace
from typing import Any, Callable, Sequence, Set, Tuple

from knowledge.question import Criteria, CriteriaChange, Message, Question
from knowledge.state import ConversationState
from knowledge.understanding.acts import Reader
from knowledge.understanding.filters import CriteriaReading, control_wished, read_criteria
from knowledge.understanding.message_words import (
    Words, about_user, corrected_away, left_out, negated, with_bare_number)
from knowledge.understanding.places import Place, elsewhere, find_places, other_city
from knowledge.understanding.profile import covered_not_budget, read_profile
from knowledge.understanding.references import read_references
from knowledge.understanding.schools import Named, SchoolMentions, find_schools
from knowledge.understanding.spelling import corrected
from knowledge.understanding.vocabulary import (
    amounts, ends_with_phrase, find, phrase_list, taken_back, tokens, unusable_numbers,
    vocabulary, word_class)
from knowledge.understanding.subjects import Subjects


def read(message: Message, state: ConversationState) -> Question:
    """The message as one structured question, in the context of the conversation."""
    text = " ".join((message.text or "").split())
    if not text:
        return Question("empty")
    meant = corrected(text)
    if meant != text:  # "4 most expensve ones": read as what was meant
        return read(replace(message, text=meant), state)
    text, refused = _without_unusable_numbers(text)
    if refused:  # "$-5" is left out and the user told so, never read as $5 or $5,000
        question = read(replace(message, text=text), state) if text else Question("unclear")
        return question.but(refused=refused)
    text, income = _without_income(text)
    words = Words(text, about_user(text))
    entities = {name: tuple(v) for name, v in (message.entities or {}).items()}
    if income:  # the NLU's "70k" of "making 70k" is what they earn too
        entities["amount"] = tuple(a for a in entities.get("amount", ())
                                   if not {x.dollars for x in amounts(a, bare=True)} & income)
    mentions = _without_taken_back(_without_background(
        find_schools(text, words.tokens, entities.get("school", ())), words), words, state)
    places = find_places(text, words.tokens, mentions.covered)
    places = [p for p in places if not corrected_away(words.tokens, p, places)]
    kept = [p for p in places if not negated(words.tokens, p)]
    asked_places = [p for p in kept if p.start not in words.hidden and not elsewhere(p)]
    online = "online" in words.values("study_formats")  # where they live limits no online
    # program: "can't relocate, he'd need something fully online. which ranked programs do that"
    refs = with_bare_number(read_references(text, words.tokens), words)
    it_hits = find(words.tokens, phrase_list("it_phrases"))
    if refs.focus and it_hits:
        refs = replace(refs, focus=False)  # "make it private only": no school meant
    not_pointing = {i for h in it_hits for i in range(h.start, h.end)} | words.hidden
    # ("if it's covered", a told sentence: no pointing there)
    there = {words.tokens[h.start:h.end] for h in find(words.tokens, phrase_list("focus_words"))
             if h.start not in not_pointing} == {("there",)}
    if refs.focus and not there and any(_names_schools(words, p) for p in places):
        refs = replace(refs, focus=False)  # "which georgia schools made it and what do they
        # cost": they are the schools of that place, not the school in focus
    if not asked_places and not online and (there or _asks_for_a_list(words)):
        # "he lives in georgia ... anything there?", "she's in pennsylvania and wants a public
        # school. options?" (not "i'd relocate")
        asked_places = [p for p in kept if not elsewhere(p)]
    if there and [p for p in asked_places if not _names_schools(words, p)]:
        refs = replace(refs, focus=False)  # "in nyc. whats there": the place named
    joiners = vocabulary()["place_code_context"]["joiners"]
    out = [p for p in places if p.kind == "state" and (
        negated(words.tokens, p) or left_out(words.tokens, p))]
    out += [p for p in places if p.kind == "state" and any(  # "drop the california and
        q.end + 1 == p.start and words.tokens[q.end] in joiners for q in out)]
    dropped = tuple(dict.fromkeys(p.value for p in out))  # washington ones": both
    asked_places = [p for p in asked_places if p.value not in dropped]
    crit = read_criteria(text, words.asked(), mentions.listed, asked_places, entities, dropped,
                         rank_talk=_rank_talk(state), money_talk=_money_talk(state),
                         score_talk=_score_talk(state))
    if "min_rank" in crit.change.values or (  # "ranked 11 through 15": a list, not rank 11
            _money_talk(state) and "min_tuition" in crit.change.values):
        refs = replace(refs, ranks=(), numbers=())  # ("i meant 55 to 60": thousands)
    list_asked = "control" in crit.change.values or "sort_by" in crit.change.values and bool(
        word_class("superlatives") & set(words.tokens))  # (not "whats the grad rate there")
    there_asked = there and not kept and list_asked and not asked_places and not online
    own_place = state.profile.city or state.profile.state
    if there_asked and not own_place and state.last_list:
        refs = replace(refs, focus=False, all_rows=True)  # "cheapest one there": of the list
    elif not asked_places and not online and (words.has("stay_local") or there_asked or
                                              words.has("own_place_cues")):
        # "what could I commute to", "highest ranked private one there" (her city, said before)
        crit = _near_the_user(crit, state, kept)
    crit = _with_wished_control(crit, words, places)
    if "max_tuition" in crit.change.values and covered_not_budget(text) and \
            not words.has("covered_bound_cues"):
        # "company gives 10k/yr for tuition. whats my cheapest ml masters around here": what
        # is covered, no bound on the list
        crit = replace(crit, change=CriteriaChange(
            {k: v for k, v in crit.change.values.items() if k != "max_tuition"},
            crit.change.cleared))
    crit = _within_own_budget(crit, words, state)
    subjects = Subjects(words, refs, mentions, places, crit, state)
    profile = read_profile(text, words.tokens, places, crit.change.values.get("max_tuition"))
    return Reader(message, state, words, mentions, places, refs, crit, subjects,
                   profile).question()


def _names_schools(words: Words, place: Place) -> bool:
    """"georgia schools", "the texas one": a place that says which schools, not where."""
    return place.end < len(words.tokens) and words.tokens[place.end] in word_class("row_nouns")


def _asks_for_a_list(words: Words) -> bool:
    """"anything there?", or a question of list words alone ("options?", "ideas?")."""
    if words.has("open_to_moving"):
        return False
    asked = [w for i, w in enumerate(words.tokens) if i not in words.hidden]
    return words.has("list_requests") or bool(asked) and set(asked) <= word_class("bare_list_asks")


def _after_list_bound_by(state: ConversationState, bound: Callable[[Criteria], Any]) -> bool:
    """The last answer was a list (or a page of one) whose criteria hold this bound."""
    criteria = state.last_list.criteria if state.last_list else None
    return bool(state.last_act in ("rank", "more", "rank_within") and criteria and
                bound(criteria))


def _rank_talk(state: ConversationState) -> bool:
    """Ranks were just asked ("who's number 7", a list of ranks 11-15): bare numbers that
    follow ("8 and 9?", "now do 16 to 20") are ranks too."""
    return state.last_act == "rank_lookup" or \
        _after_list_bound_by(state, lambda criteria: criteria.min_rank)


def _score_talk(state: ConversationState) -> bool:
    """A list bound by the source's score was just shown ("programs scoring above 70"): a
    bare bound that follows ("oops above 80 i meant") is a score too."""
    return _after_list_bound_by(state, lambda criteria: criteria.min_score is not None or
                                criteria.max_score is not None)


def _money_talk(state: ConversationState) -> bool:
    """A list between two tuitions was just shown ("between 50k and 55k"): a bare range
    that follows ("sorry, i meant 55 to 60") is thousands of dollars too."""
    return _after_list_bound_by(state, lambda criteria: criteria.min_tuition and
                                criteria.max_tuition)


INCOME_REACH = 3  # words between "making" and the amount ("making like 70k")


def _without_income(text: str) -> Tuple[str, Set[int]]:
    """The text without what the user earns ("a junior analyst in denver making 70k"): a
    salary is no budget and no bound on a list. The amounts taken out, in dollars."""
    cut, taken = text, set()
    for found in reversed(amounts(text)):
        before = tokens(text[:found.start])[-INCOME_REACH - 1:]
        if found.explicit and any(w in word_class("income_words") for w in before):
            cut = f"{cut[:found.start]} {cut[found.end:]}"
            taken.add(found.dollars)
    return (" ".join(cut.split()), taken) if taken else (text, taken)


def _without_unusable_numbers(text: str) -> Tuple[str, Tuple[str, ...]]:
    """The text without the numbers no answer can use, and those numbers as written."""
    spans = unusable_numbers(text)
    refused = tuple(dict.fromkeys(text[start:end] for start, end in spans))
    for start, end in reversed(spans):
        text = f"{text[:start]} {text[end:]}"
    return " ".join(text.split()), refused


def _without_background(mentions: SchoolMentions, words: Words) -> SchoolMentions:
    """"my son's graduating from ucla ... public schools in california": a school the user
    speaks of as their past or present (background_cues), not one they ask about."""
    if not words.has("self_cues"):
        return mentions
    def background(named: Named) -> bool:
        return ends_with_phrase(words.tokens, named.start, "background_cues") and \
            not ends_with_phrase(words.tokens, named.start, "supposed_cues")

    return replace(mentions, listed=tuple(n for n in mentions.listed if not background(n)),
                   unlisted=tuple(n for n in mentions.unlisted if not background(n)))


def _without_taken_back(mentions: SchoolMentions, words: Words,
                        state: ConversationState) -> SchoolMentions:
    """"sorry not emory, i meant cheaper than nyu": a school taken back, when another is
    named in its place (one in focus stays: "i meant syracuse, not usc" swaps it out)."""
    kept = tuple(n for n in mentions.listed if not taken_back(words.tokens, n.start)
                 or n.school in state.focus)
    if not kept or len(kept) == len(mentions.listed):
        return mentions
    return replace(mentions, listed=kept)


def _with_wished_control(crit: CriteriaReading, words: Words, places) -> CriteriaReading:
    """"im from pittsburgh and want a public school. whats on the list in PA?": public or
    private wished for in a sentence about the user holds for the list asked (a place there
    is where the user is, and stays out)."""
    if "control" in crit.change.values or not words.hidden:
        return crit
    told = tuple(w if i in words.hidden else "" for i, w in enumerate(words.tokens))
    wished = control_wished(told, places)
    if wished is None:
        return crit
    return _with_values(crit, control=wished)


def _within_own_budget(crit: CriteriaReading, words: Words,
                       state: ConversationState) -> CriteriaReading:
    """"top 3 by rank that fit my budget": the budget the user said before, as a bound."""
    budget = state.profile.budget
    if not budget or "max_tuition" in crit.change.values or not words.has("own_budget_cues"):
        return crit
    return _with_values(crit, max_tuition=budget)


def _near_the_user(crit: CriteriaReading, state: ConversationState,
                   told: Sequence[Place]) -> CriteriaReading:
    """"what could I commute to from here": the place the user said they are, in this
    message ("i live in georgia and wanna stay in state. whats ranked") or before."""
    profile = state.profile
    # a city no listed school is in ("swe at microsoft in redmond ... around here"): its state
    told = [Place("state", p.state, p.state, p.start, p.end) if elsewhere(p) and p.state else p
            for p in told]
    told_states = tuple(dict.fromkeys(p.value for p in told if p.kind == "state"))
    told_cities = tuple(dict.fromkeys(p.value for p in told if p.kind == "city"))
    if told_cities and not (told_states and all(p.state in told_states for p in told
                                                if p.kind == "city")):
        return _with_values(crit, cities=told_cities)  # (but "in atlanta and wants to stay
    if told_states:  # in georgia": the state)
        return _with_values(crit, states=told_states)
    if profile.city and not other_city(profile.city):
        return _with_values(crit, cities=(profile.city,))
    if profile.state:
        return _with_values(crit, states=(profile.state,))
    return crit


def _with_values(crit: CriteriaReading, **values: Any) -> CriteriaReading:
    """The criteria read, with these values set (what they clear stays cleared)."""
    return replace(crit, change=CriteriaChange({**crit.change.values, **values},
                                               crit.change.cleared))
