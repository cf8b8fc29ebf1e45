"""Build the knowledge store from the curated data files: `python -m knowledge.load`.

Idempotent: every run drops the store's tables and loads them again from knowledge/data/,
so the store always equals the data files.
"""
import sys
from pathlib import Path
from typing import Any, Dict, Iterable

import yaml
from sqlalchemy.engine import Engine

from knowledge import models
from knowledge.store import database_url, get_engine, session_scope

DATA_DIR = Path(__file__).resolve().parent / "data"

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


def read_data(name: str) -> Dict[str, Any]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _items(table, column, values: Iterable[Any]):
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
    return school


def load(engine: Engine = None) -> int:
    """Rebuild the store from the data files; returns the number of schools loaded."""
    engine = engine or get_engine()
    models.Base.metadata.drop_all(engine)
    models.Base.metadata.create_all(engine)
    schools = read_data("schools.yaml")["schools"]
    states = read_data("states.yaml")["states"]
    with session_scope(engine) as session:
        session.add_all(models.State(code=s["code"], name=s["name"]) for s in states)
        session.add_all(build_school(record) for record in schools)
    return len(schools)


def main() -> int:
    count = load()
    print(f"knowledge store: {count} schools loaded into {database_url()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
