"""Run custom actions through rasa-sdk's executor with real tracker payloads."""
import asyncio

from rasa_sdk.executor import ActionExecutor


def executor() -> ActionExecutor:
    runner = ActionExecutor()
    runner.register_package("actions")
    return runner


def _entity(item):
    """"CMU" -> a school entity; ("amount", "20k") -> that entity."""
    name, value = ("school", item) if isinstance(item, str) else item
    return {"entity": name, "value": value}


def tracker(text, intent, entities=(), active_loop=None, requested_slot=None, **slots):
    return {
        "sender_id": "test-user",
        "slots": {"school": None, "suggested_school": None, "pending_topic": None,
                  "requested_slot": requested_slot, **slots},
        "latest_message": {
            "text": text,
            "intent": {"name": intent, "confidence": 0.99},
            "entities": [_entity(item) for item in entities],
        },
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {"name": active_loop} if active_loop else {},
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
