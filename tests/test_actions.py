"""The custom actions, run through rasa-sdk's executor with real tracker payloads."""
import pytest

from actions.school_questions import INTENT_TOPICS
from knowledge.deciding.advisor import TOPICS
from tests.action_runner import executor as new_executor, run, tracker


@pytest.fixture(scope="module")
def executor():
    return new_executor()


def test_every_question_intent_maps_to_a_known_topic():
    assert set(INTENT_TOPICS.values()) == set(TOPICS)


def test_tuition_question_answers_with_the_figure(executor):
    texts, _, slots = run(executor, "action_answer_school",
                          tracker("how much is tuition at carnegie melon?", "ask_tuition",
                                  ["carnegie melon"]))
    assert "$62,260 per year" in texts[0]
    assert slots["school"] == "Carnegie Mellon University"


def test_follow_up_without_a_school_uses_the_slot(executor):
    texts, _, slots = run(executor, "action_answer_school",
                          tracker("and its tuition?", "ask_tuition", school="Clark University"))
    assert "Tuition at Clark University is $54,760 per year" in texts[0]
    assert slots["school"] == "Clark University"


def test_no_entity_but_school_in_text(executor):
    texts, _, _ = run(executor, "action_answer_school",
                      tracker("is univ of washington public or private?", "ask_type"))
    assert "University of Washington-Seattle Campus is a public university" in texts[0]


@pytest.mark.parametrize("text, entities", [
    ("tuition at Hogwarts", ["Hogwarts"]),
    ("'; DROP TABLE schools; --", ["DROP TABLE schools"]),
    ("🎓🎓🎓", ["🎓"]),
    ("x" * 10_000, ["x" * 10_000]),
])
def test_bad_input_gets_a_friendly_answer(executor, text, entities):
    texts, _, slots = run(executor, "action_answer_school",
                          tracker(text, "ask_tuition", entities, school="Clark University"))
    assert "couldn't find" in texts[0] and len(texts[0]) < 400
    assert slots["school"] == "Clark University"


def test_empty_message_asks_which_school(executor):
    texts, _, slots = run(executor, "action_answer_school", tracker("", "ask_tuition"))
    assert "Which school do you mean?" in texts[0]
    assert slots["school"] is None


def test_unknown_intent_falls_back_to_an_overview(executor):
    texts, _, _ = run(executor, "action_answer_school", tracker("usc", "something_else", ["USC"]))
    assert "University of Southern California is #2 of 50" in texts[0]


def test_did_you_mean_then_yes_answers_the_pending_question(executor):
    texts, _, slots = run(executor, "action_answer_school",
                          tracker("tuition at Illinois Institute", "ask_tuition",
                                  ["Illinois Institute"]))
    assert "Did you mean Illinois Institute of Technology?" in texts[0]
    assert slots == {"school": None, "suggested_school": "Illinois Institute of Technology",
                     "pending_topic": "tuition"}
    texts, _, slots = run(executor, "action_answer_suggestion",
                          tracker("yes", "affirm", **slots))
    assert "Tuition at Illinois Institute of Technology is $49,607 per year" in texts[0]
    assert slots == {"school": "Illinois Institute of Technology", "suggested_school": None,
                     "pending_topic": None}


def test_did_you_mean_then_no_asks_again(executor):
    texts, responses, slots = run(executor, "action_answer_suggestion",
                                  tracker("no", "deny", suggested_school="Emory University",
                                          pending_topic="tuition"))
    assert responses == ["utter_which_school_then"]
    assert slots["suggested_school"] is None


def test_yes_without_a_suggestion(executor):
    _, responses, _ = run(executor, "action_answer_suggestion", tracker("yes", "affirm"))
    assert responses == ["utter_what_else"]
