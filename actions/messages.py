"""What the latest user message says, read from a rasa-sdk tracker."""
from typing import Dict, Iterable, List, Text, Tuple

from rasa_sdk import Tracker

from knowledge.understanding.criteria import entity_values


def latest_intent(tracker: Tracker) -> Text:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def latest_text(tracker: Tracker) -> Text:
    return tracker.latest_message.get("text") or ""


def latest_entities(tracker: Tracker) -> Dict[Text, List[Text]]:
    """{entity name: [surface texts]} of the latest message, without repeats."""
    return entity_values(tracker.latest_message.get("entities") or [])


def buttons(pairs: Iterable[Tuple[Text, Text]]) -> List[Dict[Text, Text]]:
    """(title, text sent when clicked) -> Rasa buttons: quick replies in the widget, blocks
    in Slack, numbered choices in the shell."""
    return [{"title": title, "payload": payload} for title, payload in pairs]
