"""The user's words -> criteria: sort keys, amounts, percentages, counts, places, skips."""
import pytest

from knowledge.understanding import vocabulary as words
from knowledge.understanding.criteria import criteria_for, requested_changes
from knowledge.deciding.ranking import Criteria


@pytest.mark.parametrize("text, key", [
    ("what are the cheapest good programs", "tuition_low"),
    ("most affordable ml masters", "tuition_low"),
    ("priciest programs", "tuition_high"),
    ("top 5 most expensive", "tuition_high"),
    ("best value for money", "value"),
    ("highest graduation rate", "grad_rate"),
    ("top ranked programs", "score"),
    ("list programs", None),
])
def test_sort_keys(text, key):
    assert words.sort_key(text) == key


@pytest.mark.parametrize("text, bare, amount", [
    ("under $20,000", False, 20000),
    ("under 20k", False, 20000),
    ("less than 30 thousand a year", False, 30000),
    ("max $15K", False, 15000),
    ("under 30", False, 30000),
    ("the 2026 ranking", False, None),
    ("top 5 programs", False, None),
    ("above 95%", False, None),
    ("45000", True, 45000),
    ("25", True, 25000),
])
def test_amounts(text, bare, amount):
    assert words.amount(text, bare=bare) == amount


@pytest.mark.parametrize("text, count", [
    ("top 5 programs", 5), ("show me the best three", 3), ("just the top ten", 10),
    ("programs under 20k", None), ("top 20k", None),
])
def test_counts(text, count):
    assert words.count(text) == count


def test_skip_and_stop_need_the_whole_answer():
    assert words.is_skip("skip") and words.is_skip("Doesn't matter!") and words.is_skip("/skip")
    assert not words.is_skip("skip the expensive ones in Texas")
    assert words.is_stop("cancel") and not words.is_stop("cancel my budget limit")


def test_a_whole_question_becomes_criteria():
    changes = requested_changes("top 5 public ML masters under $20k in california", {})
    assert changes == {"sort_by": "score", "control": "public", "max_tuition": 20000,
                       "limit": 5, "state": "CA"}


def test_graduation_threshold_is_a_filter_not_the_sort():
    changes = requested_changes("programs with grad rate above 95% under 30k", {})
    assert changes == {"max_tuition": 30000, "min_grad_rate": 95}


def test_entities_win_over_the_text():
    entities = {"amount": ["25"], "ownership": ["state schools"], "city": ["Boston"]}
    changes = requested_changes("whatever", entities)
    assert changes == {"max_tuition": 25000, "control": "public", "city": "Boston"}


@pytest.mark.parametrize("text, place", [
    ("what about New York?", {"state": "NY"}),  # the state, which contains the city
    ("and in boston", {"city": "Boston"}),
    ("schools in PA", {"state": "PA"}),
])
def test_places(text, place):
    assert requested_changes(text, {}) == place


def test_refinement_keeps_earlier_criteria():
    first = criteria_for("cheapest programs in Boston", {})
    refined = criteria_for("only private ones", {}, first)
    assert refined == Criteria(sort_by="tuition_low", city="Boston", control="private")
