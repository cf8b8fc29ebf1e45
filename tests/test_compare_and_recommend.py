"""Comparisons, ranking pages and recommendations, as text, against the real store."""
import re

from knowledge.deciding.ranking import rank
from knowledge.deciding.recommend import recommend
from knowledge.question import Criteria
from knowledge.replying.comparisons import comparison_reply
from knowledge.replying.ranking_answers import ranking_reply
from knowledge.replying.recommendations import recommendation_reply
from knowledge.state import Profile
from knowledge.store.queries import school_facts


def schools(*names):
    return [school_facts(name) for name in names]


CMU, USC, UW = "Carnegie Mellon University", "University of Southern California", \
    "University of Washington-Seattle Campus"


def test_compare_three_on_every_field():
    text = comparison_reply(schools(CMU, USC, UW), ())
    assert "Cheapest: University of Washington-Seattle Campus ($11,524/yr" in text
    assert "Highest ranked: Carnegie Mellon University" in text
    assert "Best value: University of Washington-Seattle Campus" in text


def test_compare_on_one_field():
    text = comparison_reply(schools("University of Pennsylvania", "New York University"),
                            ("tuition",))
    assert ("Cheapest: University of Pennsylvania ($58,620/yr vs $60,438/yr for NYU, $1,818 a "
            "year less)") in text
    assert "graduation" not in text


def test_compare_unknowns_never_win():
    text = comparison_reply(schools("New York University", "Boston University"), ("grad_rate",))
    assert "can't say" in text and "not listed" in text and "0%" not in text


def test_a_tie_on_score_names_the_source_order():
    text = comparison_reply(schools("Northeastern University", "Brandeis University"),
                            ("score",))
    assert "a tie between Northeastern, Brandeis (#10, score 65.4)" in text
    assert "the source ranks Northeastern first (#10)" in text


def test_value_shows_its_formula_and_inputs():
    text = comparison_reply(schools(UW, "University of California-Irvine"), ("value",))
    assert "value 70.9 (score 81.7, $11,524/yr)" in text
    assert "score ÷ (yearly tuition / $10,000)" in text


def test_ranking_page_shows_five_rows_and_says_how_many_more():
    ranking = rank(Criteria(sort_by="grad_rate"))
    first = ranking_reply(ranking, 0)
    assert re.findall(r"^(\d+)\. ", first, re.MULTILINE) == ["1", "2", "3", "4", "5"]
    assert "20 more" in first and "listed last, unranked" in first
    last = ranking_reply(ranking, 20)
    assert "Rows 21-25 of 25" in last and "New York University" in last
    assert "That's all" in ranking_reply(ranking, 25)


def test_asking_for_n_shows_n():
    reply = ranking_reply(rank(Criteria(sort_by="tuition_low", limit=7)), 0, 7)
    assert "7. University of California-Santa Cruz" in reply and "8." not in reply
    assert "18 more" in reply  # 25 listed, 7 shown


def test_asking_for_more_than_the_source_lists_says_so():
    reply = ranking_reply(rank(Criteria(limit=25)), 0, 25, asked_count=40)
    assert "You asked for 40; the source lists 25 rows" in reply and "25. Saint Louis" in reply


def test_ranking_reply_rows_have_rank_location_tuition_and_key():
    reply = ranking_reply(rank(Criteria(sort_by="value", limit=1)), 0)
    assert "University of Central Florida (#18, Orlando, FL, public) — $4,478/yr" in reply
    assert "value 137.1" in reply and "score ÷ (yearly tuition / $10,000)" in reply


def test_ranking_reply_with_state_quotes_the_states_table():
    reply = ranking_reply(rank(Criteria(sort_by="tuition_low", states=("CA",))), 0)
    assert reply.index("San Jose State") < reply.index("University of California-Irvine")
    assert "California has 23 ML master's programs" in reply


def test_no_match_suggests_dropping_a_filter():
    reply = ranking_reply(rank(Criteria(states=("MA",), control="public")), 0)
    assert "The source lists no program that matches among its 25 rows" in reply
    assert "Without the public/private filter" in reply


def test_a_place_with_no_listed_program_is_said_plainly():
    reply = ranking_reply(rank(Criteria(states=("OH",))), 0)
    assert "The source lists no program in Ohio" in reply
    assert "states table does not cover Ohio" in reply and "$" not in reply


def test_recommendation_fits_budget_goal_and_control():
    profile = Profile(budget=20000, goal="research", control="public")
    matches = recommend(profile)
    assert matches[0].school.short_name == "UW" and not matches[0].misses
    reply = recommendation_reply(profile, matches, (), None, (), ())
    assert "fits your $20,000 budget: $11,524/yr" in reply and "97% graduation rate" in reply


def test_recommendation_online_uses_stated_formats_only():
    matches = recommend(Profile(format="online"))
    assert all(any(fit.kind == "format" for fit in m.fits) for m in matches)
    assert {m.school.short_name for m in matches} <= {"Syracuse", "UW", "Penn", "NYU"}


def test_someone_who_cannot_move_gets_the_schools_of_their_city_first():
    matches = recommend(Profile(city="Chicago", state="IL", stays_local=True, goal="industry"))
    assert {m.school.short_name for m in matches[:2]} == {"Illinois Tech", "Northwestern"}
    assert not any(m.broken for m in matches[:2])  # Evanston is no move from Chicago


def test_recommendation_says_when_nothing_fits_everything():
    profile = Profile(budget=5000, state="MA", control="public")
    reply = recommendation_reply(profile, recommend(profile), (), None, (), ())
    assert "No listed school fits everything" in reply and "but" in reply
