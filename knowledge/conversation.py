"""The advisor's one entry point: a message and the conversation state in, replies and the
next state out. The message goes the way the folders show: understanding (the words and the
context -> one Question), deciding (the Question -> outcomes and the next state), replying
(outcomes -> text every channel shows).

    >>> from knowledge.conversation import respond
    >>> turn = respond(Message("how long is the Clark program?"), {})
    >>> turn = respond(Message("and Emory?"), turn.state)   # Emory's program lengths
"""
import re
from dataclasses import dataclass, replace
from typing import Any, Dict, List, Mapping, Optional

from knowledge.deciding.decide import decide
from knowledge.question import Message, Question
from knowledge.deciding.outcomes import Outcome
from knowledge.replying.citations import SOURCE_BUTTON, lines_behind, valued_schools
from knowledge.replying.render import Reply, refused_reply, render
from knowledge.state import ConversationState
from knowledge.understanding.reading import read
from knowledge.understanding.vocabulary import word_class


QUIET_PARTS = ("unclear", "out_of_scope", "greet", "thank", "goodbye", "help", "affirm",
               "deny", "empty")


@dataclass(frozen=True)
class Turn:
    replies: List[Reply]
    state: Dict[str, Any]  # the next state, as the slot stores it
    question: Question  # how the message was read (for logs and tests)


MAX_BUTTONS = 5  # Slack shows at most five buttons under a message (and drops them all past it)
MIN_PART_WORDS = 3  # a part of a message this short is not a question of its own


def _checks_a_guess(piece: str) -> bool:
    """"pitt is a little more, right?": a guess to confirm, which the next part asks of."""
    words = re.findall(r"[a-z']+", piece.lower())
    return piece.rstrip().endswith("?") and bool(words) and \
        words[-1] in word_class("tag_question_words")


# "pitt is a little more, right? how much more exactly": a short part after a guess asks on
# about it; "they give 10k a year right? i want to stay in MA, whats ranked around here" (9
# words) asks something of its own.
GUESS_FOLLOW_UP_WORDS = 6


def _asks(piece: str) -> bool:
    """A part of a message that is a question of its own: it ends with "?" or one of its
    clauses opens like a question ("and is anything ranked in montana", "i want to stay in
    MA, whats ranked around here")."""
    if piece.rstrip().endswith("?"):
        return True
    for clause in piece.lower().split(","):  # "i want to stay in MA, whats ranked around here"
        words = re.findall(r"[a-z']+", clause)
        if words[:1] in (["and"], ["also"], ["plus"], ["oh"]):
            words = words[1:]
        if words and words[0] in word_class("part_question_starts"):
            return True
    return False


def _parts(message: Message) -> List[Message]:
    """"does google cover grad school? and is anything ranked in montana": two questions.
    The first keeps the classifier's hint (it is usually about the first); the others are
    read from their words alone."""
    pieces: List[str] = []
    for piece in (p.strip() for p in re.split(r"(?<=\?)\s+", message.text or "")):
        if pieces and (not _asks(piece) or _checks_a_guess(pieces[-1]) and
                       len(piece.split()) <= GUESS_FOLLOW_UP_WORDS):
            pieces[-1] = f"{pieces[-1]} {piece}"  # "what fits? cheapest first pls": one
            # (and "pitt is only a little more right? how much more exactly")
        elif piece:
            pieces.append(piece)
    pieces = [p for p in pieces if len(p.split()) >= MIN_PART_WORDS]
    if len(pieces) < 2:
        return [message]
    return [replace(message, text=pieces[0]),
            *(Message(text=piece, entities=message.entities) for piece in pieces[1:])]


def _with_source_button(replies: List[Reply]) -> List[Reply]:
    """The "Source" quick reply on the answer's last text, if it has room for one more."""
    for index in range(len(replies) - 1, -1, -1):
        reply = replies[index]
        if reply.text and not reply.fixed:
            if len(reply.buttons) < MAX_BUTTONS:
                replies[index] = replace(reply, buttons=(*reply.buttons, SOURCE_BUTTON))
            break
    return replies


def respond(message: Message, state: Optional[Mapping[str, Any]]) -> Turn:
    current = ConversationState.from_dict(state)
    replies: List[Reply] = []
    questions: List[Question] = []
    answered: List[Outcome] = []
    for part in _parts(message):
        question = read(part, current)
        if questions and question.act in QUIET_PARTS:
            continue  # a second part that asks nothing new
        outcomes, current = decide(question, current)
        replies += [reply for reply in render(outcomes) if reply not in replies]
        questions.append(question)
        answered += outcomes
    if all(question.act != "source" for question in questions):
        # "Source" next shows the lines behind this answer (knowledge.replying.citations)
        cited = lines_behind(answered)
        current = current.but(cited=cited, valued=valued_schools(answered))
        if cited:
            replies = _with_source_button(replies)
    refused = tuple(n for question in questions for n in question.refused)
    if refused:
        replies = [refused_reply(refused), *(r for r in replies if r.fixed != "unclear")]
    if questions[0].greeting and questions[0].act != "greet" and replies:
        replies = [Reply(fixed="greet_short"), *replies]
    return Turn(replies, current.to_dict(), questions[0])
