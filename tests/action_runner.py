"""Run custom actions through rasa-sdk's executor with real tracker payloads."""
import asyncio

from rasa_sdk.executor import ActionExecutor

from actions.slots import CONTEXT


def executor() -> ActionExecutor:
    runner = ActionExecutor()
    runner.register_package("actions")
    return runner


def _entity(item):
    """"CMU" -> a school entity; ("amount", "20k") -> that entity; a dict as it is."""
    if isinstance(item, dict):
        return item
    name, value = ("school", item) if isinstance(item, str) else item
    return {"entity": name, "value": value}


def tracker(text, intent, entities=(), context=None, confidence=0.99, ranking=None):
    return {
        "sender_id": "test-user",
        "slots": {CONTEXT: context},
        "latest_message": {
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": ranking or [{"name": intent, "confidence": confidence}],
            "entities": [_entity(item) for item in entities],
        },
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    }


def run(runner, action, tracker_json, domain=None):
    """(texts, response names, slots set) of one action run."""
    response = asyncio.run(runner.run({"next_action": action, "sender_id": "test-user",
                                       "tracker": tracker_json, "domain": domain or {}}))
    texts = [m.get("text") for m in response["responses"]]
    responses = [m.get("response") for m in response["responses"]]
    slots = {e["name"]: e["value"] for e in response["events"] if e["event"] == "slot"}
    return texts, responses, slots
