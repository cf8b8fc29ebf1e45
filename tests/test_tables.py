"""Rankings and comparisons as data (knowledge.replying.tables), beside their unchanged text:
every figure the store's, an unknown None and "not listed" (never 0), the same rows and notes
as the text, JSON-ready. No Rasa."""
import json

from knowledge.conversation import respond
from knowledge.deciding.ranking import rank, value_of
from knowledge.question import Criteria, Message
from knowledge.replying.comparisons import comparison_reply, comparison_table
from knowledge.replying.ranking_answers import ranking_answer, ranking_reply
from knowledge.replying.tables import UNKNOWN
from knowledge.store.queries import school_facts

CMU, NYU, UW = "Carnegie Mellon University", "New York University", \
    "University of Washington-Seattle Campus"
STORE_FIGURES = {"rank": "rank", "tuition": "tuition_per_year", "grad_rate": "graduation_rate",
                 "score": "score"}


def cells(table):
    """[{column key: cell}] a row."""
    keys = [column.key for column in table.columns]
    return [dict(zip(keys, row)) for row in table.rows]


def assert_figures_are_the_stores(table):
    for row in cells(table):
        facts = school_facts(row["school"].value)
        for key, cell in row.items():
            if key in STORE_FIGURES:
                assert cell.value == getattr(facts, STORE_FIGURES[key]), (facts.name, key)
            if key == "value":
                assert cell.value == value_of(facts)
            if cell.value is None:
                assert cell.text == UNKNOWN


def test_a_ranking_page_is_its_text_as_a_table_and_an_unknown_is_not_listed():
    ranking = rank(Criteria(sort_by="grad_rate", states=("NY",)))
    text, table = ranking_answer(ranking)
    assert text == ranking_reply(ranking)
    lines = text.splitlines()
    assert table.kind == "ranking" and table.title == lines[0]
    assert [c.key for c in table.columns] == ["position", "school", "tuition", "grad_rate",
                                              "score", "rank", "location", "control"]
    rows = cells(table)
    assert [r["school"].value for r in rows] == [s.name for s in ranking.listed]
    for row, line in zip(rows, lines[1:]):
        assert line.startswith(f"{row['position'].text}. {row['school'].text} ({row['rank'].text}")
        assert f"{row['tuition'].text}/yr" in line and f"score {row['score'].text}" in line
    nyu = next(r for r in rows if r["school"].value == NYU)
    assert nyu["grad_rate"].value is None and nyu["grad_rate"].text == "not listed"
    assert_figures_are_the_stores(table)
    assert all(note in lines for note in table.notes)
    assert table.source and f"(Source: {table.source}.)" == lines[-1]


def test_a_later_page_is_numbered_on_and_value_is_a_column_only_by_value():
    ranking = rank(Criteria(sort_by="value"))
    _, table = ranking_answer(ranking, 5, 5)
    assert table.title == "Rows 6-10 of 25:"
    assert [row[0].value for row in table.rows] == [6, 7, 8, 9, 10]
    assert [c.key for c in table.columns][2:6] == ["tuition", "grad_rate", "score", "value"]
    assert_figures_are_the_stores(table)
    _, by_score = ranking_answer(rank(Criteria()))
    assert "value" not in [c.key for c in by_score.columns]


def test_no_row_no_table():
    assert ranking_answer(rank(Criteria(states=("OH",))))[1] is None
    assert ranking_answer(rank(Criteria()), 25)[1] is None


def test_a_comparison_has_every_column_its_verdicts_and_bars_for_the_sources_figures():
    schools = [school_facts(name) for name in (CMU, NYU, UW)]
    table = comparison_table(schools, ())
    text = comparison_reply(schools, ())
    assert table.kind == "comparison" and table.title == "Side by side"
    assert [r["school"].value for r in cells(table)] == [CMU, NYU, UW]
    assert table.charts == ("tuition", "grad_rate", "score")
    assert all(note in text.splitlines() for note in table.notes)
    assert any(note.startswith("Highest graduation rate") for note in table.notes)
    assert cells(table)[1]["grad_rate"].value is None
    assert_figures_are_the_stores(table)


def test_a_comparison_on_fields_shows_those_and_charts_those():
    schools = [school_facts(name) for name in ("University of Pennsylvania", NYU)]
    table = comparison_table(schools, ("tuition",))
    assert [c.key for c in table.columns] == ["school", "tuition"]
    assert table.charts == ("tuition",) and table.title == "Side by side: tuition"
    on_score = comparison_table(schools, ("score", "grad_rate"))
    assert [c.key for c in on_score.columns] == ["school", "rank", "score", "grad_rate"]
    assert_figures_are_the_stores(on_score)


def test_the_replies_carry_the_table_as_json_and_the_text_as_before():
    turn = respond(Message("compare CMU, NYU and UW"), {})
    reply, = turn.replies
    assert reply.text == comparison_reply([school_facts(n) for n in (CMU, NYU, UW)], ())
    data = json.loads(json.dumps(reply.table.to_dict(), allow_nan=False))
    assert data["rows"][1][5] == {"value": None, "text": "not listed"}
    assert {column["key"] for column in data["columns"]} >= {"tuition", "grad_rate", "score"}
    ranking = respond(Message("cheapest programs in California"), {}).replies[0]
    assert ranking.table.kind == "ranking" and ranking.buttons
    assert respond(Message("tuition at CMU"), {}).replies[0].table is None
