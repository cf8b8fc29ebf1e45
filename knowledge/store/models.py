"""SQLAlchemy tables of the knowledge store: one school per ranking row, and its profile facts."""
from typing import Any

from sqlalchemy import Column, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import declarative_base, declared_attr, relationship

# SQLAlchemy 1.4 ships no type hints: declared as Any so that mypy accepts it as a base class.
Base: Any = declarative_base()


class SchoolFactMixin:
    """Columns every per-school fact table shares; position keeps the source's order."""
    id = Column(Integer, primary_key=True)
    position = Column(Integer, nullable=False, default=0)

    @declared_attr
    def school_id(cls):
        return Column(Integer, ForeignKey("schools.id", ondelete="CASCADE"), index=True,
                      nullable=False)


def _ordered_facts(model: str):
    """A school's list of facts from one table, in the source's order, owned by the school."""
    return relationship(model, order_by=f"{model}.position", cascade="all, delete-orphan")


class School(Base):
    __tablename__ = "schools"

    id = Column(Integer, primary_key=True)
    rank = Column(Integer, nullable=False, unique=True, index=True)
    name = Column(String(200), nullable=False, unique=True)
    city = Column(String(100), nullable=False)
    state = Column(String(2), nullable=False, index=True)
    control = Column(String(10), nullable=False)  # "public" | "private"
    tuition_per_year = Column(Integer, nullable=False)
    graduation_rate = Column(Integer, nullable=True)  # percent; NULL = the source does not say
    score = Column(Float, nullable=False)
    source_section = Column(String(200), nullable=False)
    # Profile text: only the top 10 have one (NULL otherwise).
    stand_out = Column(Text)
    insight = Column(Text)
    overview = Column(Text)
    profile_section = Column(String(200))

    aliases = _ordered_facts("Alias")
    degree_programs = _ordered_facts("DegreeProgram")
    research_labs = _ordered_facts("ResearchLab")
    industry_partners = _ordered_facts("IndustryPartner")
    top_employers = _ordered_facts("TopEmployer")
    common_roles = _ordered_facts("CommonRole")
    faculty = _ordered_facts("FacultyMember")
    admissions = _ordered_facts("AdmissionFact")
    accreditations = _ordered_facts("Accreditation")
    location_advantages = _ordered_facts("LocationAdvantage")
    notes = _ordered_facts("SourceNote")
    study_formats = _ordered_facts("StudyFormat")
    sentences = _ordered_facts("ProfileSentence")


class Alias(SchoolFactMixin, Base):
    __tablename__ = "aliases"
    alias = Column(String(200), nullable=False, unique=True)


class DegreeProgram(SchoolFactMixin, Base):
    __tablename__ = "degree_programs"
    name = Column(String(300), nullable=False)
    length = Column(String(100))  # as printed ("16 months (3-4 semesters)"); NULL = not stated
    format = Column(String(200))  # as the profile states it; NULL = not stated


class ResearchLab(SchoolFactMixin, Base):
    __tablename__ = "research_labs"
    name = Column(String(300), nullable=False)
    focus = Column(Text)


class IndustryPartner(SchoolFactMixin, Base):
    __tablename__ = "industry_partners"
    name = Column(String(200), nullable=False)


class TopEmployer(SchoolFactMixin, Base):
    __tablename__ = "top_employers"
    name = Column(String(200), nullable=False)


class CommonRole(SchoolFactMixin, Base):
    __tablename__ = "common_roles"
    title = Column(String(200), nullable=False)


class FacultyMember(SchoolFactMixin, Base):
    __tablename__ = "faculty"
    name = Column(String(200), nullable=False)
    area = Column(String(300))


class AdmissionFact(SchoolFactMixin, Base):
    __tablename__ = "admission_facts"
    fact = Column(String(50), nullable=False)  # e.g. "gpa"
    value = Column(String(50), nullable=False)  # as printed ("3.9/4.0")
    detail = Column(String(300))


class Accreditation(SchoolFactMixin, Base):
    __tablename__ = "accreditations"
    name = Column(String(200), nullable=False)


class LocationAdvantage(SchoolFactMixin, Base):
    __tablename__ = "location_advantages"
    text = Column(Text, nullable=False)


class StudyFormat(SchoolFactMixin, Base):
    """A study format the profile states for one of the school's programs, with its quote."""
    __tablename__ = "study_formats"
    format = Column(String(20), nullable=False)  # "online" | "part_time" | "full_time"
    program = Column(String(300), nullable=False)
    quote = Column(Text, nullable=False)
    line = Column(Integer, nullable=False)  # line of the source document


class ProfileSentence(SchoolFactMixin, Base):
    """One sentence of what the source says about a school (profile text, labs, faculty...),
    with its sentence embedding, so a question about the school finds the sentence that
    answers it ("who's funding it?" -> "Built with Boeing Company funding support...")."""
    __tablename__ = "profile_sentences"
    part = Column(String(40), nullable=False)  # where in the profile: "overview", "labs", ...
    text = Column(Text, nullable=False)
    embedding = Column(LargeBinary)  # float32 vector; NULL when the encoder is not installed


class SourceNote(SchoolFactMixin, Base):
    """Where the source is silent or contradicts itself, what was stored and why."""
    __tablename__ = "source_notes"
    field = Column(String(50), nullable=False)
    text = Column(Text, nullable=False)


class State(Base):
    __tablename__ = "states"

    code = Column(String(2), primary_key=True)
    name = Column(String(50), nullable=False, unique=True)
    # The source's "Top States" table covers 10 states; NULL elsewhere (not in the table).
    programs = Column(Integer)
    median_tuition = Column(Integer)
    top_program = Column(String(200))


class Guide(Base):
    """A guidance section of the source (thesis tracks, financing, ...) and its points."""
    __tablename__ = "guides"

    key = Column(String(40), primary_key=True)
    title = Column(String(200), nullable=False)
    source_section = Column(String(200), nullable=False)
    summary = Column(Text, nullable=False)
    closing = Column(Text)
    points = relationship("GuidePoint", order_by="GuidePoint.position",
                          cascade="all, delete-orphan")


class GuidePoint(Base):
    __tablename__ = "guide_points"

    id = Column(Integer, primary_key=True)
    guide_key = Column(String(40), ForeignKey("guides.key", ondelete="CASCADE"), index=True,
                       nullable=False)
    position = Column(Integer, nullable=False)
    group_name = Column(String(200), nullable=False)
    source_heading = Column(String(200))  # NULL where the source prints the list unheaded
    text = Column(Text, nullable=False)


class Career(Base):
    """One of the source's career paths, with its SOC code."""
    __tablename__ = "careers"

    id = Column(Integer, primary_key=True)
    position = Column(Integer, nullable=False)
    title = Column(String(200), nullable=False, unique=True)
    soc = Column(String(10), nullable=False)
    description = Column(Text, nullable=False)


class EmployerBenefit(Base):
    """An employer's tuition benefit as the source lists it."""
    __tablename__ = "employer_benefits"

    id = Column(Integer, primary_key=True)
    position = Column(Integer, nullable=False)
    employer = Column(String(100), nullable=False, unique=True)
    benefit = Column(Text, nullable=False)


class Term(Base):
    """Another name users give a career, an employer or one point of a guide: kind is
    "career", "employer" or "<guide key>_point" ("specializations_point")."""
    __tablename__ = "terms"

    id = Column(Integer, primary_key=True)
    kind = Column(String(40), nullable=False, index=True)
    term = Column(String(100), nullable=False)
    target = Column(String(200), nullable=False)


class OtherSchool(Base):
    """A school that is not among the source's 25 listed rows: named by the source elsewhere
    (mentions) or only by users, so the bot can say plainly that it has no row for it."""
    __tablename__ = "other_schools"

    id = Column(Integer, primary_key=True)
    name = Column(String(200), nullable=False, unique=True)
    states_table = Column(String(200))  # its name as a state's top program in the states table
    aliases = relationship("OtherSchoolAlias", cascade="all, delete-orphan")
    mentions = relationship("OtherSchoolMention", order_by="OtherSchoolMention.position",
                            cascade="all, delete-orphan")


class OtherSchoolAlias(Base):
    __tablename__ = "other_school_aliases"

    id = Column(Integer, primary_key=True)
    school_id = Column(Integer, ForeignKey("other_schools.id", ondelete="CASCADE"), index=True,
                       nullable=False)
    alias = Column(String(200), nullable=False)


class OtherSchoolMention(Base):
    __tablename__ = "other_school_mentions"

    id = Column(Integer, primary_key=True)
    school_id = Column(Integer, ForeignKey("other_schools.id", ondelete="CASCADE"), index=True,
                       nullable=False)
    position = Column(Integer, nullable=False)
    section = Column(String(300), nullable=False)
    line = Column(Integer, nullable=False)
    quote = Column(Text, nullable=False)
    answers = Column(String(200), nullable=False, default="")  # topics, space-separated


class StoreVersion(Base):
    """One row naming the load that filled the store. It is replaced with the other tables,
    so a process that sees a new token knows its cached facts are stale (engine.py)."""
    __tablename__ = "store_version"

    token = Column(String(64), primary_key=True)
    loaded_at = Column(Float, nullable=False)
