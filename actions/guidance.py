"""Guidance topics: thesis tracks, specializations, formats, careers, salaries, states,
financing, employer benefits and the program-selection profiles."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.messages import latest_entities, latest_intent, latest_text
from knowledge.replying.guide_answers import benefit_reply, career_reply, guide_reply, state_reply

# Intent -> guide of the store.
INTENT_GUIDES = {
    "ask_thesis": "thesis",
    "ask_specializations": "specializations",
    "ask_part_time": "part_time",
    "ask_work_experience": "work_experience",
    "ask_salary": "salary",
    "ask_financing": "financing",
    "ask_program_types": "program_types",
}
# Intent -> (entity whose mentions it reads, reply function).
INTENT_LOOKUPS: Dict[Text, Any] = {
    "ask_career": ("career", career_reply),
    "ask_employer_benefits": ("employer", benefit_reply),
    "ask_state_stats": ("state", state_reply),
}


class ActionAnswerGuide(Action):
    def name(self) -> Text:
        return "action_answer_guide"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = latest_intent(tracker)
        if intent in INTENT_LOOKUPS:
            entity, reply = INTENT_LOOKUPS[intent]
            entities = latest_entities(tracker)
            mentions = entities.get(entity, []) + (entities.get("city", [])
                                                   if entity == "state" else [])
            dispatcher.utter_message(text=reply(mentions, latest_text(tracker)))
        else:
            dispatcher.utter_message(text=guide_reply(INTENT_GUIDES.get(intent, "program_types")))
        return []
