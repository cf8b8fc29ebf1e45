"""Real Rasa: train the model once per session, validate the data, run the end-to-end test
stories with `rasa test`, and talk to real servers over HTTP."""
import subprocess
import uuid

import pytest

from tests.rasa_servers import PROJECT_ROOT, RASA, rasa_env, say, say_text

pytestmark = pytest.mark.rasa


def rasa(*args, timeout=1500):
    return subprocess.run([RASA, *args], cwd=PROJECT_ROOT, env=rasa_env(), capture_output=True,
                          text=True, timeout=timeout)


# Responses only custom actions or the form utter (the form asks with utter_ask_<slot>):
# the validator sees stories and rules, not actions.
UTTERED_BY_ACTIONS = ("utter_what_else", "utter_which_school_then", "utter_ask_pref_budget",
                      "utter_ask_pref_location", "utter_ask_pref_goal", "utter_ask_pref_control")


def test_training_data_is_valid():
    result = rasa("data", "validate", timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    warnings = [line for line in output.splitlines() if "UserWarning" in line
                and not any(response in line for response in UTTERED_BY_ACTIONS)]
    assert warnings == []


def test_end_to_end_stories_pass(trained_model, tmp_path):
    result = rasa("test", "core", "--model", str(trained_model), "--stories",
                  str(PROJECT_ROOT / "tests" / "e2e"), "--out", str(tmp_path),
                  "--fail-on-prediction-errors")
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, details + result.stdout[-3000:] + result.stderr[-2000:]


def new_user():
    return f"user-{uuid.uuid4().hex[:8]}"


def test_rest_tuition_with_a_typo(bot):
    reply = say_text(bot.url, new_user(), "how much is tuition at carnegie melon?")
    assert "$62,260 per year" in reply


def test_rest_follow_up_keeps_the_school(bot):
    user = new_user()
    assert "Clark University" in say_text(bot.url, user, "tell me about Clark")
    assert "$54,760 per year" in say_text(bot.url, user, "and its tuition?")


def test_rest_unknown_school(bot):
    reply = say_text(bot.url, new_user(), "what's the tuition at Hogwarts?")
    assert "couldn't find" in reply or "Which school" in reply


def test_rest_unknown_graduation_rate_is_said_plainly(bot):
    reply = say_text(bot.url, new_user(), "what is the graduation rate at NYU")
    assert "The source lists no graduation rate for New York University" in reply


@pytest.mark.parametrize("text", ["", "   ", "🎓🤖🔥", "x" * 10_240,
                                  "'; DROP TABLE schools; --", "SELECT * FROM schools",
                                  "what's the weather in Paris?", "asdf qwer zxcv"])
def test_rest_bad_input_gets_a_friendly_answer_and_the_conversation_goes_on(bot, text):
    user = new_user()
    messages = say(bot.url, user, text)
    replies = " ".join(m.get("text", "") for m in messages)
    assert "Traceback" not in replies and "Error" not in replies
    assert "$66,640 per year" in say_text(bot.url, user, "tuition at USC")


def test_rest_ranking_refined_and_paged(bot):
    user = new_user()
    first = say_text(bot.url, user, "what are the cheapest programs in California?")
    assert "1. San Jose State University" in first and "$5,742/yr" in first
    private = say_text(bot.url, user, "only private ones")
    assert "San Jose" not in private and "University of San Diego" in private
    everything = say_text(bot.url, user, "top 10 programs by graduation rate")
    assert "5 more" in everything
    assert "Rows 6-10" in say_text(bot.url, user, "show more")


def test_rest_comparison(bot):
    reply = say_text(bot.url, new_user(), "which is cheaper, Penn or NYU?")
    assert "Penn ($58,620/yr vs $60,438/yr for NYU)" in reply


@pytest.mark.parametrize("text, figure", [
    ("what does an NLP engineer do?", "SOC 15-1252"),
    ("does Amazon pay for a master's?", "95% of tuition"),
    ("median tuition in Texas?", "$18,900"),
])
def test_rest_guidance(bot, text, figure):
    assert figure in say_text(bot.url, new_user(), text)


def run_form(bot, user, answers):
    """Starts "help me choose" and gives the four answers; returns the recommendation."""
    questions = ["budget per year", "Where do you want to study", "research", "Public or private"]
    for text, question in zip(["help me choose a program", *answers[:3]], questions):
        assert question in say_text(bot.url, user, text)
    return say_text(bot.url, user, answers[3])


def test_rest_help_me_choose_with_a_skip_and_a_change(bot):
    user = new_user()
    result = run_form(bot, user, ["$20k", "skip", "research", "public"])
    assert "1. University of Washington-Seattle Campus" in result
    assert "fits your $20,000 budget: $11,524/yr" in result
    changed = say_text(bot.url, user, "actually make my budget $5k")
    assert "budget up to $5,000/yr" in changed and "University of Central Florida" in changed


def test_rest_form_answers_that_read_like_questions_still_fill_the_form(bot):
    """Out of context "evening classes" or "private is fine" could be a question
    (ask_part_time, ask_type); inside the form they are answers, whatever the intent."""
    result = run_form(bot, new_user(), ["around 60k a year", "evening classes, i work full time",
                                        "industry job", "private is fine"])
    assert "1. " in result and "$60,000 budget" in result
