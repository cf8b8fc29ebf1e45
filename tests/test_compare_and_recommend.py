"""Comparisons, ranking replies and recommendations, as text, against the real store."""
import pytest

from knowledge.deciding.compare import compare_reply
from knowledge.deciding.ranking import Criteria, rank
from knowledge.replying.ranking_answers import PAGE_SIZE, ranking_reply
from knowledge.deciding.recommend import (ANY, Preferences, changes_in, parse_budget, parse_location,
                                 recommend, recommendation_reply)


def test_compare_three_on_every_field():
    result = compare_reply([], "compare CMU, USC and UW", None)
    assert result.schools == ("Carnegie Mellon University", "University of Southern California",
                              "University of Washington-Seattle Campus")
    assert "Cheapest: UW ($11,524/yr" in result.text
    assert "Highest ranked: CMU" in result.text and "Best value: UW" in result.text


def test_which_is_cheaper():
    text = compare_reply(["Penn", "NYU"], "which is cheaper, Penn or NYU?", None).text
    assert "Cheapest: Penn ($58,620/yr vs $60,438/yr for NYU)" in text


def test_compare_on_graduation_rate_names_the_city_school():
    text = compare_reply([], "CMU vs Syracuse on graduation rate", None).text
    assert "Highest graduation rate: Syracuse (99%" in text


def test_compare_unknowns_never_win():
    text = compare_reply([], "NYU vs BU graduation rate", None).text
    assert "can't say" in text and "not listed" in text


def test_compare_with_the_school_in_context():
    result = compare_reply(["USC"], "how does it compare to USC", "Clark University")
    assert result.schools == ("Clark University", "University of Southern California")


def test_compare_needs_two_schools():
    text = compare_reply(["Hogwarts"], "compare hogwarts", None).text
    assert "not among the listed schools" in text and "Name two to five" in text


def test_compare_at_most_five():
    text = compare_reply([], "compare cmu usc syracuse uw penn nyu", None).text
    assert "up to 5" in text and "NYU" not in text.split("Side by side:")[1]


def test_ranking_reply_pages_and_notes():
    ranking = rank(Criteria(sort_by="grad_rate"))
    first = ranking_reply(ranking, 0)
    assert first.count("\n1. ") == 1 and "5. " in first and "6. " not in first
    assert "20 more" in first and "listed last, unranked" in first
    last = ranking_reply(ranking, 4)
    assert "Rows 21-25 of 25" in last and "New York University" in last
    assert "That's all" in ranking_reply(ranking, 5)


def test_ranking_reply_rows_have_rank_location_tuition_and_key():
    reply = ranking_reply(rank(Criteria(sort_by="value", limit=1)), 0)
    assert "University of Central Florida (#18, Orlando, FL, public) — $4,478/yr" in reply
    assert "value 137.1" in reply and "score ÷ (yearly tuition / $10,000)" in reply


def test_ranking_reply_with_state_quotes_the_states_table():
    reply = ranking_reply(rank(Criteria(sort_by="tuition_low", state="CA")), 0)
    assert reply.index("San Jose State") < reply.index("University of California-Irvine")
    assert "California has 23 ML master's programs" in reply


def test_no_match_suggests_dropping_a_filter():
    reply = ranking_reply(rank(Criteria(state="MA", control="public")), 0)
    assert "None of the 25 schools" in reply and "Without the public/private filter" in reply


def test_page_size():
    assert PAGE_SIZE == 5


@pytest.mark.parametrize("text, value", [
    ("$20k", "20000"), ("around 25 thousand a year", "25000"), ("skip", ANY),
    ("no limit", ANY), ("a lot of money maybe", None),
])
def test_budget_answers(text, value):
    assert parse_budget(text) == value


@pytest.mark.parametrize("text, value", [
    ("California", "CA"), ("Boston", "city:Boston"), ("online", "online"),
    ("part-time while working", "part_time"), ("doesn't matter", ANY), ("on the moon", None),
])
def test_location_answers(text, value):
    assert parse_location(text) == value


def test_recommendation_fits_budget_goal_and_control():
    matches = recommend(Preferences(budget="20000", goal="research", control="public"))
    assert matches[0].school.short_name == "UW" and not matches[0].misses
    reply = recommendation_reply(Preferences(budget="20000", goal="research", control="public"))
    assert "fits your $20,000 budget: $11,524/yr" in reply and "97% graduation rate" in reply


def test_recommendation_online_uses_stated_formats_only():
    matches = recommend(Preferences(location="online"))
    assert all("online" in " ".join(m.fits) for m in matches)
    assert {m.school.short_name for m in matches} <= {"Syracuse", "UW", "Penn", "NYU"}


def test_recommendation_says_when_nothing_fits_everything():
    reply = recommendation_reply(Preferences(budget="5000", location="MA", control="public"))
    assert "No listed school fits every answer" in reply and "but" in reply


def test_changing_one_answer():
    assert changes_in("change my budget to $30k", {}) == {"budget": "30000"}
    assert changes_in("actually any state", {}) == {"location": ANY}
    assert changes_in("make it california instead", {}) == {"location": "CA"}
    assert changes_in("hmm", {}) == {}
