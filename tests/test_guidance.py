"""Guidance facts in the store and their replies, checked against the source document."""
import re

import pytest

from knowledge.store import guides
from knowledge.replying.guide_answers import (GUIDE_KEYS, benefit_reply, career_reply, guide_reply,
                                     state_reply)
from knowledge.store.queries import states_in_table
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


@pytest.mark.parametrize("text, figure", [
    ("median tuition in Texas?", "median tuition $18,900"),
    ("how many programs are in california", "23 ML master's programs"),
    ("top program in illinois", "University of Illinois at Urbana-Champaign"),
    ("programs around Boston", "Massachusetts: 6 ML master's programs"),
])
def test_state_questions(text, figure):
    assert figure in state_reply([], text)


def test_state_not_in_the_table_is_said_plainly():
    reply = state_reply(["Florida"], "median tuition in florida")
    assert "does not include Florida" in reply and "UCF (#18, $4,478/yr)" in reply


def test_whole_states_table_without_a_state():
    assert state_reply([], "which states have the most programs").count("•") == 10


@pytest.mark.parametrize("mentions, text, expected", [
    ([], "what does an NLP engineer do?", "Natural Language Processing Engineer (SOC 15-1252)"),
    (["quant"], "what do quants do", "Quantitative Analyst (ML Focus) (SOC 15-2031)"),
    (["ml engineer"], "ml engineer salary?", "$157,000"),
])
def test_careers(mentions, text, expected):
    assert expected in career_reply(mentions, text)


def test_unknown_career_lists_the_eight():
    reply = career_reply(["astronaut"], "what does an astronaut do")
    assert "no career called “astronaut”" in reply and reply.count("SOC") == 8


@pytest.mark.parametrize("text, expected", [
    ("does Amazon pay for a master's?", "Career Choice covers 95% of tuition"),
    ("will google reimburse my tuition", "Up to $12,000/year"),
    ("I work at KPMG", "Deloitte/Big 4: Full sponsorship"),
])
def test_employer_benefits(text, expected):
    reply = benefit_reply([], text)
    assert expected in reply and "$5,250 tax-free" in reply


def test_unlisted_employer_is_said_plainly():
    reply = benefit_reply(["Meta"], "does meta pay for a masters")
    assert "no tuition benefit for “Meta”" in reply and "Apple" in reply


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
