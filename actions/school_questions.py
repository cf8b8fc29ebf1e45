"""Thin rasa-sdk actions: read the intent, entities and slots, ask knowledge/, reply."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.messages import buttons, latest_entities, latest_intent, latest_text
from knowledge.deciding.advisor import answer_for, answer_question
from knowledge.store.queries import school_facts
from knowledge.replying.suggestions import after_overview

YES_NO = (("Yes", "yes"), ("No", "no"))

# Intent -> topic of knowledge.replying.school_answers.
INTENT_TOPICS = {
    "school_overview": "overview",
    "ask_tuition": "tuition",
    "ask_location": "location",
    "ask_type": "type",
    "ask_grad_rate": "graduation_rate",
    "ask_rank_score": "rank_score",
    "ask_programs": "programs",
    "ask_labs": "labs",
    "ask_partners": "partners",
    "ask_employers": "employers",
    "ask_faculty": "faculty",
    "ask_admissions": "admissions",
    "ask_accreditation": "accreditation",
}


class ActionAnswerSchool(Action):
    """Answers a question about one school (which topic: from the intent)."""

    def name(self) -> Text:
        return "action_answer_school"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        topic = INTENT_TOPICS.get(latest_intent(tracker), "overview")
        result = answer_question(topic, latest_entities(tracker).get("school", []),
                                 latest_text(tracker), tracker.get_slot("school"))
        offered = YES_NO if result.suggestion else ()
        if topic == "overview" and result.school and not result.suggestion:
            offered = after_overview(school_facts(result.school))
        dispatcher.utter_message(text=result.text, buttons=buttons(offered))
        return [SlotSet("school", result.school),
                SlotSet("suggested_school", result.suggestion),
                SlotSet("pending_topic", topic if result.suggestion else None)]


class ActionAnswerSuggestion(Action):
    """After "did you mean X?": yes answers the pending question for X, no asks again."""

    def name(self) -> Text:
        return "action_answer_suggestion"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        suggestion = tracker.get_slot("suggested_school")
        intent = latest_intent(tracker)
        clear = [SlotSet("suggested_school", None), SlotSet("pending_topic", None)]
        if not suggestion:
            dispatcher.utter_message(response="utter_what_else")
            return clear
        if intent != "affirm":
            dispatcher.utter_message(response="utter_which_school_then")
            return clear
        result = answer_for(tracker.get_slot("pending_topic") or "overview", suggestion)
        dispatcher.utter_message(text=result.text)
        return [SlotSet("school", result.school), *clear]
