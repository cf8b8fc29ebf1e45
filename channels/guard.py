"""Every channel's way into Rasa goes through `guarded`: the user always gets a sentence.

* An over-long message is answered here, before Rasa reads it (nlu_components.message_limits
  says why the limit exists); unprintable characters are taken out of every message.
* Whatever fails behind the channel (the action server down or raising, the tracker store
  or Redis down, a model error), the turn still ends with a sentence: a turn that produced
  no reply gets CANNOT_ANSWER, and the error is logged with the conversation id. Nothing is
  changed in the conversation, so the next turn after the fault is repaired works.
"""
import logging
from typing import Any, Awaitable, Callable, Text, cast

from rasa.core.channels.channel import OutputChannel, UserMessage

from nlu_components.message_limits import MAX_MESSAGE_CHARS, bounded, clean_text, too_long

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

CANNOT_ANSWER = "Sorry — I can't look that up right now. Please try again in a moment."
TOO_LONG = ("That message is too long for me ({length:,} characters; I read up to "
            "{limit:,}). Please ask one question at a time, e.g. “tuition at CMU” or "
            "“cheapest programs in California”.")


class CountingOutput:
    """Stands in for an output channel: passes every reply on (any `send_*` call) and counts
    them; everything else (a collector's `messages`, `name()`) is the channel's own."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.inner, name)
        if not (name.startswith("send_") and callable(attribute)):
            return attribute

        async def counted(*args: Any, **kwargs: Any) -> Any:
            self.sent += 1
            return await attribute(*args, **kwargs)

        return counted


async def _say(output: OutputChannel, recipient_id: Text, text: Text) -> None:
    try:
        await output.send_text_message(recipient_id, text)
    except Exception:  # noqa: BLE001 - the channel itself is down: nothing more to do
        logger.exception("could not send a reply to conversation %s", bounded(recipient_id))


def guarded(on_new_message: OnNewMessage) -> OnNewMessage:
    """on_new_message that always answers (see the module's docstring)."""

    async def handle(message: UserMessage) -> None:
        output = message.output_channel
        text = clean_text(message.text)
        if too_long(text):
            logger.info("conversation %s: a message of %d characters refused",
                        bounded(message.sender_id), len(text))
            await _say(output, message.sender_id,
                       TOO_LONG.format(length=len(text), limit=MAX_MESSAGE_CHARS))
            return
        counting = CountingOutput(output)
        try:
            await on_new_message(UserMessage(
                text, cast(OutputChannel, counting), message.sender_id,
                parse_data=message.parse_data, input_channel=message.input_channel,
                message_id=message.message_id,
                metadata=message.metadata))
        except Exception:  # noqa: BLE001 - the user must get a sentence whatever broke
            logger.exception("the turn failed in conversation %s (message %s)",
                             bounded(message.sender_id), bounded(text))
        if not counting.sent:
            logger.error("conversation %s: no reply to %s; sent the apology",
                         bounded(message.sender_id), bounded(text))
            await _say(output, message.sender_id, CANNOT_ANSWER)

    return handle
