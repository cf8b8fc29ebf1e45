"""The spaCy pipeline built from the store: blank English + entity_ruler, saved and reloaded."""
import spacy

from nlu_components.spacy_pipeline import build_pipeline, entity_patterns


def test_patterns_cover_every_school_alias_state_and_city():
    patterns = entity_patterns()
    labels = {(p["label"], p["pattern"]) for p in patterns}
    assert ("school", "Carnegie Mellon University") in labels
    assert ("school", "CMU") in labels
    assert ("school", "University of Washington Seattle Campus") in labels
    assert ("state", "Massachusetts") in labels
    assert ("city", "Worcester") in labels


def test_saved_pipeline_finds_entities_case_insensitively(tmp_path):
    build_pipeline().to_disk(tmp_path / "pipeline")
    nlp = spacy.load(tmp_path / "pipeline")
    assert nlp.pipe_names == ["entity_ruler"]
    doc = nlp("is uc irvine cheaper than cmu? any schools in texas or in worcester")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("uc irvine", "school"), ("cmu", "school"), ("texas", "state"), ("worcester", "city")]


def test_lookup_tables_list_every_pattern_under_its_label():
    import yaml

    from nlu_components.spacy_pipeline import lookup_tables_yaml

    tables = {table["lookup"]: [line[2:] for line in table["examples"].splitlines()]
              for table in yaml.safe_load(lookup_tables_yaml())["nlu"]}
    assert set(tables) == {"school", "state", "city", "career", "employer"}
    assert "CMU" in tables["school"] and "Carnegie Mellon University" in tables["school"]
    assert "Texas" in tables["state"] and "Worcester" in tables["city"]
    assert sum(map(len, tables.values())) == len({(p["label"], p["pattern"])
                                                  for p in entity_patterns()})
