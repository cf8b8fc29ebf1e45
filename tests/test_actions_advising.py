"""Ranking, comparison, guidance and "help me choose" actions through rasa-sdk's executor."""
from pathlib import Path

import pytest
import yaml

from tests.action_runner import executor as new_executor, run, tracker

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain.yml").read_text())


@pytest.fixture(scope="module")
def executor():
    return new_executor()


def test_rank_then_refine_then_show_more(executor):
    texts, _, slots = run(executor, "action_rank_schools", tracker(
        "what are the cheapest programs in California?", "rank_schools",
        [("sort_key", "cheapest"), ("state", "California")]))
    assert "1. San Jose State University" in texts[0] and "$5,742/yr" in texts[0]
    assert slots["ranking"]["state"] == "CA" and slots["ranking_page"] == 0
    assert slots["last_list"] == "ranking"
    texts, _, slots = run(executor, "action_refine", tracker(
        "only private ones", "inform", [("ownership", "private")],
        ranking=slots["ranking"], ranking_page=0, last_list="ranking"))
    assert "private, in California" in texts[0] and "San Jose" not in texts[0]
    assert slots["ranking"] == {**slots["ranking"], "control": "private", "state": "CA"}
    texts, _, slots = run(executor, "action_refine", tracker(
        "what about New York?", "inform", [("state", "New York")],
        ranking=slots["ranking"], last_list="ranking"))
    assert "private, in New York" in texts[0] and "Rochester Institute of Technology" in texts[0]
    everything = {"sort_by": "score"}
    texts, _, slots = run(executor, "action_show_more", tracker(
        "show more", "show_more", ranking=everything, ranking_page=0))
    assert texts[0].startswith("Rows 6-10 of 25") and slots["ranking_page"] == 1


def test_refine_without_criteria_or_ranking(executor):
    texts, _, slots = run(executor, "action_refine", tracker("hmm ok", "inform"))
    assert "how to change the list" in texts[0] and slots == {}
    texts, _, slots = run(executor, "action_refine", tracker(
        "public ones under $20k", "inform", [("ownership", "public"), ("amount", "$20k")]))
    assert "public" in texts[0] and slots["ranking"]["max_tuition"] == 20000
    texts, _, _ = run(executor, "action_show_more", tracker("more", "show_more"))
    assert "no list to continue" in texts[0]


def test_compare_sets_the_school_in_context(executor):
    texts, _, slots = run(executor, "action_compare_schools", tracker(
        "which is cheaper, Penn or NYU?", "compare_schools", ["Penn", "NYU"]))
    assert "Cheapest: Penn" in texts[0] and slots["school"] == "New York University"


@pytest.mark.parametrize("intent, text, entities, expected", [
    ("ask_thesis", "should i do a thesis", [], "Typically 6 fewer course credits"),
    ("ask_career", "what does an NLP engineer do?", [("career", "NLP engineer")],
     "SOC 15-1252"),
    ("ask_employer_benefits", "does Amazon pay for a master's?", [("employer", "Amazon")],
     "95% of tuition"),
    ("ask_state_stats", "median tuition in Texas?", [("state", "Texas")], "$18,900"),
    ("ask_salary", "how much do ml grads make", [], "$157,000"),
    ("ask_financing", "how do people pay for this", [], "$25,000-$35,000"),
    ("ask_part_time", "can i study part time", [], "2.5-4 years"),
    ("ask_work_experience", "do i need work experience", [], "60-70%"),
    ("ask_specializations", "which specialization pays best", [], "$165,000"),
    ("ask_program_types", "what kind of program suits me", [], "GT OMSCS"),
])
def test_guides(executor, intent, text, entities, expected):
    texts, _, _ = run(executor, "action_answer_guide", tracker(text, intent, entities))
    assert expected in texts[0]


def _validate(executor, slot, text, **slots):
    state = tracker(text, "inform", active_loop="recommend_form", requested_slot=slot,
                    **{slot: text}, **slots)
    state["events"] = [{"event": "user", "text": text},
                       {"event": "slot", "name": slot, "value": text}]
    return run(executor, "validate_recommend_form", state, DOMAIN)


def test_form_answers_are_parsed(executor):
    _, _, slots = _validate(executor, "pref_budget", "around 20 thousand")
    assert slots["pref_budget"] == "20000"
    _, _, slots = _validate(executor, "pref_location", "skip", pref_budget="20000")
    assert slots["pref_location"] == "any"


def test_form_answer_not_understood_is_asked_again(executor):
    texts, _, slots = _validate(executor, "pref_budget", "lots")
    assert slots["pref_budget"] is None and "yearly budget" in texts[0]


def test_form_stop_fills_the_rest_with_any(executor):
    texts, _, slots = _validate(executor, "pref_goal", "stop", pref_budget="30000",
                                pref_location="CA")
    assert slots["pref_budget"] == "30000" and slots["pref_location"] == "CA"
    assert slots["pref_goal"] == slots["pref_control"] == "any"
    assert "no more questions" in texts[0]


def test_recommend_and_change_an_answer(executor):
    answers = {"pref_budget": "20000", "pref_location": "any", "pref_goal": "research",
               "pref_control": "public"}
    texts, _, slots = run(executor, "action_recommend", tracker("public", "inform", **answers))
    assert "1. University of Washington-Seattle Campus" in texts[0]
    assert slots == {"last_list": "recommendation"}
    texts, _, slots = run(executor, "action_refine", tracker(
        "actually make it california", "inform", [("state", "California")],
        last_list="recommendation", **answers))
    assert slots == {"pref_location": "CA", "last_list": "recommendation"}
    assert "1. University of California-Irvine" in texts[0]


def test_after_a_recommendation_a_ranking_word_ranks(executor):
    answers = {"pref_budget": "20000", "pref_location": "any", "pref_goal": "any",
               "pref_control": "any"}
    texts, _, slots = run(executor, "action_refine", tracker(
        "sort by graduation rate", "inform", [("sort_key", "graduation rate")],
        last_list="recommendation", **answers))
    assert "graduation rate" in texts[0] and slots["last_list"] == "ranking"
    assert not any(name.startswith("pref_") for name in slots)


@pytest.mark.parametrize("action, intent", [
    ("action_rank_schools", "rank_schools"), ("action_compare_schools", "compare_schools"),
    ("action_answer_guide", "ask_career"), ("action_answer_guide", "ask_state_stats"),
    ("action_answer_guide", "ask_employer_benefits"),
    ("action_refine", "inform"),
])
@pytest.mark.parametrize("text", ["", "'; DROP TABLE schools; --", "🎓🤖🎓", "x" * 10_000])
def test_bad_input_never_breaks_an_action(executor, action, intent, text):
    texts, _, _ = run(executor, action, tracker(text, intent, [("school", text)] if text else []))
    assert texts and texts[0] and len(texts[0]) < 2500
