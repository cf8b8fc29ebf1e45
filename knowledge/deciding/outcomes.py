"""What was decided for one message, as data: the replying stage turns each outcome into
text (knowledge/replying/), so every channel says the same thing."""
from dataclasses import dataclass
from typing import Optional, Tuple

from knowledge.deciding.lookup import Evidence
from knowledge.deciding.ranking import Ranking
from knowledge.deciding.recommend import Match
from knowledge.state import Profile
from knowledge.store.guides import BenefitFacts, CareerFacts
from knowledge.store.queries import OtherSchoolFacts, SchoolFacts, StateStats


class Outcome:
    """Base of every outcome."""


@dataclass(frozen=True)
class SchoolTopics(Outcome):
    """Topics of one or more listed schools ("tuition", "programs", ...)."""
    schools: Tuple[SchoolFacts, ...]
    topics: Tuple[str, ...]
    state_median: Optional[StateStats] = None  # "... than what Georgia programs usually cost"


@dataclass(frozen=True)
class OutOfPocket(Outcome):
    """Each school's tuition less what the user says their employer pays (a sum a year or a
    share): arithmetic on the source's tuition and the user's own figure."""
    schools: Tuple[SchoolFacts, ...]
    covered_dollars: Optional[int] = None
    covered_share: Optional[int] = None


@dataclass(frozen=True)
class FeatureFindings(Outcome):
    """Whether each school's profile mentions a feature, with the sentences that show it."""
    feature: str
    schools: Tuple[SchoolFacts, ...]
    evidence: Tuple[Evidence, ...]


@dataclass(frozen=True)
class AnsweringSentences(Outcome):
    """The profile sentences that answer an open question, or none (the source is silent)."""
    schools: Tuple[SchoolFacts, ...]
    evidence: Tuple[Evidence, ...]


@dataclass(frozen=True)
class FactsNotHeld(Outcome):
    """Facts the source gives for no school (acceptance rates, GRE ...)."""
    facts: Tuple[str, ...]
    schools: Tuple[SchoolFacts, ...]


@dataclass(frozen=True)
class NotListed(Outcome):
    """Schools outside the source's 25 listed rows, with where the source names them."""
    schools: Tuple[OtherSchoolFacts, ...]
    states_rows: Tuple[StateStats, ...]  # states-table rows naming them as top program
    topics: Tuple[str, ...]
    nearby: Tuple[SchoolFacts, ...] = ()  # listed schools in a city the message names


@dataclass(frozen=True)
class UnknownNames(Outcome):
    names: Tuple[str, ...]


@dataclass(frozen=True)
class MissingRanks(Outcome):
    ranks: Tuple[int, ...]


@dataclass(frozen=True)
class RankingPage(Outcome):
    ranking: Ranking
    start: int
    size: int
    asked_count: Optional[int] = None  # the N the user asked for, if over what is listed
    within: Tuple[str, ...] = ()  # the rows of the last list the question was about
    nearest: Optional[Tuple[str, Ranking]] = None  # an empty list: (filter dropped, rows then)


@dataclass(frozen=True)
class Comparison(Outcome):
    schools: Tuple[SchoolFacts, ...]
    fields: Tuple[str, ...]  # "tuition", "grad_rate", "score", "value"; () = all


@dataclass(frozen=True)
class Recommendation(Outcome):
    profile: Profile
    matches: Tuple[Match, ...]
    missing: Tuple[str, ...]  # profile questions still unanswered
    employer: Optional[BenefitFacts] = None
    also: Tuple[SchoolFacts, ...] = ()  # other schools offering the format the user needs
    there: Tuple[SchoolFacts, ...] = ()  # the listed schools where the user is (their city,
    # else their states), whatever their other limits


@dataclass(frozen=True)
class ProfileQuestion(Outcome):
    question: str  # one of Profile.ASKED
    profile: Profile  # what is known so far (said back to the user)


@dataclass(frozen=True)
class StatesTable(Outcome):
    states: Tuple[StateStats, ...]  # () = the whole table
    fields: Tuple[str, ...]
    listed: Tuple[Tuple[str, Tuple[SchoolFacts, ...]], ...] = ()  # (code, listed rows there)


@dataclass(frozen=True)
class GuideTopic(Outcome):
    key: str
    point: Optional[str] = None  # only this point of the guide (its lead words)
    asks_pay: bool = False


@dataclass(frozen=True)
class CareerPath(Outcome):
    career: Optional[CareerFacts]  # None: all of them
    asked: Optional[str] = None  # a career named but not in the source's list
    asks_pay: bool = False  # "what do data scientists make": its salary asked


@dataclass(frozen=True)
class EmployerBenefit(Outcome):
    benefit: Optional[BenefitFacts]  # None: all of them
    asked: Optional[str] = None  # an employer named but not in the source's list


@dataclass(frozen=True)
class Sources(Outcome):
    """Where the last answer's figures come from: its source lines, and the schools whose
    derived value it showed (the formula is shown with their figures)."""
    lines: Tuple[Tuple[int, str], ...]
    valued: Tuple[SchoolFacts, ...] = ()


@dataclass(frozen=True)
class DidYouMean(Outcome):
    mention: str
    school: str


@dataclass(frozen=True)
class Said(Outcome):
    """A fixed reply: "greet", "thank", "goodbye", "help", "out_of_scope", "unclear",
    "empty", "what_else", "which_school", "which_school_then", "no_list", "no_sources"."""
    kind: str
    topic: Optional[str] = None
