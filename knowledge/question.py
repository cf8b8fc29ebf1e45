"""One user message read as one structured question: the shared language of understanding
(knowledge/understanding/, which writes it) and deciding (knowledge/deciding/, which answers
it). Plain frozen dataclasses; nothing here reads the store or the words.

A Question names its act (what kind of answer is wanted), its subjects (schools, rows of the
last list, rank numbers), what is asked about them (topics, features, facts the source does
not hold) and, for lists, the criteria (filters, sort and count) and whether they change the
last list or start a new one.
"""
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Dict, Mapping, Optional, Tuple

SORT_KEYS: Dict[str, str] = {
    "score": "the ranking's score",
    "score_low": "the ranking's score, lowest first",
    "tuition_low": "tuition, cheapest first",
    "tuition_high": "tuition, most expensive first",
    "grad_rate": "graduation rate, highest first",
    "grad_rate_low": "graduation rate, lowest first",
    "value": "value, best first",
}
CONTROLS = ("public", "private")
FORMATS = ("online", "part_time")
# The source gives scores to one decimal: a strict score bound ("above 60") is kept as an
# inclusive one this far past the number (60.01), so 60.0 is out and 60.1 in.
SCORE_STEP = 0.01
RELATIVE_FIELDS = ("tuition", "grad_rate", "rank")
BOUND_PAIRS = (("min_tuition", "max_tuition"), ("min_grad_rate", "max_grad_rate"),
               ("min_rank", "max_rank"), ("min_score", "max_score"))


@dataclass(frozen=True)
class Relative:
    """A bound set by another school: "cheaper than Brandeis" is
    Relative("tuition", "below", "Brandeis University")."""
    field: str  # one of RELATIVE_FIELDS
    direction: str  # "below" | "above" (for rank: "above" means ranked better)
    school: str


@dataclass(frozen=True)
class Criteria:
    """What a list of schools is: its filters, its order and how many rows to show.
    Ties keep the source's rank order; a school with an unknown value is never treated as 0."""
    sort_by: str = "score"
    states: Tuple[str, ...] = ()  # postal codes
    cities: Tuple[str, ...] = ()  # as the store spells them
    control: Optional[str] = None
    min_tuition: Optional[int] = None
    max_tuition: Optional[int] = None
    min_grad_rate: Optional[int] = None
    max_grad_rate: Optional[int] = None
    max_rank: Optional[int] = None  # "of the top 15": the source's ranks 1..15
    min_rank: Optional[int] = None  # "ranked 11 through 15": from rank 11 (with max_rank 15)
    min_score: Optional[float] = None  # the source's score out of 100; a strict bound
    max_score: Optional[float] = None  # ("above 60") is nudged by SCORE_STEP
    group: Optional[str] = None  # a name prefix the source uses ("University of California")
    formats: Tuple[str, ...] = ()  # any of: the profile says the school offers it
    names: Tuple[str, ...] = ()  # only these schools (the rows of a list pointed at)
    excluded: Tuple[str, ...] = ()  # not these schools ("what else is there besides UCF")
    excluded_states: Tuple[str, ...] = ()  # not in these states ("outside california")
    relative: Tuple[Relative, ...] = ()
    limit: Optional[int] = None  # "top N": how many rows

    def __post_init__(self) -> None:
        if self.sort_by not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.sort_by!r}; one of {', '.join(SORT_KEYS)}")
        if self.control not in (None, *CONTROLS):
            raise ValueError(f"control must be public or private, not {self.control!r}")
        unknown = [fmt for fmt in self.formats if fmt not in FORMATS]
        if unknown:
            raise ValueError(f"unknown study format(s) {unknown}; one of {', '.join(FORMATS)}")

    def changed(self, changes: "CriteriaChange") -> "Criteria":
        """These criteria with the changes applied: fields set replace, fields cleared go."""
        values = {**self.to_dict(), **{name: None for name in changes.cleared}}
        values.update(changes.values)
        if "states" in changes.values and "cities" not in changes.values:
            values["cities"] = ()  # a new state replaces the city, and vice versa
        if "cities" in changes.values and "states" not in changes.values:
            values["states"] = ()
        if "min_rank" in changes.values and "names" not in changes.values:
            values["names"] = ()  # "now do 16 to 20": other ranks, not the rows pointed at
        if {"min_tuition", "max_tuition"} & set(changes.values):
            values["relative"] = tuple(r for r in self.relative if r.field != "tuition")
        for low, high in BOUND_PAIRS:  # "under 10k" after "over 20k": the old bound goes
            if values[low] is not None and values[high] is not None and \
                    values[low] > values[high]:
                kept = low if low not in changes.values else high
                if kept not in changes.values:
                    values[kept] = None
        return Criteria.from_dict(values)

    def filters_only(self) -> "Criteria":
        return replace(self, sort_by="score", limit=None)

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Optional[Mapping[str, Any]]) -> "Criteria":
        defaults = cls()
        values: Dict[str, Any] = {}
        for item in fields(cls):
            value = (data or {}).get(item.name)
            if value is None:
                value = getattr(defaults, item.name)
            elif item.name == "relative":
                value = tuple(r if isinstance(r, Relative) else Relative(**r) for r in value)
            elif isinstance(getattr(defaults, item.name), tuple):
                value = tuple(value)
            values[item.name] = value
        return cls(**values)


@dataclass(frozen=True)
class CriteriaChange:
    """What a message says about the criteria of a list: fields it sets and fields it drops
    ("forget the budget"). Empty when the message names no criterion."""
    values: Mapping[str, Any] = field(default_factory=dict)
    cleared: Tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.values) or bool(self.cleared)

    def merged(self, other: "CriteriaChange") -> "CriteriaChange":
        return CriteriaChange({**self.values, **other.values},
                              tuple(dict.fromkeys((*self.cleared, *other.cleared))))


@dataclass(frozen=True)
class Message:
    """A user message as the NLU read it: its text, what its classifier took it for (a hint:
    the act, and the topic or guide it names, with the classifier's confidence) and the
    entities extracted ({name: [surface texts]}). The hints are only hints: the words and
    the conversation decide ("and Emory?" is whatever was asked last, whatever the intent)."""
    text: str
    act: str = ""  # one of ACTS, or "inform" (a criterion or an answer), or "" (unsure)
    topic: Optional[str] = None  # a school topic ("tuition") for act "facts"
    guide: Optional[str] = None  # a guide key for act "guide"
    confidence: float = 0.0
    entities: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)


# What kind of answer a message wants.
ACTS = (
    "facts",  # facts of the subject schools: topics, features, facts the source lacks
    "rank",  # a list of schools by criteria (new, or the last one changed)
    "more",  # the next rows of the last list
    "compare",  # the subject schools side by side
    "recommend",  # programs that fit what the user said about themselves
    "profile",  # the user said something about themselves and asked nothing else
    "states",  # the source's states table
    "guide",  # a guidance topic of the source
    "career",  # a career path of the source
    "employer",  # an employer's tuition benefit
    "affirm", "deny",  # yes / no
    "greet", "thank", "goodbye", "help",  # chit-chat
    "out_of_scope",  # outside what the bot knows
    "unclear",  # in the domain, perhaps, but nothing to answer from
    "empty",  # no text at all
)


@dataclass(frozen=True)
class Question:
    act: str
    text: str = ""
    schools: Tuple[str, ...] = ()  # listed schools the question is about, in order
    from_rows: bool = False  # the schools are rows of the last list the user pointed at
    by_rank: bool = False  # the schools were asked for by rank ("who is #13")
    stepped_from: Optional[str] = None  # "right below it": the school the step left
    unlisted: Tuple[str, ...] = ()  # named schools the source does not list among its rows
    unknown_mentions: Tuple[str, ...] = ()  # names that match no school at all
    missing_ranks: Tuple[int, ...] = ()  # ranks asked for that the source does not show
    suggestion: Optional[Tuple[str, str]] = None  # (what the user wrote, a listed school)
    topics: Tuple[str, ...] = ()
    features: Tuple[str, ...] = ()  # asked about in the profile ("practicum", "co-op")
    unknown_facts: Tuple[str, ...] = ()  # facts the source holds for no school
    ask_text: str = ""  # the words of the question, for finding the answering sentence
    open_question: bool = False  # the topics were only implied: look for the answering
    # sentence in the school's profile first ("who's funding it?")
    criteria: CriteriaChange = field(default_factory=CriteriaChange)
    refine: bool = False  # the criteria change the last list (else a new list)
    anchors: Tuple[str, ...] = ()  # schools named as a bound: "cheaper than Brandeis"
    comparatives: Tuple[Tuple[str, str], ...] = ()  # (field, direction) the anchors bound
    asked_count: Optional[int] = None  # the N of "top N" as asked (may exceed the rows)
    one_answer: bool = False  # "which of those is cheapest": one school (and its ties)
    dropped_states: Tuple[str, ...] = ()  # states taken out of the list ("swap ohio for ...")
    covered_dollars: Optional[int] = None  # "my employer covers up to 10k": a year's share
    covered_share: Optional[int] = None  # "if amazon covers 95% of that": per cent
    adds: bool = False  # "include evanston too": places join the list's places
    across: bool = False  # asked of every profiled school ("which schools have co-ops?")
    states: Tuple[str, ...] = ()  # for the states table
    state_fields: Tuple[str, ...] = ()  # "programs" | "median_tuition" | "top_program"
    guide: Optional[str] = None
    guide_point: Optional[str] = None  # one point of the guide ("Data Engineering")
    asks_pay: bool = False  # "... whats the median pay for that"
    career: Optional[str] = None
    employer: Optional[str] = None
    unknown_term: Optional[str] = None  # a career or employer named that the source lacks
    profile: Mapping[str, Any] = field(default_factory=dict)  # what the user said of themselves
    tells_only: bool = False  # the user told about themselves and asked nothing yet
    greeting: bool = False  # the message also greets
    correction: bool = False  # "sorry, I meant ..."
    page_size: Optional[int] = None  # "next 5"
    refused: Tuple[str, ...] = ()  # numbers no answer can use ("$-5", "1e308"), left out

    def but(self, **changes: Any) -> "Question":
        return replace(self, **changes)
