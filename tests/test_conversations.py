"""The realistic conversation set (tests/conversations/) against the real Rasa and action
servers over REST: at least 95% of turns right on the tuning part (issue 11's target),
"didn't get that" on at most 3% of in-domain turns of each part, and no broken reply ever.
bench/conversations.py prints the same numbers per kind.

The held-back part (never used to tune) does not meet the 95% target: 89.3% of its 1004
turns on 2026-11-28, round 17 (bench/RESULTS.md). Its floor here is a guard against
regressions, set below that measurement; raising it to the target is the open work of
issue 11."""
import pytest

from tests.conversation_set import (PARTS, described, run, share_not_understood,
                                    share_right)
from tests.rasa_servers import say_text

pytestmark = pytest.mark.rasa
TARGET_RIGHT = {"tuning": 0.95, "heldback": 0.75}  # held back: a regression floor, see above
MAX_NOT_UNDERSTOOD = 0.03


# Conversations going on at once over REST. 291 turns of the set took 22.5 s one
# conversation at a time, 19.6 s three at once, 16.9 s six at once (2 cores, 2026-11-27).
USERS_AT_ONCE = 4


@pytest.fixture(scope="module")
def results(bot):
    return {part: run(part, lambda sender, text: say_text(bot.url, sender, text),
                      users_at_once=USERS_AT_ONCE)
            for part in PARTS}


@pytest.mark.parametrize("part", PARTS)
def test_turns_are_answered_right(results, part):
    found = results[part]
    assert len(found) >= 36
    assert share_right(found) >= TARGET_RIGHT[part], described(found)


@pytest.mark.parametrize("part", PARTS)
def test_in_domain_turns_are_understood(results, part):
    assert share_not_understood(results[part]) <= MAX_NOT_UNDERSTOOD, described(results[part])


def test_no_reply_is_empty_or_broken(results):
    assert all(results[part] for part in PARTS)  # every part was run
    broken = [r for part in PARTS for r in results[part]
              if any(p in ("empty reply", "broken text (traceback, repr or template)")
                     for p in r.problems)]
    assert not broken, described(broken)
