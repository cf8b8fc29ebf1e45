"""Build the knowledge store from the curated data files: `python -m knowledge.store.load`.

Idempotent: every run replaces the store's tables with ones loaded from knowledge/data/, so
the store always equals the data files. Safe while action servers answer: every row is built
(and every data file checked) before the store is touched, and the new tables replace the old
in one step (knowledge/store/replace.py), so readers see the old store or the new one, never
a missing or partial one, and a failed load leaves the old store in place. Running processes
notice the new store's version within engine.VERSION_CHECK_SECONDS and drop their caches.
"""
import sys
import time
import uuid
from typing import Any, Dict, Iterable, List, Optional

from sqlalchemy.engine import Engine

from knowledge.data import read_data
from knowledge.store import models
from knowledge.store.sentences import embeddings, profile_sentences
from knowledge.store.engine import clear_caches, database_url, get_engine
from knowledge.store.replace import replace_store


# Profile list -> (table, the column a plain-string item fills; None when items are mappings).
PROFILE_LISTS = {
    "degree_programs": (models.DegreeProgram, None),
    "research_labs": (models.ResearchLab, None),
    "industry_partners": (models.IndustryPartner, "name"),
    "top_employers": (models.TopEmployer, "name"),
    "common_roles": (models.CommonRole, "title"),
    "faculty": (models.FacultyMember, None),
    "admissions": (models.AdmissionFact, None),
    "accreditations": (models.Accreditation, "name"),
    "location_advantages": (models.LocationAdvantage, "text"),
}
SCHOOL_COLUMNS = ("rank", "name", "city", "state", "control", "tuition_per_year",
                  "graduation_rate", "score", "source_section")
PROFILE_TEXT = ("stand_out", "insight", "overview")



def _items(table, column, values: Optional[Iterable[Any]]):
    for position, value in enumerate(values or ()):
        fields = {column: value} if column else dict(value)
        yield table(position=position, **fields)


def build_school(record: Dict[str, Any]) -> models.School:
    missing = [column for column in SCHOOL_COLUMNS if column not in record]
    if missing:
        raise ValueError(f"school record {record.get('name')!r} lacks {', '.join(missing)}")
    if record["control"] not in ("public", "private"):
        raise ValueError(f"{record['name']}: control must be public or private")
    school = models.School(**{column: record[column] for column in SCHOOL_COLUMNS})
    school.aliases = list(_items(models.Alias, "alias", record.get("aliases")))
    school.notes = list(_items(models.SourceNote, None, record.get("notes")))
    profile = record.get("profile") or {}
    for key in PROFILE_TEXT:
        setattr(school, key, profile.get(key))
    school.profile_section = profile.get("source_section")
    for key, (table, column) in PROFILE_LISTS.items():
        setattr(school, key, list(_items(table, column, profile.get(key))))
    school.study_formats = list(_items(models.StudyFormat, None, profile.get("study_formats")))
    school.sentences = [models.ProfileSentence(position=position, part=part, text=text)
                        for position, (part, text) in enumerate(profile_sentences(record))]
    return school


def _embed(schools: List[models.School]) -> None:
    """Every profile sentence's embedding, computed in one batch."""
    sentences = [sentence for school in schools for sentence in school.sentences]
    vectors = embeddings(sentence.text for sentence in sentences)
    if vectors is not None:
        for sentence, vector in zip(sentences, vectors):
            sentence.embedding = vector.astype("float32").tobytes()


def build_other_school(record: Dict[str, Any]) -> models.OtherSchool:
    school = models.OtherSchool(name=record["name"], states_table=record.get("states_table"))
    school.aliases = [models.OtherSchoolAlias(alias=alias)
                      for alias in {record["name"].lower(), *record.get("aliases", ())}]
    school.mentions = [models.OtherSchoolMention(
        position=position, **{**mention, "answers": " ".join(mention.get("answers", ()))})
        for position, mention in enumerate(record.get("mentions") or ())]
    return school


STATE_COLUMNS = ("code", "name", "programs", "median_tuition", "top_program")


def build_guide(record: Dict[str, Any]) -> models.Guide:
    guide = models.Guide(key=record["key"], title=record["title"],
                         source_section=record["source_section"],
                         summary=record["summary"], closing=record.get("closing"))
    points = [(group, text) for group in record["groups"] for text in group["points"]]
    guide.points = [models.GuidePoint(position=position, group_name=group["name"],
                                      source_heading=group.get("source_heading"), text=text)
                    for position, (group, text) in enumerate(points)]
    return guide


def _terms(kind: str, target: str, names: Iterable[str]):
    for term in {target.lower(), *(name.lower() for name in names)}:
        yield models.Term(kind=kind, term=term, target=target)


def guide_records(data: Dict[str, Any]) -> Iterable[Any]:
    """Every row of the guides data file: guides, careers, employer benefits, their terms."""
    for record in data["guides"]:
        yield build_guide(record)
        for lead, aliases in (record.get("point_terms") or {}).items():
            yield from _terms(f"{record['key']}_point", lead, aliases)
    for position, career in enumerate(data["careers"]):
        yield models.Career(position=position, title=career["title"], soc=str(career["soc"]),
                            description=career["description"])
        yield from _terms("career", career["title"], career.get("aliases", ()))
    for position, benefit in enumerate(data["employer_benefits"]):
        yield models.EmployerBenefit(position=position, employer=benefit["employer"],
                                     benefit=benefit["benefit"])
        yield from _terms("employer", benefit["employer"], benefit.get("aliases", ()))


def load(engine: Optional[Engine] = None) -> int:
    """Rebuild the store from the data files; returns the number of schools loaded."""
    engine = engine or get_engine()
    rows = store_rows()
    replace_store(engine, models.Base.metadata, lambda session: session.add_all(rows))
    clear_caches()  # this process now reads the new store
    return sum(isinstance(row, models.School) for row in rows)


def store_rows() -> List[Any]:
    """Every row of a new store, built and checked in memory (nothing written yet); the
    slow part, embedding the profile sentences, comes after every data file is checked."""
    schools = [build_school(record) for record in read_data("schools.yaml")["schools"]]
    rows = [*(models.State(**{column: state.get(column) for column in STATE_COLUMNS})
              for state in read_data("states.yaml")["states"]),
            *schools,
            *guide_records(read_data("guides.yaml")),
            *(build_other_school(record)
              for record in read_data("other_schools.yaml")["schools"]),
            models.StoreVersion(token=uuid.uuid4().hex, loaded_at=time.time())]
    _embed(schools)
    return rows


def main() -> int:
    count = load()
    print(f"knowledge store: {count} schools loaded into {database_url()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
