"""Rule oracle: of the conversation set's wrong turns, how many would another rule of the
reading cascade (knowledge/understanding/acts.py, Reader.RULES) have answered right? And
would a learned arbiter between the rules (logistic regression per rule over the message's
sentence embedding and the conversation state) pick that rule, on writers it was not trained
on?

    .venv/bin/python bench/rule_oracle.py                 # tuning part: the oracle's count
    .venv/bin/python bench/rule_oracle.py --failures      # + each tuning turn another rule fixes
    .venv/bin/python bench/rule_oracle.py --arbiter       # + the arbiter, leave one writer out
    .venv/bin/python bench/rule_oracle.py --arbiter --heldback   # + trained on tuning, run on
                                                          # the held-back part (counts only)

Each turn is answered as the bot answers it (the conversation goes on from that answer), and
also with each other rule that reads the message as its act tried first, on the same state.
Messages the bot splits into parts are answered as they are, with no alternative. Held-back
turns are only counted, never printed.
"""
import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.conversations import in_process_parts, newest_model  # noqa: E402
from knowledge.conversation import _parts, respond  # noqa: E402
from knowledge.state import ConversationState  # noqa: E402
from knowledge.understanding.acts import Reader  # noqa: E402
from tests.conversation_set import load, problems, set_of  # noqa: E402

MARGINS = (0.0, 0.2, 0.4, 0.6)  # how much likelier than the cascade's rule a rule must be
HELDBACK_SETTING = (0.1, 0.2)  # (regularisation C, margin): the best leave-one-writer-out
# setting that changes anything (2026-11-28), fixed before the held-back part was run once


@dataclass
class Tried:
    conversation: str
    number: int
    text: str
    state: ConversationState
    hint: str
    fired: str  # the rule the cascade chose
    right: bool
    candidates: List[str] = field(default_factory=list)  # every rule that reads an act
    passing: List[str] = field(default_factory=list)  # the candidates answering it right


class Cascade:
    """Reader.question, watched: which rule fired, which could have, or one tried first."""

    def __init__(self) -> None:
        self.first: Optional[str] = None
        self.fired: List[str] = []
        self.candidates: Optional[List[str]] = None
        self.original = Reader.question
        Reader.question = lambda reader: self._question(reader)  # type: ignore[assignment]

    def _question(self, reader: Reader) -> Any:
        if self.candidates is not None:
            self.candidates += [name for name in Reader.RULES if getattr(reader, name)()]
        for name in ([self.first] if self.first else []) + list(Reader.RULES):
            found = getattr(reader, name)()
            if found is not None:
                self.fired.append(name)
                return found
        self.fired.append("none")
        return self.original(reader)


def tried_turns(part: str, parse: Any, shown: Any) -> List[Tried]:
    cascade = Cascade()
    tried = []
    raised: Counter = Counter()
    for conversation in load(part):
        state: Optional[Dict[str, Any]] = None
        for number, turn in enumerate(conversation.turns, 1):
            message = parse(turn.user)
            whole = len(_parts(message)) == 1
            cascade.fired, cascade.first = [], None
            cascade.candidates = [] if whole else None
            answer = respond(message, state)
            row = Tried(conversation.id, number, turn.user, ConversationState.from_dict(state),
                        message.act if message.confidence >= 0.5 else "", cascade.fired[0],
                        not problems(turn, shown(answer)),
                        list(dict.fromkeys(cascade.candidates or ())))
            cascade.candidates = None
            row.passing = [row.fired] if row.right else []
            for name in row.candidates if whole else ():
                if name != row.fired:
                    cascade.first = name
                    try:
                        if not problems(turn, shown(respond(message, state))):
                            row.passing.append(name)
                    except Exception as error:  # a rule asked what its order keeps it from
                        raised[f"{name}: {type(error).__name__} {error}"] += 1
            tried.append(row)
            state = answer.state
    Reader.question = cascade.original  # type: ignore[assignment]
    for error, times in raised.most_common():
        print(f"  {part}, a rule tried first raised {times}x: {error}")
    return tried


class Arbiter:
    """Per rule, the chance that it answers the turn right, from the message's embedding and
    the state; it overrules the cascade when a rule is likelier by more than the margin."""

    def __init__(self, rows: Sequence[Tried], vectors: Dict[int, np.ndarray], c: float) -> None:
        from sklearn.linear_model import LogisticRegression

        examples: Dict[str, Tuple[list, list]] = defaultdict(lambda: ([], []))
        for row in rows:
            for name in row.candidates if len(row.candidates) > 1 else ():
                examples[name][0].append(vectors[id(row)])
                examples[name][1].append(int(name in row.passing))
        self.models: Dict[str, Any] = {}
        for name, (x, y) in examples.items():
            self.models[name] = float(y[0]) if len(set(y)) == 1 else LogisticRegression(
                C=c, max_iter=2000).fit(np.array(x), np.array(y))

    def chance(self, name: str, vector: np.ndarray) -> float:
        model = self.models.get(name, 0.5)
        return model if isinstance(model, float) else model.predict_proba(vector[None])[0, 1]

    def right(self, row: Tried, vector: np.ndarray, margin: float) -> Tuple[bool, bool]:
        """(right after arbitration, overruled)"""
        if len(row.candidates) < 2 or row.fired not in row.candidates:
            return row.right, False
        chances = {name: self.chance(name, vector) for name in row.candidates}
        best = max(chances, key=chances.__getitem__)
        if best != row.fired and chances[best] > chances[row.fired] + margin:
            return best in row.passing, True
        return row.right, False


def features(rows: Sequence[Tried]) -> Dict[int, np.ndarray]:
    from knowledge.understanding.sentence_encoder import default_encoder

    embedded = default_encoder().encode([row.text for row in rows])
    acts = sorted({str(row.state.last_act) for row in rows})
    hints = sorted({row.hint for row in rows})
    vectors = {}
    for row, vector in zip(rows, embedded):
        state = row.state
        said = [float(str(state.last_act) == act) for act in acts] + \
            [float(row.hint == hint) for hint in hints] + \
            [float(bool(state.focus)), float(state.last_list is not None),
             float(state.pending is not None), float(state.profile != type(state.profile)()),
             float(bool(state.career)), float(bool(state.employer)), float(bool(state.guide))]
        vectors[id(row)] = np.concatenate([vector, np.array(said)])
    return vectors


def tally(rows: Sequence[Tried], verdicts: Sequence[Tuple[bool, bool]]) -> str:
    won = sum(v[0] and not r.right for r, v in zip(rows, verdicts))
    lost = sum(r.right and not v[0] for r, v in zip(rows, verdicts))
    return (f"{sum(v[0] for v in verdicts)}/{len(rows)} right (the cascade: "
            f"{sum(r.right for r in rows)}); overruled {sum(v[1] for v in verdicts)}, "
            f"won {won}, lost {lost}")


def arbitrate(tuning: List[Tried], heldback: List[Tried]) -> None:
    vectors = features(tuning + heldback)
    for c in (0.1, 1.0):
        for margin in MARGINS:
            verdicts: Dict[int, Tuple[bool, bool]] = {}
            for writer in sorted({set_of(row.conversation) for row in tuning}):
                arbiter = Arbiter([r for r in tuning if set_of(r.conversation) != writer],
                                  vectors, c)
                verdicts.update({id(r): arbiter.right(r, vectors[id(r)], margin)
                                 for r in tuning if set_of(r.conversation) == writer})
            print(f"arbiter C={c} margin {margin}, tuning, leave one writer out: "
                  + tally(tuning, [verdicts[id(r)] for r in tuning]))
    if heldback:
        c, margin = HELDBACK_SETTING
        arbiter = Arbiter(tuning, vectors, c)
        print(f"arbiter C={c} margin {margin}, trained on tuning, held back: "
              + tally(heldback, [arbiter.right(r, vectors[id(r)], margin) for r in heldback]))


def report(part: str, rows: Sequence[Tried], show: bool) -> None:
    wrong = [row for row in rows if not row.right]
    fixable = [row for row in wrong if row.passing]
    print(f"== {part}: {len(rows)} turns, {len(wrong)} wrong, {len(fixable)} of them right "
          f"with another rule first (at best {len(rows) - len(wrong) + len(fixable)} right)")
    for row in fixable if show else ():
        print(f"  [{row.conversation} #{row.number}] {row.fired} -> {row.passing}: {row.text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="model for the in-process NLU")
    parser.add_argument("--heldback", action="store_true", help="also the held-back part")
    parser.add_argument("--failures", action="store_true", help="print tuning turns fixed")
    parser.add_argument("--arbiter", action="store_true", help="try the learned arbiter")
    args = parser.parse_args()
    parse, shown = in_process_parts(args.model or newest_model())
    tuning = tried_turns("tuning", parse, shown)
    report("tuning", tuning, args.failures)
    heldback = tried_turns("heldback", parse, shown) if args.heldback else []
    if heldback:
        report("held back", heldback, False)
    if args.arbiter:
        arbitrate(tuning, heldback)
    return 0


if __name__ == "__main__":
    sys.exit(main())
