"""A Redis lock store whose ticket bookkeeping is atomic across Rasa replicas.

Rasa 3.6's RedisLockStore keeps a conversation's ticket queue as one JSON value and
changes it by read-modify-write (GET, change, SET) with nothing guarding the gap. Two
replicas receiving a turn of the same conversation at the same moment can both read the
empty queue, both issue ticket 0, and both process their turn at once; the later tracker
save then drops the earlier turn (seen in tests/test_deployment.py). Cleanup races the
same way: one replica may delete the queue just after another added its ticket.

Here every read-modify-write of a queue is an optimistic Redis transaction: WATCH the
queue's key, read it, change it, and write it back in MULTI/EXEC, which Redis refuses if
any other client wrote the key since the WATCH; the change is then redone from a fresh
read. Compared with guarding the gap by a mutex key (this module's first version):

* no key of our own: a mutex key derived from the conversation id could equal another
  conversation's queue key, and clients choose their own sender ids;
* nothing to wait for: a refused write is redone at once, and it is refused only because
  another replica's change went through;
* no expiry to outlive: a mutex that expired while Redis was slow admitted a second holder,
  and its release then failed the turn.

The store's Redis calls run on worker threads, so a slow Redis delays the turns waiting
for it but not the replica's event loop (every other conversation). The client comes from
the whole URL: redis:// or rediss:// (TLS), user, password, database and ?options.
"""
import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import partial
from typing import AsyncIterator, Callable, Optional, Text, Tuple, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import (DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX,
                                  DEFAULT_SOCKET_TIMEOUT_IN_SECONDS, LOCK_LIFETIME, LockError,
                                  LockStore, RedisLockStore)

Result = TypeVar("Result")
# A change of a queue: the queue as read (None: no queue) -> the queue to write (None:
# delete it) and what the caller gets back.
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], Result]]

REDIS_WORKERS = 8  # threads for Redis calls: a bound on the turns waiting for a slow Redis


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose ticket-queue updates are optimistic Redis transactions."""

    def __init__(self, client: redis.Redis, key_prefix: Optional[Text] = None) -> None:
        # RedisLockStore.__init__ would build its own client from host/port/password only.
        self.red = client
        self.key_prefix = DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX
        if key_prefix:
            self._set_key_prefix(key_prefix)
        self._redis_threads = ThreadPoolExecutor(REDIS_WORKERS,
                                                 thread_name_prefix="lock-store")
        LockStore.__init__(self)

    @classmethod
    def from_url(cls, url: Text, key_prefix: Optional[Text] = None) -> "AtomicRedisLockStore":
        """Everything the URL says (scheme, user, password, database, ?options) is used;
        without a database in the URL, Rasa's default lock-store database, 1."""
        client = redis.Redis.from_url(url, db=1,
                                      socket_timeout=DEFAULT_SOCKET_TIMEOUT_IN_SECONDS,
                                      socket_connect_timeout=DEFAULT_SOCKET_TIMEOUT_IN_SECONDS)
        return cls(client, key_prefix)

    def _change_queue(self, conversation_id: Text, change: Change[Result]) -> Result:
        key = self.key_prefix + conversation_id

        def attempt(pipe: redis.client.Pipeline) -> Result:
            stored = pipe.get(key)  # WATCHed by transaction(): any write since refuses EXEC
            lock, result = change(TicketLock.from_dict(json.loads(stored)) if stored else None)
            pipe.multi()
            if lock is None:
                pipe.delete(key)
            else:
                pipe.set(key, lock.dumps())
            return result

        try:
            return self.red.transaction(attempt, key, value_from_callable=True)
        except redis.RedisError as error:
            raise LockError(f"Lock store: conversation '{conversation_id}': {error}") from error

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        return self._change_queue(conversation_id, issue)

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_expired_tickets()
            return lock, None

        self._change_queue(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._finish(conversation_id, ticket_number, delete_if_empty=False)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Finish this ticket and delete the queue if it is empty, as one step."""
        self._finish(conversation_id, ticket_number, delete_if_empty=True)

    def _finish(self, conversation_id: Text, ticket_number: int, delete_if_empty: bool) -> None:
        def finish(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_ticket_for(ticket_number)
                if delete_if_empty and not lock.is_someone_waiting():
                    lock = None
            return lock, None

        self._change_queue(conversation_id, finish)

    async def _off_loop(self, call: Callable[..., Result], *args) -> Result:
        return await asyncio.get_running_loop().run_in_executor(
            self._redis_threads, partial(call, *args))

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncIterator[TicketLock]:
        """LockStore.lock, with each Redis call on a worker thread."""
        ticket = await self._off_loop(self.issue_ticket, conversation_id, lock_lifetime)
        try:
            yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            await self._off_loop(self.cleanup, conversation_id, ticket)

    async def _acquire_lock(self, conversation_id: Text, ticket: int,
                            wait_time_in_seconds: float) -> TicketLock:
        while True:
            lock = await self._off_loop(self.get_lock, conversation_id)
            if not lock:  # the queue is gone: its tickets expired (or Redis lost it)
                raise LockError(f"Could not acquire lock for conversation '{conversation_id}'.")
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)
            await self._off_loop(self.update_lock, conversation_id)
