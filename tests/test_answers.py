"""Replies about one school: the right figures from the store, honest unknowns, the school
in context and near misses, asked through the advisor (knowledge.conversation) as the NLU
would hand them over: a topic hint and the school mentions it extracted."""
from dataclasses import dataclass
from typing import Optional

import pytest

from knowledge.conversation import respond
from knowledge.question import Message
from knowledge.replying import school_answers as answers
from knowledge.state import ConversationState
from knowledge.store.queries import school_facts


@dataclass
class Asked:
    text: str
    school: Optional[str]  # the school in focus afterwards
    suggestion: Optional[str]  # a school offered with "did you mean"
    state: dict


def ask(topic, mentions=(), text="", state=None):
    message = Message(text or " ".join(mentions), act="facts", topic=topic, confidence=0.95,
                      entities={"school": tuple(mentions)} if mentions else {})
    turn = respond(message, state)
    after = ConversationState.from_dict(turn.state)
    pending = after.pending.school if after.pending else None
    return Asked("\n".join(reply.text for reply in turn.replies),
                 after.focus[-1] if after.focus else None, pending, turn.state)


@pytest.mark.parametrize("topic, school, expected", [
    ("tuition", "CMU", "$62,260 per year"),
    ("tuition", "UW", "$11,524 per year"),
    ("location", "Clark", "Worcester, Massachusetts (MA)"),
    ("type", "UCI", "is a public university"),
    ("type", "NYU", "is a private university"),
    ("graduation_rate", "Syracuse", "99% graduation rate"),
    ("rank_score", "USC", "ranked #2 of 50"),
    ("rank_score", "USC", "score of 92.5/100"),
    ("rank_score", "Pitt", "score of 64/100"),
    ("programs", "CMU", "MS — 16 months (3-4 semesters)"),
    ("programs", "Penn", "MSE — 1.5-2 years; fully online"),
    ("labs", "NYU", "CILVR (Computational Intelligence, Learning, Vision, and Robotics)"),
    ("partners", "Syracuse", "NetApp"),
    ("employers", "Northwestern", "Qualtrics, Spotify, Snowflake, Deloitte, Amazon"),
    ("employers", "Clark", "Common roles: Research Scientist"),
    ("faculty", "UW", "Ali Farhadi — Computer vision"),
    ("admissions", "CMU", "GPA 3.9/4.0 — average for admitted students"),
    ("accreditation", "Syracuse", "ABET"),
    ("overview", "UCI", "688 datasets"),
])
def test_answers_carry_the_source_figures(topic, school, expected):
    assert expected in ask(topic, [school]).text


def test_every_answer_names_its_source():
    facts = school_facts("Carnegie Mellon University")
    for topic in answers.TOPICS:
        assert "(Source: 2026 ranking" in answers.answer(topic, facts)


@pytest.mark.parametrize("topic, school, expected", [
    ("graduation_rate", "NYU", "The source lists no graduation rate for New York University"),
    ("graduation_rate", "BU", "The source lists no graduation rate for Boston University"),
    ("admissions", "Penn", "gives no admission requirements"),
    ("employers", "CMU", "lists no top employers or common roles"),
    ("labs", "Brandeis", "no research labs for Brandeis University"),
    ("labs", "Brandeis", "full profiles only for the top 10"),
    ("faculty", "UCF", "no notable faculty"),
])
def test_unknowns_are_said_plainly(topic, school, expected):
    reply = ask(topic, [school]).text
    assert expected in reply
    assert "0%" not in reply


def test_non_profile_answers_still_give_the_table_row():
    reply = ask("programs", ["UNT"]).text
    assert "#21, Denton, TX, public, $8,319 per year, 70% graduation rate, score 60.2/100" in reply


def test_penn_graduation_rate_mentions_the_contradiction():
    reply = ask("graduation_rate", ["Penn"]).text
    assert "100% graduation rate" in reply and "1%" in reply


def test_follow_up_uses_the_school_in_context():
    first = ask("overview", ["Clark"])
    assert first.school == "Clark University"
    follow_up = ask("tuition", [], "and its tuition?", state=first.state)
    assert "$54,760 per year" in follow_up.text
    assert follow_up.school == "Clark University"


def test_a_new_school_replaces_the_context():
    first = ask("tuition", ["Clark"])
    result = ask("tuition", ["USC"], "what about usc", state=first.state)
    assert result.school == "University of Southern California" and "$66,640" in result.text


def test_typo_in_text_without_entity_is_found():
    result = ask("tuition", [], "how much is tuition at carnegie melon?")
    assert "$62,260 per year" in result.text


def test_unknown_school_is_friendly_and_keeps_context():
    first = ask("overview", ["Clark"])
    result = ask("tuition", ["Hogwarts"], "tuition at Hogwarts", state=first.state)
    assert "couldn't find “Hogwarts”" in result.text and "25 programs" in result.text
    assert "$" not in result.text
    assert result.school == "Clark University" and result.suggestion is None


def test_near_miss_asks_did_you_mean():
    result = ask("tuition", ["Illinois Institute"], "tuition at Illinois Institute")
    assert result.suggestion == "Illinois Institute of Technology"
    assert "Did you mean Illinois Institute of Technology?" in result.text


def test_a_different_school_that_contains_a_listed_name_is_not_mistaken_for_it():
    result = ask("tuition", ["Clark Atlanta University"], "tuition at Clark Atlanta University")
    assert "$54,760" not in result.text  # Clark University's tuition
    assert result.school is None


def test_no_school_at_all_asks_which():
    result = ask("tuition", [], "how much is tuition?")
    assert result.school is None and "Which school do you mean?" in result.text


def test_a_long_unknown_mention_is_shortened_in_the_reply():
    result = ask("tuition", ["x" * 500], "tuition at " + "x" * 500)
    assert 0 < len(result.text) < 400


def test_unknown_topic_is_a_programming_error():
    with pytest.raises(KeyError):
        answers.answer("weather", school_facts("Carnegie Mellon University"))
