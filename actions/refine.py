"""A bare criterion outside the form ("only public ones", "what about Texas?", "make my
budget $40k", "research instead") changes the list the user saw last: the answers behind
a recommendation, or the criteria of a ranking (which also starts one if there is none)."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.rankings import LAST_LIST, rank
from actions.recommendation import RECOMMENDATION, change_preferences


class ActionRefine(Action):
    def name(self) -> Text:
        return "action_refine"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if tracker.get_slot(LAST_LIST) == RECOMMENDATION:
            changed = change_preferences(dispatcher, tracker)
            if changed is not None:
                return changed
        return rank(dispatcher, tracker, fresh=False)
