"""What a message may be: its length, its characters, how many entities it yields.

The channels (channels/guard.py) refuse an over-long message with a sentence before Rasa
sees it; the two pipeline components below are the backstop for any way in that has no
guard (`rasa shell`, a client posting to Rasa's HTTP API): they cut the text before spaCy and
the tokenizers see it, and cut the entities before they are written into the tracker.

Why these limits (issue 12): a 100 kB message took ~4.6 s of DIET (attention is quadratic in
tokens) on the event loop that serves every user; a 25 kB flood of school names gave 8,000+
entities, a 2 MB tracker sent to the action server on every later turn; past spaCy's
1,000,000 characters the message got no reply at all. The longest turn of the realistic
conversation set (tests/conversations) is under 400 characters.
"""
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

MAX_MESSAGE_CHARS = 2000
MAX_ENTITIES = 40  # a question names a few schools and figures; 40 is far beyond any real one

# Control characters (except tab and newline) and lone UTF-16 surrogates: spaCy cannot
# encode a lone surrogate, and controls only hide text from people reading the logs.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: Optional[Any]) -> Text:
    """The text as the bot reads it: a string, without unprintable characters."""
    if not isinstance(text, str):
        return ""
    return _UNPRINTABLE.sub(" ", text)


def too_long(text: Text) -> bool:
    return len(text) > MAX_MESSAGE_CHARS


def bounded(text: Any, limit: int = 200) -> Text:
    """A user text cut for a log line (a 1 MB message must not become a 1 MB log line)."""
    shown = repr(text)
    return shown if len(shown) <= limit else f"{shown[:limit]}… ({len(shown)} chars)"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
                          is_trainable=False)
class MessageTextLimit(GraphComponent):
    """First in the pipeline: the text cleaned and cut to MAX_MESSAGE_CHARS."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext
               ) -> "MessageTextLimit":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # the examples are ours, and short

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                message.set(TEXT, clean_text(text)[:MAX_MESSAGE_CHARS])
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class EntityLimit(GraphComponent):
    """After the extractors: at most MAX_ENTITIES entities per message."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> "EntityLimit":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            if len(entities) > MAX_ENTITIES:
                message.set(ENTITIES, entities[:MAX_ENTITIES])
        return messages
