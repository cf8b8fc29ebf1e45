"""The user's words and numbers: phrase tables, money, percentages and counts, read or
refused (never silently changed), and the criteria a message names."""
import pytest

from knowledge.understanding import vocabulary as words
from knowledge.understanding.filters import read_criteria, requested_count
from knowledge.understanding.places import find_places
from knowledge.understanding.schools import find_schools


def criteria(text):
    """What a message says about a list (the values it sets, the fields it drops)."""
    found = words.tokens(text)
    schools = find_schools(text, found)
    reading = read_criteria(text, found, schools.listed,
                            find_places(text, found, schools.covered))
    return dict(reading.change.values), reading


@pytest.mark.parametrize("text, key", [
    ("what are the cheapest good programs", "tuition_low"),
    ("most affordable ml masters", "tuition_low"),
    ("priciest programs", "tuition_high"),
    ("top 5 most expensive", "tuition_high"),
    ("best value for money", "value"),
    ("highest graduation rate", "grad_rate"),
    ("where do the fewest students finish", "grad_rate_low"),
    ("list programs", None),
])
def test_sort_keys(text, key):
    assert words.sort_key(text) == key


def test_tokens_drop_apostrophes_and_possessives_and_split_hyphens():
    assert words.tokens("I can't leave CMU's co-op, Ph.D.") == (
        "i", "cant", "leave", "cmu", "co", "op", "ph.d")
    assert words.sort_key("6 best bang-for-buck programs") == "value"


@pytest.mark.parametrize("text, bare, amount", [
    ("under $20,000", False, 20000),
    ("under 20k", False, 20000),
    ("less than 30 thousand a year", False, 30000),
    ("max $15K", False, 15000),
    ("the 2026 ranking", False, None),
    ("top 5 programs", False, None),
    ("above 95%", False, None),
    ("45000", True, 45000),
    ("25", True, 25000),
])
def test_amounts(text, bare, amount):
    assert words.amount(text, bare=bare) == amount


@pytest.mark.parametrize("text", ["under $-5", "$1e308", "above 1000%", "12345678901234 dollars",
                                  "top " + "9" * 4400 + " programs"])
def test_numbers_no_one_could_mean_are_refused_not_changed(text):
    assert words.amounts(text) == [] and words.percents(text) == []
    assert requested_count(words.tokens(text)) is None


@pytest.mark.parametrize("text, count", [
    ("top 5 programs", 5), ("show me the best three", 3), ("just the top ten", 10),
    ("give me 7 cheap ones", 7), ("cheapest 7 programs", 7), ("10 most expensive programs", 10),
    ("give me 8 of them", 8), ("programs under 20k", None), ("top 20k", None),
    ("i have 2 kids", None), ("3 years of experience", None),
])
def test_counts(text, count):
    assert requested_count(words.tokens(text)) == count


def test_skip_and_stop_need_the_whole_answer():
    assert words.is_skip("skip") and words.is_skip("Doesn't matter!") and words.is_skip("/skip")
    assert not words.is_skip("skip the expensive ones in Texas")
    assert words.is_stop("cancel") and not words.is_stop("cancel my budget limit")


def test_a_whole_question_becomes_criteria():
    values, _ = criteria("top 5 public ML masters under $20k in california")
    assert values == {"control": "public", "max_tuition": 20000, "limit": 5, "states": ("CA",)}


@pytest.mark.parametrize("text, expected", [
    ("programs between $15k and $35k", {"min_tuition": 15000, "max_tuition": 35000}),
    ("make it 10k to 25k", {"min_tuition": 10000, "max_tuition": 25000}),
    ("15k-25k a year", {"min_tuition": 15000, "max_tuition": 25000}),
    ("programs with tuition under 20k", {"max_tuition": 20000}),  # a bound, not a sort
    ("grad rate above 95% under 30k", {"max_tuition": 30000, "min_grad_rate": 95}),
    ("only the ones with 95% grad rate or better", {"min_grad_rate": 95}),
    ("median tuition in Georgia vs New York", {"states": ("GA", "NY"),
                                               "sort_by": "tuition_low"}),
    ("programs on the west coast", {"states": ("CA", "OR", "WA")}),
    ("what ml programs are ranked in boston itself", {"cities": ("Boston",)}),
    ("cheapest of the UC campuses", {"sort_by": "tuition_low",
                                     "group": "University of California"}),
    ("which of the top 8 are cheaper than northeastern", {"sort_by": "tuition_low",
                                                          "max_rank": 8}),
    ("which ones can be done online or at night", {"formats": ("online", "part_time")}),
    ("i cant do more than 20k a year", {"max_tuition": 20000}),  # the longer cue wins
    ("more than 20k is fine", {"min_tuition": 20000}),
    ("living in chicago, whats around", {"cities": ("Chicago", "Evanston")}),
    ("schools in boston around 65k", {"cities": ("Boston",), "max_tuition": 65000}),
])
def test_criteria_from_words(text, expected):
    assert criteria(text)[0] == expected


def test_a_school_after_than_is_a_bound_not_a_subject():
    _, reading = criteria("which private schools are cheaper than Brandeis?")
    assert reading.anchors == ("Brandeis University",)
    assert reading.comparatives == (("tuition", "below"),)
    _, reading = criteria("any california schools cheaper than that with a better grad rate?")
    assert reading.anchor_focus and reading.comparatives == (("tuition", "below"),
                                                             ("grad_rate", "above"))


def test_state_names_inside_school_names_are_not_places():
    text = "is the university of north texas cheaper than penn state"
    values, _ = criteria(text)
    assert "states" not in values
    assert find_schools(text, words.tokens(text)).schools == (
        "University of North Texas", "Pennsylvania State University-Main Campus")


def test_forget_drops_a_criterion():
    values, reading = criteria("hm ok forget the budget, which ones can be done online at all")
    assert reading.change.cleared == ("min_tuition", "max_tuition")
    assert "max_tuition" not in values


def test_metro_areas_name_cities_of_listed_schools():
    """The metro_areas table joins cities the store has schools in, both ways."""
    from knowledge.store.queries import all_school_facts
    cities = {school.city for school in all_school_facts()}
    metro = words.vocabulary()["metro_areas"]
    assert metro and set(metro) <= cities
    assert all(set(near) <= cities and all(city in metro[n] for n in near)
               for city, near in metro.items())


def test_a_number_after_those_counts_schools_not_a_rate():
    found = words.tokens("grad rates for those 2?")
    reading = read_criteria("grad rates for those 2?", found, (), (), {"percent": ("2",)})
    assert "min_grad_rate" not in reading.change.values
    found = words.tokens("grad rate at least 90")
    reading = read_criteria("grad rate at least 90", found, (), (), {"percent": ("90",)})
    assert reading.change.values["min_grad_rate"] == 90


def test_misspelt_meaning_words_are_put_right_and_real_words_are_not():
    from knowledge.understanding.spelling import corrected

    assert corrected("4 most expensve ones") == "4 most expensive ones"
    assert corrected("wich progams r cheaper then uw") == "which programs r cheaper than uw"
    assert corrected("pubic unis in califronia") == "public unis in california"
    # words the knowledge data uses, and words not one edit from a target, stay as typed
    for text in ("backend dev in banking, it matters", "i hate coding", "see you then",
                 "with my kids", "im scared of the gre"):
        assert corrected(text) == text
