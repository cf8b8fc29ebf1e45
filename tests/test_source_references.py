"""The curated data against the source document itself: every quote the data keeps stands
on the line it names, the schools outside the listed rows are really not in the table, the
conversation set's figures are the source's, and the vocabulary holds only words."""
import re

import pytest

from knowledge.data import read_data
from knowledge.store.queries import all_school_facts, other_schools
from knowledge.understanding.vocabulary import amounts
from tests import source_document
from tests.conversation_set import PARTS, load

LINES = source_document.text().splitlines()


def on_line(quote, line):
    return quote in LINES[line - 1]


@pytest.mark.parametrize("school", read_data("other_schools.yaml")["schools"],
                         ids=lambda s: s["name"])
def test_other_schools_are_not_listed_rows_and_their_quotes_are_on_their_lines(school):
    rows = {row.name for row in source_document.top50_rows()}
    assert school["name"] not in rows
    for mention in school["mentions"]:
        assert on_line(mention["quote"], mention["line"]), mention


def test_the_source_counts_the_replies_use_are_the_documents():
    about = read_data("source.yaml")
    ranks, listed, profiles = about["ranks"], about["listed_rows"], about["profiles"]
    assert on_line(f"Showing 1–{listed} of {ranks}", about["showing_line"])
    text = source_document.text()
    assert f"Top {ranks} Machine Learning Master's Programs 2026" in text
    assert f"Best Machine Learning Programs - Top {profiles} Master's" in text
    assert len(all_school_facts()) == listed
    assert sum(s.has_profile for s in all_school_facts()) == profiles
    assert about["document"] == source_document.SOURCE.name


def test_states_table_names_match_other_schools_or_listed_rows():
    named = {s.states_table for s in other_schools() if s.states_table}
    table = {row["top_program"] for row in read_data("states.yaml")["states"]
             if row.get("top_program")}
    listed_aliases = {alias for s in all_school_facts() for alias in (s.name, *s.aliases)}
    # the rest are listed rows: "Carnegie Mellon University", "University of Washington"
    assert table - named <= listed_aliases


def test_study_format_quotes_are_on_their_lines():
    formats = [f for s in all_school_facts() for f in s.study_formats]
    assert len(formats) >= 8
    for found in formats:
        assert on_line(found.quote, found.line), found


def _dollars(text: str) -> set:
    return {int(found.replace(",", "")) for found in re.findall(r"\$([\d,]*\d)", text)}


def test_the_sources_best_value_pick_is_on_its_line():
    pick = read_data("source.yaml")["best_value"]
    assert on_line(pick["quote"], pick["line"]), pick
    assert pick["school"] in pick["quote"]


def test_the_conversation_sets_figures_are_in_the_source():
    """Every figure a reply must hold is the source's, or worked out from the source's
    figures and the user's own: a gap between two tuitions ("how much more is penn than
    uw": $47,096), or a tuition less what the user's employer pays ("covers up to 10k",
    "covers 95%": $576 of $11,524)."""
    text = source_document.text()
    source = _dollars(text)
    for part in PARTS:
        for conversation in load(part):
            for turn in conversation.turns:
                said = {a.dollars for a in amounts(turn.user)}
                worked_out = {a - b for a in source for b in (*source, *said) if a > b}
                shares = {int(p) for p in re.findall(r"(\d{1,3})\s?%", turn.user)}
                worked_out |= {int(a * (100 - p) / 100) for a in source for p in shares}

                def traced(option: str) -> bool:
                    return all(figure in text or figure.startswith("$") and int(
                        figure[1:].replace(",", "")) in worked_out
                        for figure in re.findall(r"\$[\d,]+|\d+%", option))

                for item in turn.expect:  # of alternatives ({any: [...]}), one at least
                    options = item["any"] if isinstance(item, dict) else [item]
                    assert any(traced(str(option)) for option in options), \
                        (conversation.id, item)


def test_the_conversation_set_is_big_enough_and_a_fifth_is_held_back():
    tuning, held = (load(part) for part in PARTS)
    turns = sum(len(c.turns) for c in (*tuning, *held))
    assert len(tuning) + len(held) >= 100 and turns >= 300
    assert len(held) >= (len(tuning) + len(held)) / 5 - 1


def _phrases(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _phrases(value)
    elif isinstance(node, list):
        yield from node
    else:
        yield node


def test_every_vocabulary_phrase_is_text():
    """YAML reads a bare yes/no/on as a boolean: a word list must hold only words."""
    lists = [v for v in read_data("vocabulary.yaml").values() if isinstance(v, (list, dict))]
    odd = [p for node in lists for p in _phrases(node)
           if not isinstance(p, (str, int)) or isinstance(p, bool)]
    assert odd == []
