"""`rasa shell`, the way `make chat` runs it, in a real pseudo-terminal: a ranking arrives as the
same plain text as ever (its table is for the widget and Slack only), its choices said as
words to type (so the next question can be typed straight away), and a message far over
the length limit, which no channel guard sees here, still gets an answer (the pipeline's
MessageTextLimit cuts it before spaCy)."""
import os
import pty
import re
import select
import subprocess
import time

import pytest

from tests.rasa_servers import PROJECT_ROOT, RASA, action_server, free_port, rasa_env

pytestmark = pytest.mark.rasa


class Terminal:
    """A process on a pseudo-terminal: what it printed so far, and typing into it."""

    def __init__(self, command, env):
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdin=slave,
                                        stdout=slave, stderr=slave, close_fds=True)
        os.close(slave)
        self.output = b""

    def wait_for(self, pattern: bytes, seconds: float, start: int = 0) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if re.search(pattern, self.output[start:]):
                return True
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    return False
        return bool(re.search(pattern, self.output[start:]))

    def type(self, text: str) -> int:
        """Pastes a line (bracketed paste, as a terminal pastes: one insert, where typing 3,000
        keys would redraw the prompt 3,000 times) and presses Enter; returns where the output
        after it starts."""
        start = len(self.output)
        os.write(self.master, b"\x1b[200~" + text.encode() + b"\x1b[201~")
        time.sleep(0.5)
        os.write(self.master, b"\r")
        return start

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self.master)


def test_the_shell_answers_in_plain_text_and_survives_an_over_long_message(trained_model,
                                                                           tmp_path):
    with action_server(tmp_path) as action_url:
        endpoints = tmp_path / "endpoints.yml"
        endpoints.write_text((PROJECT_ROOT / "endpoints.yml").read_text().replace(
            "http://localhost:5055/webhook", action_url))
        shell = Terminal([RASA, "shell", "--model", str(trained_model), "--endpoints",
                          str(endpoints), "--port", str(free_port()), "--interface", "127.0.0.1"],
                         {**rasa_env(), "TRACKER_STORE_URL": "memory://", "TERM": "dumb"})
        try:
            assert shell.wait_for(rb"Bot loaded", 300), shell.output[-2000:]
            after = shell.type("x" * 3000)
            assert shell.wait_for(rb"outside what I know|didn't get that", 120, after), \
                shell.output[-2000:]
            after = shell.type("top 3 programs")
            assert shell.wait_for(rb"3\. Syracuse University", 120, after), shell.output[-3000:]
            shown = shell.output[after:]
            assert b"1. Carnegie Mellon University" in shown and b"Custom json" not in shown
            assert b"You can say:" in shown  # the choices as words: no menu to leave first
            after = shell.type("tuition at the second one")
            assert shell.wait_for(rb"\$66,640", 120, after), shell.output[-3000:]
        finally:
            shell.close()
