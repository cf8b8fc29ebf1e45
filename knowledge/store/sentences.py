"""What the source says about one school, as sentences: the profile's prose split into
sentences, and one sentence per listed program, lab, faculty member and list of partners,
employers or roles. The loader stores them with their sentence embeddings, so a question
about a school can be answered by the sentence of its profile that says it."""
import re
from typing import Any, Dict, Iterable, List, Optional, Tuple

import numpy as np

# A sentence ends at . ! or ? before a capital, but not inside "U.S." or after an initial.
_SENTENCE_END = re.compile(r"(?<![A-Z]\.[A-Z]\.)(?<!\b[A-Z]\.)(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
PROSE = ("stand_out", "insight", "overview")

Sentence = Tuple[str, str]  # (part of the profile, text)


def split_sentences(text: Optional[str]) -> List[str]:
    return [part.strip() for part in _SENTENCE_END.split(" ".join((text or "").split()))
            if part.strip()]


def _joined(name: str, detail: Optional[str], pattern: str) -> str:
    return pattern.format(name=name, detail=detail) if detail else name


def profile_sentences(record: Dict[str, Any]) -> List[Sentence]:
    """Every sentence of a school record's profile (none for a school without one)."""
    profile = record.get("profile") or {}
    sentences: List[Sentence] = []
    for part in PROSE:
        sentences += [(part, text) for text in split_sentences(profile.get(part))]
    sentences += [("programs", _joined(p["name"], p.get("length"), "{name} ({detail})"))
                  for p in profile.get("degree_programs") or ()]
    sentences += [("labs", _joined(lab["name"], lab.get("focus"), "{name} - {detail}"))
                  for lab in profile.get("research_labs") or ()]
    sentences += [("faculty", _joined(f["name"], f.get("area"), "{name} ({detail})"))
                  for f in profile.get("faculty") or ()]
    for part, label in (("industry_partners", "Industry partners"),
                        ("top_employers", "Top employers"), ("common_roles", "Common roles"),
                        ("accreditations", "Accreditations")):
        if profile.get(part):
            sentences.append((part, f"{label}: {', '.join(profile[part])}"))
    sentences += [("admissions", f"Admissions: {a['fact'].upper()} {a['value']}"
                   + (f" ({a['detail']})" if a.get("detail") else ""))
                  for a in profile.get("admissions") or ()]
    sentences += [("location_advantages", text) for text in profile.get("location_advantages")
                  or ()]
    return sentences


def embeddings(texts: Iterable[str]) -> Optional[np.ndarray]:
    """The texts' sentence embeddings, or None when the encoder's model is not installed."""
    texts = list(texts)
    try:
        from knowledge.understanding.sentence_encoder import default_encoder
        return default_encoder().encode(texts) if texts else np.zeros((0, 384), np.float32)
    except RuntimeError:
        return None
