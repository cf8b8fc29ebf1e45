"""The NLU's intents -> hints for knowledge/: the act an intent stands for, and the topic or
guide it names. Intent names are Rasa's (domain.yml); knowledge/ sees only the hints, and
decides with the words and the conversation (knowledge.understanding.reading)."""
from typing import Any, Dict, Mapping, Optional, Sequence, Text, Tuple

from knowledge.question import Message

# Intent -> (act, topic or guide).
HINTS: Dict[Text, Tuple[Text, Optional[Text]]] = {
    "school_overview": ("facts", "overview"),
    "ask_tuition": ("facts", "tuition"),
    "ask_location": ("facts", "location"),
    "ask_type": ("facts", "type"),
    "ask_grad_rate": ("facts", "graduation_rate"),
    "ask_rank_score": ("facts", "rank_score"),
    "ask_programs": ("facts", "programs"),
    "ask_labs": ("facts", "labs"),
    "ask_partners": ("facts", "partners"),
    "ask_employers": ("facts", "employers"),
    "ask_faculty": ("facts", "faculty"),
    "ask_admissions": ("facts", "admissions"),
    "ask_accreditation": ("facts", "accreditation"),
    "rank_schools": ("rank", None),
    "show_more": ("more", None),
    "compare_schools": ("compare", None),
    "recommend": ("recommend", None),
    "inform": ("inform", None),
    "ask_thesis": ("guide", "thesis"),
    "ask_specializations": ("guide", "specializations"),
    "ask_part_time": ("guide", "part_time"),
    "ask_work_experience": ("guide", "work_experience"),
    "ask_salary": ("guide", "salary"),
    "ask_financing": ("guide", "financing"),
    "ask_program_types": ("guide", "program_types"),
    "ask_career": ("career", None),
    "ask_employer_benefits": ("employer", None),
    "ask_state_stats": ("states", None),
    "greet": ("greet", None),
    "goodbye": ("goodbye", None),
    "thank": ("thank", None),
    "help": ("help", None),
    "affirm": ("affirm", None),
    "deny": ("deny", None),
    "out_of_scope": ("out_of_scope", None),
    # Answered by action_feedback (data/rules.yml), not by knowledge/; no hint if it ever
    # reaches action_converse as a fallback's best guess.
    "feedback": ("", None),
}
FALLBACK_INTENT = "nlu_fallback"


def _top_intent(parse: Mapping[Text, Any]) -> Tuple[Text, float]:
    """The classifier's intent. Below the fallback threshold Rasa names it nlu_fallback; the
    classifier's own best guess is then the next in the ranking, passed on as a weak hint."""
    intent = parse.get("intent") or {}
    name, confidence = intent.get("name") or "", float(intent.get("confidence") or 0.0)
    if name == FALLBACK_INTENT:
        ranking: Sequence[Mapping[Text, Any]] = parse.get("intent_ranking") or ()
        guess = next((i for i in ranking if i.get("name") != FALLBACK_INTENT), None)
        if guess:
            return guess.get("name") or "", min(float(guess.get("confidence") or 0.0), 0.49)
        return "", 0.0
    return name, confidence


def entity_values(entities: Sequence[Mapping[Text, Any]]) -> Dict[Text, Tuple[Text, ...]]:
    """Rasa entity dicts -> {entity name: (surface texts, ...)}, without repeats; a value
    that is not text (a crafted dict) is left out rather than echoed as a Python repr."""
    grouped: Dict[Text, list] = {}
    for entity in entities or ():
        value = entity.get("value") if isinstance(entity, Mapping) else None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            continue
        text = str(value).strip()
        name = str(entity.get("entity") or "")
        if text and text not in grouped.setdefault(name, []):
            grouped[name].append(text)
    return {name: tuple(values) for name, values in grouped.items()}


def message_from_parse(parse: Mapping[Text, Any]) -> Message:
    """A Rasa parse (the tracker's latest_message) as knowledge/'s Message."""
    intent, confidence = _top_intent(parse)
    act, named = HINTS.get(intent, ("", None))
    return Message(text=str(parse.get("text") or ""), act=act,
                   topic=named if act == "facts" else None,
                   guide=named if act == "guide" else None, confidence=confidence,
                   entities=entity_values(parse.get("entities") or ()))
