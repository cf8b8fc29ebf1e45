"""The spaCy pipeline built from the store: blank English + entity_ruler, saved and reloaded."""
import spacy

from knowledge.nlp import build_pipeline, entity_patterns


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
