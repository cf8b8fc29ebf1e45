"""Rasa's socket.io channel (the website widget, and sites running the community widget
rasa-webchat) behind the guard (channels/guard.py), with sessions that survive a reload.

* Session persistence works: Rasa 3.6 calls python-socketio 5's `enter_room`, a coroutine
  now, without awaiting it, so the socket never joined its session's room and replies went
  nowhere. Here the socket joins the room of the session it asks for, so a reloaded page or a
  second tab continues the same conversation (the session id is the conversation id).
* A session id is the client's to keep, not to choose freely: one that is not a plain token
  (letters, digits, '-', '_'; 8-64 characters) is replaced by a new random one, so a client
  cannot name another channel's conversation ("rest-user-1") or an odd key.
* rasa-webchat's conventions: its init payload ("/get_started" by default) greets, and an
  empty message (sent by some clients on connect) is not answered.
* An event that is not a message object ({"message": "..."}) gets a sentence back instead of
  an exception in Rasa's handler and no reply.
"""
import re
import uuid
from typing import Any, Optional, Text

from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from channels.guard import OnNewMessage, guarded

NOT_A_MESSAGE = ("I couldn't read that message. The widget sends {\"message\": \"your "
                 "question\"}; please try again.")
GREET = "/greet"  # Rasa's own intent syntax: the domain's greet intent, as a message
INIT_PAYLOADS = {"/get_started", "get_started", "/init", "/start"}
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")


def is_message(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("message", ""), str) and \
        isinstance(data.get("metadata") or {}, dict)


def session_id_for(asked: Any) -> Text:
    """The session the client asked for, when it is a plain token; else a new one."""
    if isinstance(asked, str) and _SESSION_ID.fullmatch(asked):
        return asked
    return uuid.uuid4().hex


class AdvisorSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = super().blueprint(guarded(on_new_message))
        namespace = self.namespace or "/"
        rasa_handler = self.sio.handlers[namespace][self.user_message_evt]

        async def session_request(sid: Text, data: Optional[Any] = None) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            session_id = session_id_for(asked)
            if self.session_persistence:
                await self.sio.enter_room(sid, session_id, namespace=namespace)
                self.sio_sessions[sid] = session_id
            await self.sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        async def handle_message(sid: Text, data: Any = None) -> None:
            if not is_message(data):
                await self.sio.emit(self.bot_message_evt, {"text": NOT_A_MESSAGE}, room=sid,
                                    namespace=namespace)
                return
            text = data.get("message", "").strip()
            if not text:
                return  # nothing said: nothing to answer (rasa-webchat's connect message)
            if self.session_persistence:
                # the session this socket joined, whatever the event names: a client cannot
                # write into a conversation it did not ask for with session_request
                data = {**data, "session_id": self.sio_sessions.get(sid) or sid}
            if text in INIT_PAYLOADS:
                data = {**data, "message": GREET}
            await rasa_handler(sid, data)

        self.sio_sessions: dict = {}
        self.sio.on("session_request", session_request, namespace=namespace)
        self.sio.on(self.user_message_evt, handle_message, namespace=namespace)
        self.sio.on("disconnect", lambda sid: self.sio_sessions.pop(sid, None),
                    namespace=namespace)
        return webhook
