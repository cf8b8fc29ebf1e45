"""Build the spaCy pipeline Rasa uses, and the NLU lookup tables, from the knowledge store:
`python -m nlu_components.spacy_pipeline [DIR]`.

No pretrained model is downloaded: a blank English pipeline gets an entity_ruler whose
patterns are the store's school names and aliases (label "school"), US states ("state"),
the schools' cities ("city"), and the source's careers ("career") and employers with tuition
benefits ("employer"), with their other names. Matching is case-insensitive (LOWER). The ruler
returns the surface text; `knowledge.store.queries.school_resolver()` maps it to a school.

The same names become Rasa lookup tables (data/nlu/lookups.yml, generated, not committed):
Rasa's RegexFeaturizer turns "a school / state / career ... is mentioned" into features,
so DIET sees a school it never saw in an example (cross-validated intent F1 +2 points).
"""
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, cast

import spacy

from knowledge.store.guides import terms
from knowledge.store.queries import cities, school_names_and_aliases, state_names
from knowledge.store.engine import PROJECT_ROOT

if TYPE_CHECKING:
    from spacy.pipeline import EntityRuler

DEFAULT_OUTPUT = PROJECT_ROOT / "build" / "spacy_ml_masters"
LOOKUPS_FILE = PROJECT_ROOT / "data" / "nlu" / "lookups.yml"


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
    # add_pipe() is typed as returning any Pipe; "entity_ruler" makes an EntityRuler.
    ruler = cast("EntityRuler", nlp.add_pipe("entity_ruler",
                                             config={"phrase_matcher_attr": "LOWER"}))
    # spaCy types the patterns as an invariant List[Dict[str, str | list]]; ours are phrases.
    ruler.add_patterns(entity_patterns())  # type: ignore[arg-type]
    nlp.meta["name"] = "ml_masters"
    nlp.meta["description"] = "Blank English + entity_ruler built from the knowledge store"
    return nlp


def lookup_tables_yaml() -> str:
    """Rasa NLU data with one lookup table per entity label of the patterns."""
    tables: Dict[str, List[str]] = defaultdict(list)
    for pattern in entity_patterns():
        if pattern["pattern"] not in tables[pattern["label"]]:
            tables[pattern["label"]].append(pattern["pattern"])
    lines = ["# Generated from the knowledge store by "
             "`python -m nlu_components.spacy_pipeline`; do not edit.",
             'version: "3.1"', "nlu:"]
    for label, names in tables.items():
        lines += [f"- lookup: {label}", "  examples: |", *(f"    - {name}" for name in names)]
    return "\n".join(lines) + "\n"


def main(argv: List[str]) -> int:
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    nlp = build_pipeline()
    nlp.to_disk(output)
    ruler = cast("EntityRuler", nlp.get_pipe("entity_ruler"))
    print(f"spaCy pipeline with {len(ruler.patterns)} patterns "
          f"saved to {output}")
    LOOKUPS_FILE.write_text(lookup_tables_yaml(), encoding="utf-8")
    print(f"lookup tables written to {LOOKUPS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
