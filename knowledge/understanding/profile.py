"""What a user says about themselves (or the person they ask for): budget, where they are or
want to study, whether they can move, online or part-time because they work, research or
industry, public or private, their employer. These fill the "help me choose" answers, so the
bot asks only for what is still missing.

    "ICU nurse in Houston, money is tight and relocating isn't an option"
        -> state TX, city None (Houston has no listed school), budget_low, stays_local
"""
from functools import lru_cache
from typing import Any, Dict, Sequence

from knowledge.store.guides import find_term
from knowledge.understanding.filters import control_said
from knowledge.understanding.message_words import negated, split_sentences
from knowledge.understanding.places import Place
from knowledge.understanding.vocabulary import (
    Tokens, amounts, has, phrase_list, phrases_for_values, tokens, values, word_class)



def _kept_places(words: Tokens, places: Sequence[Place]) -> list:
    """Places not negated: "georgia not florida" keeps Georgia only."""
    return [place for place in places if not negated(words, place)]


def says_about_self(words: Tokens) -> bool:
    """"i", "my son", or what one is without "i": "systems engineer at a defense contractor
    in orlando" (vocabulary role_nouns), but not a role wished for ("want to become an ml
    engineer")."""
    return has(words, phrase_list("self_cues")) or any(
        word in word_class("role_nouns") and not set(words[max(0, i - 2):i]) & word_class(
            "aspired_role_before") for i, word in enumerate(words))


@lru_cache(maxsize=64)  # asked of one message by the reading, its profile and two rules
def covered_not_budget(text: str) -> bool:
    """Every amount stands in a sentence about what an employer pays ("google does up to 12k a
    year for school", "my company covers 5250"): what is covered, not what the user can pay."""
    found = False
    for sentence in split_sentences(text, r"(?<=[.!?;,])\s+|\n+"):
        if not amounts(sentence):
            continue
        words = set(tokens(sentence))
        payer = find_term("employer", [sentence]) or words & word_class("payer_nouns") and \
            words & word_class("benefit_words")
        if not payer:
            return False
        found = True
    return found


def read_profile(text: str, words: Tokens, places: Sequence[Place],
                 max_tuition: Any = None) -> Dict[str, Any]:
    """The profile facts a message states. "Money is tight", "can't move", "part-time",
    "research" speak of the user wherever they stand; a place, an amount, public/private and
    an employer only when the message speaks of the user ("I", "my son", "we")."""
    found: Dict[str, Any] = {}
    if says_about_self(words) or has(words, phrase_list("recommend_cues")):
        found.update(_personal_facts(text, words, places, max_tuition))
    if has(words, phrase_list("low_budget")):
        found["budget_low"] = True
    if has(words, phrase_list("stay_local")):
        found["stays_local"] = True
        found["stays_in_state"] = has(words, phrase_list("stay_in_state")) or any(
            place.kind == "state" for place in _kept_places(words, places))
    if has(words, phrase_list("open_to_moving")):  # "anywhere in the us": no place holds
        found.update(state=None, more_states=(), city=None, stays_local=False,
                     stays_in_state=False)
    formats = values(words, phrases_for_values("study_formats"))
    # "full time job ... totally online": online (it can be done while working, too)
    study_format = "online" if "online" in formats else (formats or [None])[0]
    if study_format:
        found["format"] = study_format
    goal = (values(words, phrases_for_values("goals")) or [None])[0]
    if goal:
        found["goal"] = goal
    if found:
        found["about"] = " ".join(text.split())[:300]
    return found


def _personal_facts(text: str, words: Tokens, places: Sequence[Place],
                    max_tuition: Any) -> Dict[str, Any]:
    found: Dict[str, Any] = {}
    if max_tuition and not covered_not_budget(text):
        found["budget"] = max_tuition
    kept = [] if has(words, phrase_list("open_to_moving")) else _kept_places(words, places)
    states = [place for place in kept if place.kind == "state"]
    cities = [place for place in kept if place.kind == "city"]
    codes = tuple(dict.fromkeys(p.value for p in states))
    if len({p.value for p in cities}) > 1 and len({p.state for p in cities}) == 1 and not codes:
        codes = (cities[0].state,)  # "socal" (LA, Irvine, San Diego): their state, for advice
        cities = []
    if cities:
        found.update(city=cities[0].value, state=cities[0].state, more_states=())
    elif codes:  # "florida or georgia": either will do
        found.update(state=codes[0], more_states=codes[1:], city=None)
    control = control_said(words, places, text)  # "they said no private schools": public
    if control:
        found["control"] = control
    employer = find_term("employer", [text], last=has(words, phrase_list("job_change_cues")) or
                         has(words, phrase_list("correction_cues")))
    if employer:
        found["employer"] = employer
    return found
