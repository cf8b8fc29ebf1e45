"""Compare 2..5 schools side by side (or on the field asked for)."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.messages import latest_entities, latest_text
from knowledge.deciding.compare import compare_reply


class ActionCompareSchools(Action):
    def name(self) -> Text:
        return "action_compare_schools"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        comparison = compare_reply(latest_entities(tracker).get("school", []),
                                   latest_text(tracker), tracker.get_slot("school"))
        dispatcher.utter_message(text=comparison.text)
        if len(comparison.schools) >= 2:  # "and its tuition?" then means the last one named
            return [SlotSet("school", comparison.schools[-1])]
        return []
