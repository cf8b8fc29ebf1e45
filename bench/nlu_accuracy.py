"""NLU accuracy: `.venv/bin/python bench/nlu_accuracy.py [--folds 3] [--holdout]`.

By default runs `rasa test nlu --cross-validation` on data/nlu/ with config.yml. With
--holdout it trains one NLU model on all of data/nlu/ and tests it on bench/nlu_holdout.yml:
350 phrasings (10 per intent) written separately from the training data by someone who did
not see it, so they measure how the bot reads users it was not written for. Both print intent
accuracy and F1 (weighted and macro), entity F1, the weakest intents and the confusions.
"""
import argparse
import json
from collections import Counter
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")
HOLDOUT = "bench/nlu_holdout.yml"


def rasa(args: List[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [RASA, *args], cwd=ROOT, capture_output=True, text=True,
        env={"TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
             "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"})


def report(out: Path) -> None:
    intents = json.loads((out / "intent_report.json").read_text())
    print(f"intent  accuracy {intents['accuracy']:.3f}  "
          f"weighted F1 {intents['weighted avg']['f1-score']:.3f}  "
          f"macro F1 {intents['macro avg']['f1-score']:.3f}")
    for entity_report in sorted(out.glob("*Extractor_report.json")) + sorted(
            out.glob("DIETClassifier_report.json")):
        entities = json.loads(entity_report.read_text())
        avg = entities.get("weighted avg") or entities.get("micro avg")
        if avg and avg.get("support"):
            print(f"entities ({entity_report.stem.replace('_report', '')}): "
                  f"F1 {avg['f1-score']:.3f}")
    per_intent = sorted((v["f1-score"], k) for k, v in intents.items() if isinstance(v, dict)
                        and "support" in v and k not in ("weighted avg", "macro avg", "micro avg"))
    print("lowest intent F1:", ", ".join(f"{k} {f:.2f}" for f, k in per_intent[:8]))
    errors_file = out / "intent_errors.json"
    errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    pairs = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
    # `rasa test nlu` undoes FallbackClassifier predictions: these are the classifier's own.
    print(f"errors: {len(errors)}")
    print("most common confusions:", ", ".join(
        f"{gold}->{predicted} {n}" for (gold, predicted), n in pairs.most_common(10)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--nlu", default="data/nlu", help="training NLU file or folder")
    parser.add_argument("--config", default="config.yml")
    parser.add_argument("--holdout", nargs="?", const=HOLDOUT, default=None,
                        help=f"test file instead of cross-validation (default {HOLDOUT})")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        started = time.monotonic()
        if args.holdout:
            steps = [["train", "nlu", "--nlu", args.nlu, "--config", args.config,
                      "--out", out, "--fixed-model-name", "holdout"],
                     ["test", "nlu", "--model", f"{out}/holdout.tar.gz", "--nlu", args.holdout,
                      "--out", f"{out}/results"]]
            title, results = f"held-out phrasings: {args.holdout}", Path(out) / "results"
        else:
            steps = [["test", "nlu", "--nlu", args.nlu, "--config", args.config,
                      "--cross-validation", "--folds", str(args.folds), "--out", out]]
            title, results = f"cross-validation: {args.folds} folds", Path(out)
        for step in steps:
            result = rasa(step)
            if result.returncode != 0:
                print(result.stdout[-2000:], result.stderr[-2000:])
                return result.returncode
        print(f"{title}, {time.monotonic() - started:.0f} s")
        report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
