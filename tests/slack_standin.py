"""A local stand-in for Slack's Web API: records every chat.postMessage the bot makes."""
import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, Iterator, List
from urllib.parse import parse_qs

from tests.rasa_servers import free_port


class SlackStandIn:
    def __init__(self) -> None:
        self.posts: List[Dict] = []
        self.lock = threading.Lock()

    def messages_to(self, channel: str) -> List[Dict]:
        with self.lock:
            return [post for post in self.posts if post.get("channel") == channel]


def _handler(standin: SlackStandIn):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            if "json" in (self.headers.get("Content-Type") or ""):
                fields = json.loads(body or "{}")
            else:
                fields = {key: values[0] for key, values in parse_qs(body).items()}
            for key in ("blocks", "attachments"):
                if isinstance(fields.get(key), str):
                    fields[key] = json.loads(fields[key])
            fields["method"] = self.path.rsplit("/", 1)[-1]
            fields["authorization"] = self.headers.get("Authorization")
            with standin.lock:
                standin.posts.append(fields)
            reply = json.dumps({"ok": True, "channel": fields.get("channel"),
                                "ts": f"{len(standin.posts)}.000"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    return Handler


@contextmanager
def slack_standin() -> Iterator[tuple]:
    """(stand-in, its API base URL) while the server runs."""
    standin = SlackStandIn()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _handler(standin))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield standin, f"http://127.0.0.1:{server.server_port}/api/"
    finally:
        server.shutdown()


def recording_bot():
    """The project's Slack output with its Web API call recorded instead of made: (the output,
    the keyword arguments of each chat.postMessage)."""
    from channels.slack import EscapingSlackBot

    posted: List[Dict] = []
    bot = EscapingSlackBot("xoxb-test", "D1")

    async def record(channel, **kwargs):
        posted.append(kwargs)

    bot.client.chat_postMessage = record
    return bot, posted
