"""Build the spaCy pipeline Rasa uses, from the knowledge store: `python -m knowledge.nlp DIR`.

No pretrained model is downloaded: a blank English pipeline gets an entity_ruler whose
patterns are the store's school names and aliases (label "school"), US states ("state"),
the schools' cities ("city"), and the source's careers ("career") and employers with tuition
benefits ("employer"), with their other names. Matching is case-insensitive (LOWER). The ruler returns
the surface text; `knowledge.queries.school_resolver()` maps it to a school.
"""
import sys
from pathlib import Path
from typing import Dict, List

import spacy

from knowledge.guides import terms
from knowledge.queries import cities, school_names_and_aliases, state_names
from knowledge.store import PROJECT_ROOT

DEFAULT_OUTPUT = PROJECT_ROOT / "build" / "spacy_ml_masters"


def entity_patterns() -> List[Dict[str, str]]:
    patterns = []
    for name, aliases in school_names_and_aliases():
        labels = {name, name.replace("-", " "), *aliases}
        patterns += [{"label": "school", "pattern": label} for label in sorted(labels)]
    patterns += [{"label": "state", "pattern": state} for state in state_names().values()]
    patterns += [{"label": "city", "pattern": city} for city, _state in cities()]
    for kind in ("career", "employer"):
        patterns += [{"label": kind, "pattern": term} for term in sorted(terms(kind))]
    return patterns


def build_pipeline() -> "spacy.language.Language":
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(entity_patterns())
    nlp.meta["name"] = "ml_masters"
    nlp.meta["description"] = "Blank English + entity_ruler built from the knowledge store"
    return nlp


def main(argv: List[str]) -> int:
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    nlp = build_pipeline()
    nlp.to_disk(output)
    print(f"spaCy pipeline with {len(nlp.get_pipe('entity_ruler').patterns)} patterns "
          f"saved to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
