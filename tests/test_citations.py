"""Every figure can be checked at the source: each line the curated data names holds the
facts it stands for (read from the document itself, not from knowledge/data), and "Source"
after an answer names those lines, quotes them, and shows how a derived value is computed."""
import pytest

from knowledge.conversation import respond
from knowledge.data import read_data
from knowledge.question import Message
from knowledge.replying import citations
from knowledge.store.queries import all_school_facts
from tests import source_document

LINES = source_document.text().splitlines()
PROFILE_PREFIXES = {"profile": "Hakia ranks", "stand_out": "What makes", "insight": "Hakia Insight",
                    "overview": "Program Overview:", "programs": "Degree Programs:",
                    "labs": "Research Labs:", "partners": "Industry Partners:",
                    "careers": "Career Outcomes:", "faculty": "Notable Faculty:",
                    "admissions": "Admissions:", "accreditation": "Accreditations:"}


def line(number: int) -> str:
    return LINES[number - 1]


@pytest.mark.parametrize("row", source_document.top50_rows(), ids=lambda r: r.name)
def test_each_schools_table_line_holds_every_figure_of_its_row(row):
    lines = citations._school_lines()[row.name]
    text = line(lines["table"])
    grad = f"{row.graduation_rate}%" if row.graduation_rate is not None else "—"
    for figure in (f"| {row.rank} |", row.name, f"{row.city}, {row.state}", row.control.title(),
                   f"${row.tuition:,}", grad, f"{row.score:g}"):
        assert figure in text, (figure, text)


@pytest.mark.parametrize("school", [s for s in all_school_facts() if s.rank <= 10],
                         ids=lambda s: s.name)
def test_each_profile_line_is_that_schools_and_that_fields(school):
    lines = citations._school_lines()[school.name]
    assert {"table", "profile", "overview", "programs", "careers", "admissions"} <= set(lines)
    figures = line(lines["profile"])
    assert school.name in figures and f"${school.tuition_per_year:,}" in figures
    for key, prefix in PROFILE_PREFIXES.items():
        if key in lines:
            assert line(lines[key]).startswith(prefix), (key, line(lines[key]))
    header = line(lines["profile"] - 1)
    assert header.startswith(f"#{school.rank}. {school.name}")  # the profile's own block


def test_each_states_row_line_holds_its_figures():
    rows = [s for s in read_data("states.yaml")["states"] if "programs" in s]
    assert len(rows) == 10 and all("line" in s for s in rows)
    for state in rows:
        text = line(state["line"])
        for figure in (state["name"], f"| {state['programs']} |",
                       f"${state['median_tuition']:,}", state["top_program"]):
            assert figure in text, (figure, text)


def test_guides_careers_and_benefits_lines():
    guides = read_data("guides.yaml")
    for guide in guides["guides"]:
        sections = [part.strip() for part in guide["source_section"].split(";")]
        assert any(line(n).startswith(section) for n in guide["source_lines"]
                   for section in sections), guide["key"]
    for career in guides["careers"]:
        assert line(career["line"]).strip() == career["title"]
        assert line(career["line"] + 1).startswith(f"SOC {career['soc']}")
    for benefit in guides["employer_benefits"]:
        assert benefit["benefit"] in line(benefit["line"]), benefit["employer"]


def talk(*texts):
    state, turn = {}, None
    for text in texts:
        turn = respond(Message(text=text), state)
        state = turn.state
    return turn


def test_an_answer_offers_source_and_source_quotes_its_line():
    answer = talk("tuition at CMU")
    assert ("Source", "source") in answer.replies[-1].buttons
    reply = talk("tuition at CMU", "source").replies[0].text
    assert "line 283" in reply and "| 1 | Carnegie Mellon University |" in reply
    assert "$62,260" in reply


def test_source_shows_how_a_derived_value_is_computed():
    reply = talk("compare uw and uci", "where is that from?").replies[0].text
    assert "81.7 ÷ 1.1524 = 70.9" in reply and "65.7 ÷ 1.1834 = 55.5" in reply


def test_a_states_answer_cites_the_states_rows():
    reply = talk("median tuition in georgia vs new york", "source").replies[0].text
    assert "line 391" in reply and "$16,800" in reply and "line 385" in reply


def test_an_answer_without_a_figure_cites_nothing_and_says_so():
    reply = talk("tuition at CMU", "hi", "source").replies[0].text
    assert "quotes no line" in reply and "283" not in reply


def test_without_the_document_the_lines_are_still_named(monkeypatch, tmp_path):
    monkeypatch.setenv(citations.SOURCE_PATH_VARIABLE, str(tmp_path / "absent.txt"))
    reply = talk("tuition at CMU", "source").replies[0].text
    assert "line 283 — Carnegie Mellon University, top-50 table, its row" in reply
    assert "|" not in reply  # nothing quoted
