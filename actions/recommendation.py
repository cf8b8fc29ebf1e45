"""The "help me choose" form: ask budget, place or format, goal and public/private (each
skippable), then recommend three schools; later "make my budget $40k" changes one answer
(through actions/refine.py, as `last_list` is then "recommendation").

Slots pref_budget / pref_location / pref_goal / pref_control hold the parsed answers
(see knowledge.deciding.recommend.Preferences); the form fills them from the user's text."""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.messages import latest_entities, latest_text
from actions.rankings import LAST_LIST
from knowledge.deciding.recommend import (ANY, PARSERS, SLOTS, Preferences, changes_in,
                                 recommendation_reply)
from knowledge.understanding.vocabulary import is_stop

SLOT_PREFIX = "pref_"
NOT_UNDERSTOOD = {
    "budget": "I didn't catch a yearly budget — try “$25k”, “40,000” or “skip”.",
    "location": "I didn't catch a US state, city or format — try “California”, “Boston”, "
                "“online”, “part-time” or “skip”.",
    "goal": "Is it research (e.g. a PhD later) or an industry job? Or say “skip”.",
    "control": "Public or private? Or say “skip” if either is fine.",
}
STOPPED = "Okay, no more questions — here is what fits your answers so far."
RECOMMENDATION = "recommendation"


def preferences(tracker: Tracker) -> Preferences:
    return Preferences.from_slots({name: tracker.get_slot(SLOT_PREFIX + name)
                                   for name in SLOTS})


class ValidateRecommendForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_recommend_form"

    @staticmethod
    def _parsed(name: Text, value: Any, dispatcher: CollectingDispatcher,
                tracker: Tracker) -> Dict[Text, Any]:
        if not str(value or "").strip():  # cleared by a new "help me choose": ask, don't scold
            return {SLOT_PREFIX + name: None}
        if is_stop(str(value or "")):  # no more questions: the rest count as "any"
            dispatcher.utter_message(text=STOPPED)
            answered = {slot: tracker.get_slot(SLOT_PREFIX + slot) for slot in SLOTS
                        if slot != name}
            return {SLOT_PREFIX + slot: answered.get(slot) or ANY for slot in SLOTS}
        parsed: Optional[str] = PARSERS[name](str(value or ""))
        if parsed is None:
            dispatcher.utter_message(text=NOT_UNDERSTOOD[name])
        return {SLOT_PREFIX + name: parsed}

    def validate_pref_budget(self, value, dispatcher, tracker, domain):
        return self._parsed("budget", value, dispatcher, tracker)

    def validate_pref_location(self, value, dispatcher, tracker, domain):
        return self._parsed("location", value, dispatcher, tracker)

    def validate_pref_goal(self, value, dispatcher, tracker, domain):
        return self._parsed("goal", value, dispatcher, tracker)

    def validate_pref_control(self, value, dispatcher, tracker, domain):
        return self._parsed("control", value, dispatcher, tracker)


class ActionResetPreferences(Action):
    """A new "help me choose" starts with no answers."""

    def name(self) -> Text:
        return "action_reset_preferences"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return [SlotSet(SLOT_PREFIX + name, None) for name in SLOTS]


class ActionRecommend(Action):
    def name(self) -> Text:
        return "action_recommend"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=recommendation_reply(preferences(tracker)))
        return [SlotSet(LAST_LIST, RECOMMENDATION)]


def change_preferences(dispatcher: CollectingDispatcher,
                       tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """Change the answers the latest message names and recommend again; None (and nothing
    said) if it names none."""
    changes = changes_in(latest_text(tracker), latest_entities(tracker))
    if not changes:
        return None
    updated = Preferences.from_slots({**preferences(tracker).to_slots(), **changes})
    dispatcher.utter_message(text=recommendation_reply(updated))
    return [*(SlotSet(SLOT_PREFIX + name, value) for name, value in changes.items()),
            SlotSet(LAST_LIST, RECOMMENDATION)]
