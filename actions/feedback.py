"""A rating of the answer just given: the channels' thumbs buttons send
/feedback{"rating": "up"} or /feedback{"rating": "down"} (README "Channels"), and people may type
it ("that was wrong", "great answer"). action_feedback thanks them and returns no events, so
the `context` slot, and with it the conversation, stays where the rated answer left it.

The rating needs no store of its own: the message, its intent and its entity are events of the
conversation in the tracker store, which deployment/insights.py reads."""
from typing import Any, Dict, List, Mapping, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from knowledge.understanding.vocabulary import has, phrase_list, tokens, vocabulary

FEEDBACK_INTENT = "feedback"
RATING = "rating"
UP, DOWN = "up", "down"
RESPONSES = {UP: "utter_feedback_up", DOWN: "utter_feedback_down", None: "utter_feedback"}

# Typed feedback carries no rating entity (none is learned from text: a wrongly extracted
# "down" would rate an answer nobody rated), so its words decide: the phrases of a poor answer
# are in knowledge/data/vocabulary.yaml (feedback_down_phrases, feedback_down_symbols), with
# negations ("not helpful") among them. Anything else typed as feedback is praise.
def _says_down(text: Text) -> bool:
    symbols = vocabulary()["feedback_down_symbols"]
    return has(tokens(text), phrase_list("feedback_down_phrases")) or \
        any(symbol in text for symbol in symbols)


def rating_of(parse: Mapping[Text, Any]) -> Optional[Text]:
    """"up", "down" or None (not feedback, or a crafted command with another rating) for a
    user message's parse data, as in the tracker's latest_message or a `user` event."""
    if ((parse.get("intent") or {}).get("name")) != FEEDBACK_INTENT:
        return None
    for entity in parse.get("entities") or ():
        if isinstance(entity, Mapping) and entity.get("entity") == RATING:
            value = entity.get("value")
            return value if value in (UP, DOWN) else None
    text = str(parse.get("text") or "")
    if text.startswith("/"):  # a button's command without a usable rating
        return None
    return DOWN if _says_down(text) else UP


class ActionFeedback(Action):
    def name(self) -> Text:
        return "action_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response=RESPONSES[rating_of(tracker.latest_message)])
        return []
