"""Wall time of `rasa train` from scratch: `.venv/bin/python bench/train.py`."""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        started = time.monotonic()
        result = subprocess.run([RASA, "train", "--force", "--out", out, "--num-threads", "2"],
                                cwd=ROOT, capture_output=True, text=True)
        seconds = time.monotonic() - started
        if result.returncode != 0:
            print(result.stdout[-2000:], result.stderr[-2000:])
            return result.returncode
        size = sum(p.stat().st_size for p in Path(out).glob("*.tar.gz"))
    print(f"rasa train from scratch: {seconds:.1f} s wall, model {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
