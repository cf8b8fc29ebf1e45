"""The project's intent classifier as Rasa runs it: trained, saved with skops, loaded again,
with the spaCy ruler's entity tokens and the sentence embeddings as features."""
from collections import Counter

import numpy as np
import pytest
import skops.io as sio
from scipy import sparse

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components.spacy_pipeline import build_pipeline
from nlu_components.intent_classifier import (MODEL_FILE, TRUSTED_TYPES, TfidfIntentClassifier,
                                              UntrustedModelError, classifier_input)
from tests.rasa_servers import PROJECT_ROOT

EXAMPLES = {
    "ask_tuition": ["how much is tuition at CMU", "what does USC cost", "price of NYU",
                    "tuition at emory per year", "is UW expensive"],
    "greet": ["hi", "hello there", "hey", "good morning", "hiya"],
    "ask_thesis": ["should i do a thesis", "thesis or coursework only", "is a thesis worth it",
                   "non-thesis track pros and cons", "do i need a thesis for a phd"],
}


def _message(nlp, text, intent=None):
    data = {TEXT: text, SPACY_DOCS[TEXT]: nlp(text)}
    if intent:
        data[INTENT] = intent
    return Message(data=data)


@pytest.mark.parametrize("embedding_weight", [1.0, 0.0])  # with and without sentence embeddings
def test_trains_saves_loads_and_predicts(tmp_path, embedding_weight):
    config = {"sentence_embedding_weight": embedding_weight}
    nlp = build_pipeline()
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intent_classifier")
    context = ExecutionContext(GraphSchema({}), "test")
    data = TrainingData([_message(nlp, text, intent) for intent, texts in EXAMPLES.items()
                         for text in texts])
    trained = TfidfIntentClassifier.create(config, storage, resource, context)
    trained.train(data)
    with storage.read_from(resource) as directory:  # the loader's list is exactly what it saves
        assert set(sio.get_untrusted_types(file=directory / MODEL_FILE)) == TRUSTED_TYPES
    loaded = TfidfIntentClassifier.load(config, storage, resource, context)
    for component in (trained, loaded):
        asked = component.process([_message(nlp, "tuition at carnegie melon?"),
                                   _message(nlp, "hello!")])
        assert [m.get(INTENT)["name"] for m in asked] == ["ask_tuition", "greet"]
        ranking = asked[0].get("intent_ranking")
        assert len(ranking) == 3 and abs(sum(i["confidence"] for i in ranking) - 1) < 1e-6
        empty = component.process([_message(nlp, ""), _message(nlp, "  \n ")])
        assert [m.get(INTENT) for m in empty] == [{"name": None, "confidence": 0.0}] * 2


def test_the_encoder_runs_only_for_messages_words_alone_leave_unsure(tmp_path, monkeypatch):
    from nlu_components import intent_classifier

    encoded = []
    encoder = intent_classifier.default_encoder()

    class CountingEncoder:
        def encode(self, texts):
            encoded.extend(texts)
            return encoder.encode(texts)

    monkeypatch.setattr(intent_classifier, "default_encoder", CountingEncoder)
    nlp = build_pipeline()
    data = TrainingData([_message(nlp, text, intent) for intent, texts in EXAMPLES.items()
                         for text in texts])
    context = ExecutionContext(GraphSchema({}), "test")
    for gate, expected in [(0.0, []), (1.01, ["tuition at CMU", "hiya"])]:
        component = TfidfIntentClassifier.create({"embedding_gate": gate}, LocalModelStorage(
            tmp_path), Resource(f"intent_classifier_{gate}"), context)
        component.train(data)
        encoded.clear()
        asked = component.process([_message(nlp, "tuition at CMU"), _message(nlp, "hiya")])
        assert encoded == expected
        assert [m.get(INTENT)["name"] for m in asked] == ["ask_tuition", "greet"]


def test_the_rulers_entities_become_tokens():
    nlp = build_pipeline()
    assert classifier_input(_message(nlp, "is uc irvine in texas")) == (
        "is uc irvine in texas entity_school entity_state")
    assert classifier_input(Message(data={TEXT: "hi"})) == "hi"


@pytest.mark.parametrize("hostile", [eval, np.load, sparse.coo_matrix(np.eye(2))],
                         ids=["builtins.eval", "numpy.load", "scipy coo_matrix"])
def test_a_model_naming_a_type_it_never_saves_is_refused(tmp_path, hostile):
    """A replaced model file is code we would run: a type outside the list stops the load,
    though it comes from a module (builtins, numpy, scipy) the classifier does use."""
    storage, resource = LocalModelStorage(tmp_path), Resource("crafted")
    with storage.write_to(resource) as directory:
        sio.dump({"vectorizer": hostile}, directory / MODEL_FILE)
    with pytest.raises(UntrustedModelError, match="names types it should not"):
        TfidfIntentClassifier.load({}, storage, resource, ExecutionContext(GraphSchema({}), "t"))


def test_without_training_it_leaves_messages_alone(tmp_path):
    storage, resource = LocalModelStorage(tmp_path), Resource("untrained")
    context = ExecutionContext(GraphSchema({}), "test")
    component = TfidfIntentClassifier.load({}, storage, resource, context)
    message = Message(data={TEXT: "hi"})
    assert component.process([message]) == [message] and message.get(INTENT) is None


def test_the_held_out_phrasings_cover_every_trained_intent_and_no_other():
    """bench/nlu_holdout.yml measures unseen phrasings (bench/nlu_accuracy.py --holdout): it
    must stay in step with the intents of data/nlu/ and outside the training data folder."""
    held_out = Counter(e.get(INTENT) for e in load_data(
        str(PROJECT_ROOT / "bench" / "nlu_holdout.yml")).intent_examples)
    assert set(held_out) == load_data(str(PROJECT_ROOT / "data" / "nlu")).intents
    assert min(held_out.values()) >= 10
    assert not list((PROJECT_ROOT / "data").rglob("nlu_holdout*"))
