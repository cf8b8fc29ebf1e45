"""Rankings and comparisons as data beside their text, for channels that can draw them
(a table, bars, Block Kit). Plain values only: every figure is a store value (or one computed
from store values, like value), and a figure the source does not give is None with the text
"not listed", never 0. The text replies stay as they are; this is what they show, as data."""
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Sequence, Tuple, Union

from knowledge.deciding.ranking import value_of
from knowledge.replying.school_answers import money, number
from knowledge.store.queries import SchoolFacts

UNKNOWN = "not listed"
Value = Union[int, float, str, None]


@dataclass(frozen=True)
class Column:
    key: str  # "position", "school", "rank", "location", "control", "tuition", ...
    label: str
    numeric: bool = False  # sorts as a number; a chart can draw it


@dataclass(frozen=True)
class Cell:
    value: Value  # what sorts and what a bar measures; None = the source gives none
    text: str  # what is shown


@dataclass(frozen=True)
class Table:
    kind: str  # "ranking" (rows in the ranking's order) or "comparison" (one row a school)
    title: str
    columns: Tuple[Column, ...]
    rows: Tuple[Tuple[Cell, ...], ...]
    notes: Tuple[str, ...] = ()  # what the text says besides the rows (verdicts, caveats)
    source: str = ""
    charts: Tuple[str, ...] = ()  # keys of the numeric columns worth a bar chart

    def to_dict(self) -> Dict[str, Any]:
        """JSON-ready: what channels receive."""
        return {
            "kind": self.kind, "title": self.title,
            "columns": [{"key": c.key, "label": c.label, "numeric": c.numeric}
                        for c in self.columns],
            "rows": [[{"value": cell.value, "text": cell.text} for cell in row]
                     for row in self.rows],
            "notes": list(self.notes), "source": self.source, "charts": list(self.charts),
        }


def figure(value: Optional[Union[int, float]], shown: Callable[[Any], str]) -> Cell:
    return Cell(None, UNKNOWN) if value is None else Cell(value, shown(value))


def _text(text: str) -> Cell:
    return Cell(text, text)


# A school's columns: (the column, its cell for one school).
SCHOOL_COLUMNS: Dict[str, Tuple[Column, Callable[[SchoolFacts], Cell]]] = {
    "school": (Column("school", "School"), lambda s: _text(s.name)),
    "rank": (Column("rank", "Source rank", True), lambda s: figure(s.rank, lambda v: f"#{v}")),
    "location": (Column("location", "Location"), lambda s: _text(f"{s.city}, {s.state}")),
    "control": (Column("control", "Public/private"), lambda s: _text(s.control)),
    "tuition": (Column("tuition", "Tuition/yr", True),
                lambda s: figure(s.tuition_per_year, money)),
    "grad_rate": (Column("grad_rate", "Graduation rate", True),
                  lambda s: figure(s.graduation_rate, lambda v: f"{v}%")),
    "score": (Column("score", "Score", True), lambda s: figure(s.score, number)),
    "value": (Column("value", "Value", True),
              lambda s: figure(value_of(s), lambda v: f"{v:.1f}")),
}
POSITION = Column("position", "#", True)


def school_table(kind: str, title: str, schools: Sequence[SchoolFacts], keys: Sequence[str],
                 notes: Sequence[str] = (), source: str = "", charts: Sequence[str] = (),
                 first_position: Optional[int] = None) -> Table:
    """One row per school with the columns named by `keys`; numbered from first_position
    when given (a ranking's page)."""
    columns = tuple(SCHOOL_COLUMNS[key][0] for key in keys)
    rows = [tuple(SCHOOL_COLUMNS[key][1](school) for key in keys) for school in schools]
    if first_position is not None:
        columns = (POSITION, *columns)
        rows = [(Cell(first_position + i, str(first_position + i)), *row)
                for i, row in enumerate(rows)]
    return Table(kind, title, columns, tuple(rows), tuple(notes), source, tuple(charts))
