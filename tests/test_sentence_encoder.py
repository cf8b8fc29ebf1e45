"""The NumPy forward pass of all-MiniLM-L6-v2 gives the vectors sentence-transformers gives
(tests/data/minilm_reference.py wrote them), and they mean what the classifier needs."""
import json

import numpy as np

from knowledge.understanding.sentence_encoder import MAX_TOKENS, default_encoder
from tests.rasa_servers import PROJECT_ROOT

REFERENCE = json.loads((PROJECT_ROOT / "tests" / "data" / "minilm_reference.json").read_text())


def test_vectors_equal_the_reference_implementations():
    texts, expected = REFERENCE["texts"], np.array(REFERENCE["vectors"], dtype=np.float32)
    vectors = default_encoder().encode(texts)
    assert vectors.shape == (len(texts), 384) and vectors.dtype == np.float32
    assert np.abs(vectors - expected).max() < 1e-5


def test_a_text_alone_or_in_a_batch_of_other_lengths_gets_the_same_vector():
    encoder = default_encoder()
    texts = ["hi", "which is cheaper, penn or nyu, and which graduates more students?", "ok"]
    batch = encoder.encode(texts, batch_size=2)
    for text, row in zip(texts, batch):
        assert np.abs(encoder.encode([text])[0] - row).max() < 1e-5


def test_unit_length_for_any_input_and_nothing_for_no_input():
    encoder = default_encoder()
    odd = ["", "   ", "😀😀😀", "x" * 10_000, "DROP TABLE schools;--", "ümlaut café"]
    vectors = encoder.encode(odd)
    assert np.all(np.isfinite(vectors))
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert len(encoder.tokenizer.encode("word " * 1000).ids) == MAX_TOKENS
    assert encoder.encode([]).shape == (0, 384)


def test_paraphrases_sharing_no_word_are_closer_than_other_topics():
    thanks, obliged, tuition, goodbye = default_encoder().encode(
        ["thank you", "much obliged", "what is the tuition at usc", "see you later"])
    assert thanks @ obliged > 0.4 > max(thanks @ tuition, obliged @ tuition, obliged @ goodbye)
