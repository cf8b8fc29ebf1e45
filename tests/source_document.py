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
    start = lines.index(f"Best Machine Learning Programs - Top 10 Master's — Complete Program Data")
    inside = False
    for line in lines[start:]:
        if line.startswith("#"):
            inside = line.startswith(f"#{rank}. ")
        elif inside and line.startswith(f"{label}:"):
            return line[len(label) + 1:].strip()
    return ""
