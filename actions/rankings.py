"""Ranking actions: a new ranking, a refinement of the last one, and its next page.

The criteria of the last ranking live in the `ranking` slot (a dict), its page in
`ranking_page`, so "only public ones" or "show more" work on what the user last saw;
`last_list` says that the last list was a ranking (see actions/refine.py)."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.messages import buttons, latest_entities, latest_text
from knowledge.understanding.criteria import criteria_for, requested_changes
from knowledge.deciding.ranking import Criteria
from knowledge.deciding import ranking as ranking_query
from knowledge.replying.ranking_answers import PAGE_SIZE, ranking_reply
from knowledge.replying.suggestions import after_ranking

LAST_LIST = "last_list"  # which list the user saw last: "ranking" or "recommendation"
RANKING = "ranking"
NOTHING_TO_REFINE = ("Tell me how to change the list, e.g. “only public ones”, “in Texas”, "
                     "“under $30k” or “sort by graduation rate”.")
NOTHING_TO_CONTINUE = ("There's no list to continue yet. Ask e.g. “cheapest programs in "
                       "California” or “top 5 by graduation rate”.")


def show_page(dispatcher: CollectingDispatcher, criteria: Criteria, page: int) -> None:
    ranking = ranking_query.rank(criteria)
    more = len(ranking.listed) > (page + 1) * PAGE_SIZE
    dispatcher.utter_message(text=ranking_reply(ranking, page=page),
                             buttons=buttons(after_ranking(criteria, more)))


def _previous(tracker: Tracker):
    stored = tracker.get_slot("ranking")
    return Criteria.from_dict(stored) if isinstance(stored, dict) else None


def rank(dispatcher: CollectingDispatcher, tracker: Tracker,
         fresh: bool) -> List[Dict[Text, Any]]:
    """A ranking from the latest message's criteria: a new one, or (fresh=False) the last
    ranking changed by them."""
    text, entities = latest_text(tracker), latest_entities(tracker)
    previous = None if fresh else _previous(tracker)
    if not fresh and not requested_changes(text, entities):
        dispatcher.utter_message(text=NOTHING_TO_REFINE)
        return []
    criteria = criteria_for(text, entities, previous)
    show_page(dispatcher, criteria, 0)
    return [SlotSet("ranking", criteria.to_dict()), SlotSet("ranking_page", 0),
            SlotSet(LAST_LIST, RANKING)]


class ActionRankSchools(Action):
    """A new ranking ("cheapest programs in California"); a bare criterion afterwards
    ("only public ones") goes to action_refine."""

    def name(self) -> Text:
        return "action_rank_schools"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return rank(dispatcher, tracker, fresh=True)


class ActionShowMore(Action):
    """The next page of the last ranking."""

    def name(self) -> Text:
        return "action_show_more"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        criteria = _previous(tracker)
        if criteria is None:
            dispatcher.utter_message(text=NOTHING_TO_CONTINUE)
            return []
        page = int(tracker.get_slot("ranking_page") or 0) + 1
        show_page(dispatcher, criteria, page)
        return [SlotSet("ranking_page", page), SlotSet(LAST_LIST, RANKING)]
