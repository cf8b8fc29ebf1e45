"""Mentions -> schools: aliases, typos, near misses and things that are not schools."""
import pytest

from knowledge.store.queries import school_resolver
from knowledge.understanding.resolve import SchoolResolver, normalize


@pytest.mark.parametrize("mention, school", [
    ("CMU", "Carnegie Mellon University"),
    ("carnegie mellon", "Carnegie Mellon University"),
    ("carnegie melon", "Carnegie Mellon University"),
    ("Carnegie Mellon University", "Carnegie Mellon University"),
    ("UW", "University of Washington-Seattle Campus"),
    ("univ of washington", "University of Washington-Seattle Campus"),
    ("University of Washington Seattle Campus", "University of Washington-Seattle Campus"),
    ("Penn", "University of Pennsylvania"),
    ("UPenn", "University of Pennsylvania"),
    ("the University of Pennsylvania", "University of Pennsylvania"),
    ("Penn State", "Pennsylvania State University-Main Campus"),
    ("pen state", "Pennsylvania State University-Main Campus"),
    ("USC", "University of Southern California"),
    ("NYU", "New York University"),
    ("UCI", "University of California-Irvine"),
    ("uc irvine", "University of California-Irvine"),
    ("UCF", "University of Central Florida"),
    ("UCSC", "University of California-Santa Cruz"),
    ("north western", "Northwestern University"),
    ("syracus", "Syracuse University"),
    ("john hopkins", "Johns Hopkins University"),
    ("emory univ", "Emory University"),
    ("u of penn", "University of Pennsylvania"),
    ("carnegy mellon", "Carnegie Mellon University"),
    ("St. Louis University", "Saint Louis University"),
    ("Pitt", "University of Pittsburgh-Pittsburgh Campus"),
    ("SJSU", "San Jose State University"),
])
def test_names_aliases_and_typos_resolve(mention, school):
    resolution = school_resolver().resolve(mention)
    assert resolution.found and resolution.school == school


@pytest.mark.parametrize("mention", [
    "Hogwarts", "Stanford", "MIT", "Washington University", "Georgia Tech", "Boston College",
    "Pittsburgh", "Boston", "", "   ", "🎓🤖", "'; DROP TABLE schools; --", "usd", "xyz"])
def test_unknown_mentions_resolve_to_nothing(mention):
    resolution = school_resolver().resolve(mention)
    assert not resolution.found and resolution.suggestion is None


def test_short_mentions_need_an_exact_alias():
    # "ucsd" is one letter from "ucsc", but 4-letter guesses are too risky to take.
    assert not school_resolver().resolve("ucsd").found
    assert school_resolver().resolve("ucsc").school == "University of California-Santa Cruz"


def test_a_near_miss_is_offered_not_taken():
    resolver = SchoolResolver([("Boston University", ["BU"])])
    resolution = resolver.resolve("Bostn Univ")
    assert resolution.school == "Boston University"  # one letter off: taken
    near = resolver.resolve("Bostin Univ")
    assert near.school is None and near.suggestion == "Boston University"
    assert 75 <= near.score < 88


def test_a_one_letter_typo_in_a_short_name_is_offered():
    near = school_resolver().resolve("emery university")
    assert near.suggestion == "Emory University" and not near.found


@pytest.mark.parametrize("text, school", [
    ("how much is tuition at carnegie melon?", "Carnegie Mellon University"),
    ("is univ of washington public or private", "University of Washington-Seattle Campus"),
    ("tell me about clark", "Clark University"),
    ("whats the grad rate at john hopkins", "Johns Hopkins University"),
])
def test_schools_are_found_in_free_text(text, school):
    assert school_resolver().find_in_text(text).school == school


@pytest.mark.parametrize("text", ["what can you do", "tuition at Hogwarts", "where is it?",
                                  "SELECT * FROM schools WHERE 1=1; --", "", "🎓🎓🎓",
                                  "what is the tuition of the university",
                                  "programs in washington state"])
def test_free_text_without_a_school_finds_none(text):
    assert school_resolver().find_in_text(text) is None


def test_ten_kilobytes_of_text_are_scanned_safely():
    text = ("blah " * 2000) + " tuition at CMU"
    assert len(text) > 10_000
    # Only the first part of a huge message is scanned: no school, and no crash.
    assert school_resolver().find_in_text(text) is None
    assert school_resolver().find_in_text("CMU " + text).school == "Carnegie Mellon University"


def test_normalize():
    assert normalize("The Univ. of Washington-Seattle") == "university of washington seattle"
    assert normalize("Texas A&M") == "texas a and m"
    assert normalize("Émory") == "emory"
