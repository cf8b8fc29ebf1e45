"""A measured fix for the Rasa server's hottest path, applied when Rasa loads this
project's stores (deployment.stores imports this module).

Rasa 3.6 checks every action-server response with `jsonschema.validate(result, schema)`,
which first re-validates the (large, constant) schema itself and builds a new validator on
every call. Under load that was ~37% of the Rasa server's CPU (py-spy, bench/load.py). The
replacement validates against the same schema with a validator built once: the same checks,
the same ValidationError (with Rasa's hint appended), a fraction of the cost.
"""
from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _action_response_validator():
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)  # once, instead of on every response
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    try:
        _action_response_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            f". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions")
        raise error


def apply() -> None:
    RemoteAction._validate_action_result = _validate_action_result
