"""Reads facts straight from the source document, independently of knowledge/data/,
so tests can check the store against the source itself."""
import re
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

SOURCE = (Path(__file__).resolve().parent.parent.parent / "shared" / "source"
          / "ml-masters-rankings-2026.txt")
_ROW = re.compile(r"^\| (\d+) \| (.+?) \| (.+?), ([A-Z]{2}) \| (Public|Private) \| \$([\d,]+) \| "
                  r"(—|\d+%) \| — \| ([\d.]+) \|$")


@dataclass(frozen=True)
class TableRow:
    rank: int
    name: str
    city: str
    state: str
    control: str
    tuition: int
    graduation_rate: Optional[int]
    score: float


def text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def top50_rows() -> List[TableRow]:
    lines = text().splitlines()
    start = lines.index("Top 50 Machine Learning Master's Programs 2026")
    rows = []
    for line in lines[start:]:
        match = _ROW.match(line)
        if match:
            rank, name, city, state, control, tuition, rate, score = match.groups()
            rows.append(TableRow(int(rank), name, city, state, control.lower(),
                                 int(tuition.replace(",", "")),
                                 None if rate == "—" else int(rate.rstrip("%")), float(score)))
    return rows


def profile_line(rank: int, label: str) -> str:
    """The '<label>: ...' line of the #rank profile in the Complete Program Data section."""
    lines = text().splitlines()
    start = lines.index("Best Machine Learning Programs - Top 10 Master's — Complete Program Data")
    inside = False
    for line in lines[start:]:
        if line.startswith("#"):
            inside = line.startswith(f"#{rank}. ")
        elif inside and line.startswith(f"{label}:"):
            return line[len(label) + 1:].strip()
    return ""


@dataclass(frozen=True)
class StateRow:
    name: str
    programs: int
    median_tuition: int
    top_program: str


def states_table() -> List[StateRow]:
    row = re.compile(r"^\| Best Machine Learning Master's Programs in (.+?) \| (\d+) \| "
                     r"\$([\d,]+) \| (.+?) \|$")
    return [StateRow(m.group(1), int(m.group(2)), int(m.group(3).replace(",", "")), m.group(4))
            for m in map(row.match, text().splitlines()) if m]


def careers() -> List[tuple]:
    """(title, SOC code, description) of the Career Paths section."""
    lines = text().splitlines()
    start = lines.index("Career Paths")
    found = []
    for title, detail in zip(lines[start + 1:], lines[start + 2:]):
        match = re.match(r"^SOC (\d{2}-\d{4})(.+)$", detail)
        if match:
            found.append((title, match.group(1), match.group(2)))
    return found


def employer_benefits() -> List[tuple]:
    """(employer, benefit) of the Top Employer Tuition Benefits list."""
    lines = text().splitlines()
    start = lines.index("Top Employer Tuition Benefits:")
    found = []
    for line in lines[start + 1:]:
        if not line.startswith("- "):
            break
        employer, benefit = line[2:].split(" — ", 1)
        found.append((employer, benefit))
    return found
