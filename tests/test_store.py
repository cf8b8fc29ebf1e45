"""The store, loaded from the data files, against the source document."""
import pytest
from sqlalchemy import func, select, text

from knowledge.store import load, models
from knowledge.store.queries import all_school_facts, school_count, school_facts
from knowledge.store.engine import get_engine, session_scope
from tests import source_document

ROWS = source_document.top50_rows()
SOURCE_TEXT = source_document.text()


def test_the_source_lists_25_rows_and_the_store_has_them_all():
    assert len(ROWS) == 25
    assert school_count() == 25
    assert [f.rank for f in all_school_facts()] == list(range(1, 26))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"#{r.rank}")
def test_table_row_matches_the_source(row):
    facts = school_facts(row.name)
    assert facts is not None, f"{row.name} missing from the store"
    assert (facts.rank, facts.city, facts.state, facts.control) == (
        row.rank, row.city, row.state, row.control)
    assert facts.tuition_per_year == row.tuition
    assert facts.graduation_rate == row.graduation_rate
    assert facts.score == pytest.approx(row.score)


@pytest.mark.parametrize("name", ["New York University", "Northeastern University",
                                  "Johns Hopkins University", "Boston University"])
def test_missing_graduation_rate_is_unknown_never_zero(name):
    facts = school_facts(name)
    assert facts.graduation_rate is None
    assert "unknown" in facts.notes["graduation_rate"]
    with session_scope() as session:
        stored = session.execute(
            select(models.School.graduation_rate).where(models.School.name == name)).scalar_one()
    assert stored is None


def test_penn_contradiction_stores_the_value_the_source_supports_twice():
    compare_top_5 = "| #5 University of Pennsylvania | Philadelphia, PA | Private | $58,620 | 1% |"
    top_50 = "| 5 | University of Pennsylvania | Philadelphia, PA | Private | $58,620 | 100% |"
    assert compare_top_5 in SOURCE_TEXT and top_50 in SOURCE_TEXT
    assert "Graduation Rate: 100% | Score: 73.7" in SOURCE_TEXT
    facts = school_facts("University of Pennsylvania")
    assert facts.graduation_rate == 100
    assert "1%" in facts.notes["graduation_rate"]


def test_only_the_top_10_have_profiles():
    facts = all_school_facts()
    assert [f.has_profile for f in facts] == [True] * 10 + [False] * 15
    for school in facts[:10]:
        assert school.stand_out and school.overview and school.degree_programs
    for school in facts[10:]:
        assert not (school.degree_programs or school.research_labs or school.industry_partners)


@pytest.mark.parametrize("rank", range(1, 11))
def test_profile_lists_match_the_source_lines(rank):
    facts = all_school_facts()[rank - 1]
    partners = source_document.profile_line(rank, "Industry Partners")
    assert list(facts.industry_partners) == ([p.strip() for p in partners.split(", ")]
                                             if partners else [])
    programs = source_document.profile_line(rank, "Degree Programs")
    assert len(facts.degree_programs) == len(programs.split("; "))
    labs = source_document.profile_line(rank, "Research Labs")
    assert len(facts.research_labs) == (len(labs.split("; ")) if labs else 0)
    outcomes = source_document.profile_line(rank, "Career Outcomes")
    for employer in facts.top_employers:
        assert employer in outcomes
    for role in facts.common_roles:
        assert role in outcomes


def _quoted_facts(facts):
    """Every stored text that the source prints word for word."""
    yield from (facts.stand_out, facts.insight, facts.overview)
    yield from facts.location_advantages
    yield from facts.industry_partners
    yield from facts.top_employers
    yield from facts.common_roles
    yield from facts.accreditations
    for program in facts.degree_programs:
        yield program.name
        yield program.length
    for lab in facts.research_labs:
        yield lab.name
        yield lab.focus
    for person in facts.faculty:
        yield person.name
    for admission in facts.admissions:
        yield admission.value
        yield admission.detail


@pytest.mark.parametrize("rank", range(1, 11))
def test_every_profile_fact_is_printed_in_the_source(rank):
    facts = all_school_facts()[rank - 1]
    for value in _quoted_facts(facts):
        if value is not None:
            assert value in SOURCE_TEXT, f"{facts.name}: {value!r} is not in the source"


def test_key_profile_facts():
    cmu = school_facts("Carnegie Mellon University")
    assert cmu.degree_programs[0].name == "MS"
    assert cmu.degree_programs[0].length == "16 months (3-4 semesters)"
    assert [(a.fact, a.value) for a in cmu.admissions] == [("gpa", "3.9/4.0")]
    assert cmu.accreditations == ("STEM",)
    assert [p.name for p in school_facts("University of Washington-Seattle Campus").faculty] == [
        "Ali Farhadi", "Noah Smith"]
    assert len(school_facts("University of Southern California").research_labs) == 5
    assert school_facts("Northwestern University").top_employers == (
        "Qualtrics", "Spotify", "Snowflake", "Deloitte", "Amazon")


def test_loader_is_idempotent():
    def counts():
        with session_scope() as session:
            return {table.name: session.execute(select(func.count()).select_from(table)).scalar()
                    for table in models.Base.metadata.sorted_tables}
    before = counts()
    assert load.load() == 25
    assert load.load() == 25
    assert counts() == before
    assert before["schools"] == 25 and before["states"] == 51


def test_store_url_comes_from_the_environment(knowledge_store):
    assert get_engine().url.render_as_string(hide_password=False) == knowledge_store
    with get_engine().connect() as connection:
        assert connection.execute(text("select count(*) from schools")).scalar() == 25


def test_lookups_are_parameterised_not_string_built():
    hostile = "x' OR '1'='1"
    assert school_facts(hostile) is None
    assert school_facts("Robert'); DROP TABLE schools;--") is None
    assert school_count() == 25
