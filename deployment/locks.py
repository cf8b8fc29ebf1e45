"""A Redis lock store whose ticket bookkeeping is atomic across Rasa replicas.

Rasa 3.6's RedisLockStore keeps a conversation's ticket queue as one JSON value and
changes it by read-modify-write (GET, change, SET) with nothing guarding the gap. Two
replicas receiving a turn of the same conversation at the same moment can both read the
empty queue, both issue ticket 0, and both process their turn at once; the later tracker
save then drops the earlier turn (seen in tests/test_deployment.py). Cleanup races the
same way: one replica may delete the queue just after another added its ticket.

This store runs every read-modify-write of a conversation's queue under a short Redis
mutex (SET NX with an expiry, via redis-py's Lock), so tickets are unique and ordered.
"""
from contextlib import contextmanager
from typing import Iterator, Text

from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore

MUTEX_SECONDS = 10.0  # a queue update takes a few Redis round trips; this only bounds a crash


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore with each ticket-queue update done under a per-conversation mutex."""

    @contextmanager
    def _queue_mutex(self, conversation_id: Text) -> Iterator[None]:
        mutex = self.red.lock(f"{self.key_prefix}{conversation_id}:mutex",
                              timeout=MUTEX_SECONDS, blocking_timeout=MUTEX_SECONDS)
        if not mutex.acquire():
            raise LockError(f"Could not update the lock of conversation '{conversation_id}'.")
        try:
            yield
        finally:
            mutex.release()

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._queue_mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: Text) -> None:
        with self._queue_mutex(conversation_id):
            super().update_lock(conversation_id)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        with self._queue_mutex(conversation_id):
            super().finish_serving(conversation_id, ticket_number)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Finish this ticket and delete the queue if it is empty, as one step."""
        with self._queue_mutex(conversation_id):
            RedisLockStore.finish_serving(self, conversation_id, ticket_number)
            if not self.is_someone_waiting(conversation_id):
                self.delete_lock(conversation_id)
