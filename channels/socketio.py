"""Rasa's socket.io channel (the website widget) behind the guard (channels/guard.py).

A client event that is not a message object ({"message": "..."}) gets a sentence back
instead of an exception in Rasa's handler and no reply."""
from typing import Any, Text

from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from channels.guard import OnNewMessage, guarded

NOT_A_MESSAGE = ("I couldn't read that message. The widget sends {\"message\": \"your "
                 "question\"}; please try again.")


def is_message(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("message", ""), str) and \
        isinstance(data.get("metadata") or {}, dict)


class AdvisorSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = super().blueprint(guarded(on_new_message))
        namespace = self.namespace or "/"
        rasa_handler = self.sio.handlers[namespace][self.user_message_evt]

        async def handle_message(sid: Text, data: Any = None) -> None:
            if not is_message(data):
                await self.sio.emit(self.bot_message_evt, {"text": NOT_A_MESSAGE}, room=sid,
                                    namespace=namespace)
                return
            await rasa_handler(sid, data)

        self.sio.on(self.user_message_evt, handle_message, namespace=namespace)
        return webhook
