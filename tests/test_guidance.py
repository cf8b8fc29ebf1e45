"""Guidance facts in the store and their replies, checked against the source document."""
import re

import pytest

from knowledge.store import guides
from knowledge.replying.guide_answers import (GUIDE_KEYS, benefit_reply, career_reply, guide_reply,
                                              states_reply)
from knowledge.store.queries import all_school_facts, state_stats, states_in_table
from tests import source_document


def test_every_guide_is_in_the_store_and_its_figures_are_in_the_source():
    source = source_document.text()
    for key in GUIDE_KEYS:
        guide = guides.guide(key)
        assert guide is not None and guide.groups, key
        text = " ".join([guide.summary, guide.closing or "",
                         *(p for g in guide.groups for p in g.points)])
        for figure in re.findall(r"\$[\d,]+(?:K|,\d{3})?|\d+(?:\.\d+)?%|\d+-\d+(?:\.\d+)?",
                                 text):
            assert figure in source, (key, figure)


def test_states_table_matches_the_source():
    expected = {(r.name, r.programs, r.median_tuition, r.top_program)
                for r in source_document.states_table()}
    stored = {(s.name, s.programs, s.median_tuition, s.top_program) for s in states_in_table()}
    assert stored == expected and len(stored) == 10


def test_careers_match_the_source():
    expected = [(title, soc, description) for title, soc, description
                in source_document.careers()]
    assert [(c.title, c.soc, c.description) for c in guides.careers()] == expected
    assert len(expected) == 8


def test_employer_benefits_match_the_source():
    assert [(b.employer, b.benefit) for b in guides.employer_benefits()] == \
        source_document.employer_benefits()


def _states(*codes):
    stats = [state_stats(code) for code in codes]
    listed = [(code, [f for f in all_school_facts() if f.state == code]) for code in codes]
    return states_reply(stats, (), listed)


@pytest.mark.parametrize("codes, figure", [
    (("TX",), "median tuition $18,900"),
    (("CA",), "23 ML master's programs"),
    (("IL",), "University of Illinois at Urbana-Champaign"),
    (("MA",), "Massachusetts: 6 ML master's programs"),
    (("GA", "NY"), "median tuition $45,200"),
])
def test_state_rows(codes, figure):
    assert figure in _states(*codes)


def test_a_state_row_is_given_whole():
    reply = _states("NC")
    assert "3 ML master's programs" in reply and "$22,100" in reply and "Duke University" in reply


def test_state_not_in_the_table_is_said_plainly():
    reply = _states("FL")
    assert "does not include Florida" in reply
    assert "University of Central Florida (#18, $4,478/yr)" in reply


def test_whole_states_table_without_a_state():
    assert states_reply((), (), ()).count("•") == 10


@pytest.mark.parametrize("title, expected", [
    ("Natural Language Processing Engineer", "Natural Language Processing Engineer (SOC 15-1252)"),
    ("Quantitative Analyst (ML Focus)", "Quantitative Analyst (ML Focus) (SOC 15-2031)"),
    ("AI/ML Engineer", "$157,000"),
])
def test_careers(title, expected):
    assert expected in career_reply(guides.career(title))


def test_unknown_career_lists_the_eight():
    reply = career_reply(None, "astronaut")
    assert "no career called “astronaut”" in reply and reply.count("SOC") == 8


@pytest.mark.parametrize("employer, expected", [
    ("Amazon", "Career Choice covers 95% of tuition"),
    ("Google", "Up to $12,000/year"),
    ("Deloitte/Big 4", "Deloitte/Big 4: Full sponsorship"),
])
def test_employer_benefits(employer, expected):
    reply = benefit_reply(guides.employer_benefit(employer))
    assert expected in reply and "$5,250 tax-free" in reply and "56% of companies" in reply


def test_unlisted_employer_is_said_plainly():
    reply = benefit_reply(None, "Meta")
    assert "no tuition benefit for “Meta”" in reply and "Apple" in reply


def test_employer_words_name_the_listed_employer():
    assert guides.find_term("employer", ["I work at KPMG"]) == "Deloitte/Big 4"


@pytest.mark.parametrize("key, figure", [
    ("thesis", "6 fewer course credits"), ("thesis", "2-2.5 years"),
    ("specializations", "$165,000"), ("part_time", "2.5-4 years"),
    ("work_experience", "60-70% of admits"), ("salary", "$157,000"), ("salary", "40%"),
    ("salary", "20% more"), ("financing", "$25,000-$35,000"), ("financing", "$140,000"),
    ("employer_benefits", "$5,250"), ("program_types", "GT OMSCS = $7K total"),
])
def test_guide_replies_carry_the_figures(key, figure):
    reply = guide_reply(key)
    assert figure in reply and reply.rstrip().endswith(".)")
