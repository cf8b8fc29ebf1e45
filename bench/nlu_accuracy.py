"""NLU accuracy by cross-validation: `.venv/bin/python bench/nlu_accuracy.py [--folds 3]`.

Runs `rasa test nlu --cross-validation` on data/nlu/ with config.yml and prints intent and
entity F1 (weighted averages over the test folds) and the intents whose F1 is lowest.
"""
import argparse
import json
from collections import Counter
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--nlu", default="data/nlu", help="NLU file or folder")
    parser.add_argument("--config", default="config.yml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        started = time.monotonic()
        result = subprocess.run(
            [RASA, "test", "nlu", "--nlu", args.nlu, "--config", args.config,
             "--cross-validation", "--folds", str(args.folds), "--out", out],
            cwd=ROOT, capture_output=True, text=True,
            env={"TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
                 "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"})
        seconds = time.monotonic() - started
        if result.returncode != 0:
            print(result.stdout[-2000:], result.stderr[-2000:])
            return result.returncode
        intents = json.loads((Path(out) / "intent_report.json").read_text())
        print(f"cross-validation: {args.folds} folds, {seconds:.0f} s")
        print(f"intent  accuracy {intents['accuracy']:.3f}  "
              f"weighted F1 {intents['weighted avg']['f1-score']:.3f}  "
              f"macro F1 {intents['macro avg']['f1-score']:.3f}")
        for report in sorted(Path(out).glob("*Extractor_report.json")) + sorted(
                Path(out).glob("DIETClassifier_report.json")):
            entities = json.loads(report.read_text())
            avg = entities.get("weighted avg") or entities.get("micro avg")
            if avg:
                print(f"entities ({report.stem.replace('_report', '')}): F1 {avg['f1-score']:.3f}")
        per_intent = sorted((v["f1-score"], k) for k, v in intents.items() if isinstance(v, dict)
                            and "support" in v and k not in ("weighted avg", "macro avg", "micro avg"))
        print("lowest intent F1:", ", ".join(f"{k} {f:.2f}" for f, k in per_intent[:8]))
        errors_file = Path(out) / "intent_errors.json"
        errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
        pairs = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
        # `rasa test nlu` undoes FallbackClassifier predictions: these are the classifier's own.
        print(f"errors: {len(errors)}")
        print("most common confusions:", ", ".join(
            f"{gold}->{predicted} {n}" for (gold, predicted), n in pairs.most_common(10)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
