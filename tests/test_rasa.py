"""Real Rasa: train the model once per session, validate the data, run the end-to-end test
stories with `rasa test`, and talk to real servers over HTTP."""
import subprocess
import uuid

import pytest
import yaml

from tests.rasa_servers import PROJECT_ROOT, RASA, rasa_env, say_text

pytestmark = pytest.mark.rasa


def rasa(*args, timeout=1500):
    return subprocess.run([RASA, *args], cwd=PROJECT_ROOT, env=rasa_env(), capture_output=True,
                          text=True, timeout=timeout)


# Every response is uttered by action_converse (actions/converse.py), which the validator,
# reading only stories and rules, cannot see.
UTTERED_BY_ACTIONS = tuple(yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["responses"])


def test_training_data_is_valid():
    result = rasa("data", "validate", timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    warnings = [line for line in output.splitlines() if "UserWarning" in line
                and not any(f"'{response}'" in line for response in UTTERED_BY_ACTIONS)]
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
    assert "couldn't find “Hogwarts”" in reply and "$" not in reply


def test_rest_unknown_graduation_rate_is_said_plainly(bot):
    reply = say_text(bot.url, new_user(), "what is the graduation rate at NYU")
    assert "The source lists no graduation rate for New York University" in reply


@pytest.mark.parametrize("text", ["", "   ", "🎓🤖🔥", "x" * 10_240,
                                  "'; DROP TABLE schools; --", "SELECT * FROM schools",
                                  "what's the weather in Paris?", "asdf qwer zxcv"])
def test_rest_bad_input_gets_a_friendly_answer_and_the_conversation_goes_on(bot, text):
    user = new_user()
    replies = say_text(bot.url, user, text)
    assert replies.strip() and "Traceback" not in replies and "{'" not in replies
    assert "$66,640 per year" in say_text(bot.url, user, "tuition at USC")


def test_rest_ranking_refined_counted_and_paged(bot):
    user = new_user()
    first = say_text(bot.url, user, "what are the cheapest programs in California?")
    assert "1. San Jose State University" in first and "$5,742/yr" in first
    private = say_text(bot.url, user, "only private ones")
    assert "San Jose" not in private and "University of San Diego" in private
    ten = say_text(bot.url, user, "top 10 programs by graduation rate")
    assert "10. University of California-Irvine" in ten and "11." not in ten
    assert "11. University of Georgia" in say_text(bot.url, user, "show more")


def test_rest_comparison_and_a_question_about_the_two(bot):
    user = new_user()
    reply = say_text(bot.url, user, "which is cheaper, Penn or NYU?")
    assert "University of Pennsylvania ($58,620/yr vs $60,438/yr for NYU, $1,818 a year less)" \
        in reply
    rates = say_text(bot.url, user, "and which of the two has the better graduation rate?")
    assert "University of Pennsylvania: 100% graduation rate" in rates
    assert "New York University: graduation rate not listed" in rates and "can't say" in rates


@pytest.mark.parametrize("text, figure", [
    ("what does an NLP engineer do?", "SOC 15-1252"),
    ("does Amazon pay for a master's?", "95% of tuition"),
    ("median tuition in Texas?", "$18,900"),
])
def test_rest_guidance(bot, text, figure):
    assert figure in say_text(bot.url, new_user(), text)


def test_rest_help_me_choose_asks_what_is_missing_then_recommends(bot):
    user = new_user()
    assert "budget" in say_text(bot.url, user, "help me choose a program")
    assert "Where do you want to study" in say_text(bot.url, user, "$20k")
    assert "research" in say_text(bot.url, user, "skip")
    assert "Public or private" in say_text(bot.url, user, "research")
    result = say_text(bot.url, user, "public")
    assert "1. University of Washington-Seattle Campus" in result
    assert "fits your $20,000 budget: $11,524/yr" in result
    changed = say_text(bot.url, user, "actually make my budget $5k")
    assert "budget up to $5,000/yr" in changed and "University of Central Florida" in changed


def test_rest_a_self_description_feeds_the_recommendation(bot):
    user = new_user()
    first = say_text(bot.url, user, "I'm an analyst in Ohio and want to move into ML — "
                                    "what are my options?")
    assert "Top 3 for you" in first and "didn't catch" not in first
    later = say_text(bot.url, user, "I can't leave my job")
    assert "part-time" in later and "didn't catch" not in later
