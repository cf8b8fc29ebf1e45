"""The cached action-response validation checks exactly what Rasa's own does."""
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from deployment import speedups

ORIGINAL = RemoteAction._validate_action_result
ACTION = RemoteAction.__new__(RemoteAction)  # no endpoint needed to validate


@pytest.mark.parametrize("result", [
    {"events": [{"event": "slot", "name": "context", "value": {"focus": ["Clark University"]}}],
     "responses": [{"text": "hi"}]},
    {"events": [], "responses": []},
])
def test_valid_responses_pass_both(result):
    assert ORIGINAL(ACTION, result) is True
    assert speedups._validate_action_result(ACTION, result) is True


@pytest.mark.parametrize("result", [
    {"events": "not a list"},
    {"events": [{"event": "no_such_event"}]},
    {"responses": "text"},
])
def test_invalid_responses_fail_both(result):
    with pytest.raises(ValidationError):
        ORIGINAL(ACTION, result)
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        speedups._validate_action_result(ACTION, result)
