"""Answer a question about one school from what the user said and the conversation's context.

Order of evidence: the school mentions an extractor found; a school named anywhere in the
text (typos included); the school the conversation is already about. A mention that matches
nothing gets an honest "not in the ranking"; a near miss gets "did you mean ...?".
"""
from dataclasses import dataclass
from typing import Iterable, Optional

from knowledge.replying import school_answers as answers
from knowledge.store.queries import school_count, school_facts, school_resolver
from knowledge.understanding.resolve import Resolution

TOPICS = tuple(answers.TOPICS)


@dataclass(frozen=True)
class SchoolAnswer:
    text: str
    school: Optional[str]  # the school the conversation is about after this turn
    suggestion: Optional[str] = None  # a school the user is asked to confirm


def answer_for(topic: str, school: str) -> SchoolAnswer:
    facts = school_facts(school)
    if facts is None:  # the store changed under a long conversation
        return SchoolAnswer(answers.unknown_school(school, school_count()), school=None)
    return SchoolAnswer(answers.answer(topic, facts), school=facts.name)


def _resolve_mentions(mentions: Iterable[str]):
    resolver = school_resolver()
    seen = set()
    for mention in mentions:
        if mention and mention.strip().lower() not in seen:
            seen.add(mention.strip().lower())
            yield resolver.resolve(mention)


def answer_question(topic: str, mentions: Iterable[str], text: str,
                    context_school: Optional[str]) -> SchoolAnswer:
    """The reply to a `topic` question, and the school in context afterwards."""
    if topic not in answers.TOPICS:
        raise ValueError(f"unknown topic {topic!r}; expected one of {', '.join(TOPICS)}")
    resolutions = list(_resolve_mentions(mentions))
    found = next((r for r in resolutions if r.found), None)
    if found is None:
        found = school_resolver().find_in_text(text, skip=[r.mention for r in resolutions])
    if found is not None:
        return answer_for(topic, found.school)
    if resolutions:
        return _unresolved(resolutions, context_school)
    if context_school:
        return answer_for(topic, context_school)
    return SchoolAnswer(answers.which_school(topic), school=None)


def _unresolved(resolutions: list, context_school: Optional[str]) -> SchoolAnswer:
    near: Optional[Resolution] = max((r for r in resolutions if r.suggestion),
                                     key=lambda r: r.score, default=None)
    if near is not None:
        return SchoolAnswer(answers.did_you_mean(near.mention, near.suggestion),
                            school=context_school, suggestion=near.suggestion)
    return SchoolAnswer(answers.unknown_school(resolutions[0].mention, school_count()),
                        school=context_school)
