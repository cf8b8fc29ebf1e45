"""What the conversation so far means for the next answer: the schools in focus, what was
last asked about them, the list last shown (its rows in order, which of them the user saw,
and the criteria behind it), what the user said about themselves, and a question the bot is
waiting to have answered. Every answer reads it and returns the next one.

It travels in one Rasa slot as a plain dict (to_dict / from_dict), so it survives server
replicas and restarts; nothing in it is a Rasa type.
"""
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Dict, Mapping, Optional, Tuple

from knowledge.question import Criteria

MAX_FOCUS = 5  # the schools in focus: the last few named, most recent last


@dataclass(frozen=True)
class ShownList:
    """A list the user saw: every row in order, and the rows of the last page shown."""
    kind: str  # "ranking" | "recommendation" | "comparison"
    rows: Tuple[str, ...]
    criteria: Optional[Criteria] = None  # for a ranking
    start: int = 0  # first row shown last (0-based)
    end: int = 0  # one past the last row shown
    page_size: int = 5

    @property
    def shown(self) -> Tuple[str, ...]:
        """The rows of the message the user just read ("those", "the first one")."""
        return self.rows[self.start:self.end]

    @property
    def seen(self) -> Tuple[str, ...]:
        """Every row shown so far ("number 7" after two pages)."""
        return self.rows[:self.end]


@dataclass(frozen=True)
class Profile:
    """What the user said about themselves (or the person they ask for)."""
    budget: Optional[int] = None  # most they can pay per year
    budget_low: bool = False  # "money is tight" without a figure
    state: Optional[str] = None  # where they are or want to study (postal code)
    more_states: Tuple[str, ...] = ()  # other states they would study in ("florida or georgia")
    city: Optional[str] = None
    stays_local: bool = False  # cannot relocate
    stays_in_state: bool = False  # the state holds them, not the city ("im in LA and wanna
    # stay in california": Irvine is no move; "in philly ... relocating is out": Pittsburgh is)
    format: Optional[str] = None  # "online" | "part_time"
    goal: Optional[str] = None  # "research" | "industry"
    control: Optional[str] = None  # "public" | "private"
    employer: Optional[str] = None  # an employer with a tuition benefit in the source
    about: str = ""  # their own words about themselves, for matching interests
    interests: bool = False  # they said what draws them: advice can start from that
    skipped: Tuple[str, ...] = ()  # questions they answered "no preference"

    ASKED = ("budget", "place", "goal", "control")  # what "help me choose" asks, in order

    @property
    def city_bound(self) -> bool:
        """They cannot move from their city: another city of their state is a move too."""
        return self.stays_local and bool(self.city) and not self.stays_in_state

    @property
    def states(self) -> Tuple[str, ...]:
        """Every state they named, the first where they are or want to be."""
        return (self.state, *self.more_states) if self.state else ()

    def known(self, question: str) -> bool:
        if question == "budget":
            return self.budget is not None or self.budget_low
        if question == "place":
            return bool(self.state or self.city or self.format)
        return getattr(self, question) is not None

    def answered(self, question: str) -> bool:
        return self.known(question) or question in self.skipped

    @property
    def facts_known(self) -> int:
        return sum(self.known(question) for question in self.ASKED) + int(self.interests)

    def missing(self) -> Tuple[str, ...]:
        return tuple(q for q in self.ASKED if not self.answered(q))

    def updated(self, changes: Mapping[str, Any]) -> "Profile":
        known = {name for name in (item.name for item in fields(Profile))}
        values = {key: value for key, value in changes.items() if key in known}
        if "about" in values:
            values["about"] = f"{self.about} {values['about']}".strip()[-600:]
        if "skipped" in values:
            values["skipped"] = tuple(dict.fromkeys((*self.skipped, *values["skipped"])))
        return replace(self, **values)


@dataclass(frozen=True)
class Pending:
    """A question the bot asked and waits to have answered."""
    kind: str  # "confirm_school" (did you mean ...?) | "profile" (help me choose)
    school: Optional[str] = None  # the school offered, for confirm_school
    topics: Tuple[str, ...] = ()  # what was asked about it
    question: Optional[str] = None  # the profile question asked (Profile.ASKED)
    advised: bool = False  # asked at the end of a recommendation: an answer re-advises


@dataclass(frozen=True)
class ConversationState:
    focus: Tuple[str, ...] = ()  # the schools the last answer was about ("it", "there")
    recent: Tuple[str, ...] = ()  # the last schools talked about, most recent last
    topics: Tuple[str, ...] = ()  # what was last asked about schools ("tuition", ...)
    features: Tuple[str, ...] = ()
    unknown_facts: Tuple[str, ...] = ()
    last_act: Optional[str] = None
    last_list: Optional[ShownList] = None
    profile: Profile = field(default_factory=Profile)
    pending: Optional[Pending] = None
    states: Tuple[str, ...] = ()  # states last asked about in the states table
    state_fields: Tuple[str, ...] = ()
    ranks: Tuple[int, ...] = ()  # rank numbers last asked for
    career: Optional[str] = None
    employer: Optional[str] = None
    guide: Optional[str] = None
    cited: Tuple[Tuple[int, str], ...] = ()  # the source lines behind the last answer
    valued: Tuple[str, ...] = ()  # schools whose derived value the last answer showed
    unlisted: Tuple[str, ...] = ()  # schools outside the rows the last answer was about
    covered_dollars: Optional[int] = None  # what the user's employer pays, as the last
    covered_share: Optional[int] = None  # answer took it off the tuition ("and for penn?")
    leader: Optional[str] = None  # the one school a comparison answered "who has the best"
    # with: "is it cheaper than cmu" next is about it, not about every school compared
    stepped_from: Optional[str] = None  # the school a step along the ranking started from:
    # after "who's right below emory", "and just above" is above Emory


    def with_focus(self, schools: Tuple[str, ...]) -> "ConversationState":
        """These schools in focus; they join the recent ones ("which of the two")."""
        kept = [school for school in self.recent if school not in schools]
        return replace(self, focus=tuple(schools), leader=None, stepped_from=None,
                       recent=tuple([*kept, *schools][-MAX_FOCUS:]))

    def but(self, **changes: Any) -> "ConversationState":
        return replace(self, **changes)

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Optional[Mapping[str, Any]]) -> "ConversationState":
        """The state a slot holds; anything unreadable (an old or damaged slot) starts afresh
        rather than breaking the conversation."""
        if not isinstance(data, Mapping):
            return cls()
        try:
            values = {item.name: data[item.name] for item in fields(cls) if item.name in data}
            for name in ("focus", "recent", "topics", "features", "unknown_facts", "states",
                         "state_fields", "ranks", "valued", "unlisted"):
                if name in values:
                    values[name] = tuple(values[name] or ())
            if "cited" in values:
                values["cited"] = tuple((int(line), str(about))
                                        for line, about in values["cited"] or ())
            if values.get("last_list"):
                shown = dict(values["last_list"])
                shown["rows"] = tuple(shown.get("rows") or ())
                shown["criteria"] = (Criteria.from_dict(shown["criteria"])
                                     if shown.get("criteria") else None)
                values["last_list"] = ShownList(**shown)
            profile = dict(values.get("profile") or {})
            profile["skipped"] = tuple(profile.get("skipped") or ())
            profile["more_states"] = tuple(profile.get("more_states") or ())
            values["profile"] = Profile(**profile)
            if values.get("pending"):
                pending = dict(values["pending"])
                pending["topics"] = tuple(pending.get("topics") or ())
                values["pending"] = Pending(**pending)
            return cls(**values)
        except (TypeError, ValueError, KeyError):
            return cls()
