"""Real PostgreSQL and Redis servers on loopback for the deployment tests, started from the
Debian packages (scripts/system_deps.sh installs them) in a temporary directory."""
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from tests.rasa_servers import free_port


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (scripts/system_deps.sh installs it)")
    return found[-1]


def _as_postgres(command, **kwargs):
    """PostgreSQL refuses to run as root: run its commands as the `postgres` user then."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return command


class Postgres:
    """A fresh cluster in its own temporary directory (pytest's are private to root, and
    the server runs as `postgres`), which a test can restart on the same port and data."""

    def __init__(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
        self.data, self.log = self.workdir / "pgdata", self.workdir / "postgres.log"
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.workdir, account.pw_uid, account.pw_gid)
        self.port = free_port()
        self.url = f"postgresql://advisor:advisor@127.0.0.1:{self.port}/"
        subprocess.run(_as_postgres([_postgres_bin("initdb"), "-D", str(self.data), "-U",
                                     "advisor", "--auth=trust", "-E", "UTF8"]),
                       check=True, capture_output=True)
        self.log.touch()
        if os.geteuid() == 0:
            os.chown(self.log, account.pw_uid, account.pw_gid)
        self.server: Optional[subprocess.Popen] = None

    def start(self) -> None:
        self.server = subprocess.Popen(
            _as_postgres([_postgres_bin("postgres"), "-D", str(self.data), "-p", str(self.port),
                          "-h", "127.0.0.1", "-k", str(self.workdir)]),
            stdout=open(self.log, "a"), stderr=subprocess.STDOUT)
        for _ in range(120):
            ready = subprocess.run([_postgres_bin("pg_isready"), "-h", "127.0.0.1", "-p",
                                    str(self.port)], capture_output=True)
            if ready.returncode == 0:
                return
            time.sleep(0.5)
        raise TimeoutError(self.log.read_text())

    def stop(self) -> None:
        """Fast shutdown: the server ends every client's session and stops, as a restart by
        an operator or an orchestrator does. (pg_ctl signals the server itself: runuser
        does not pass SIGINT on.)"""
        if self.server is not None:
            subprocess.run(_as_postgres([_postgres_bin("pg_ctl"), "stop", "-D", str(self.data),
                                         "-m", "fast", "-w"]), check=True, capture_output=True)
            self.server.wait(timeout=60)
            self.server = None

    def restart(self) -> None:
        self.stop()
        self.start()


@contextmanager
def postgres_server() -> Iterator[Postgres]:
    """A running Postgres; its url is postgresql://advisor:advisor@127.0.0.1:PORT/"""
    postgres = Postgres()
    try:
        postgres.start()
        yield postgres
    finally:
        postgres.stop()
        shutil.rmtree(postgres.workdir, ignore_errors=True)


def create_database(url_prefix: str, name: str) -> str:
    import psycopg2

    connection = psycopg2.connect(url_prefix + "postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return url_prefix + name


class Redis:
    """A Redis without persistence (a restart loses every key, the worst case for the lock
    store), which a test can restart on the same port."""

    def __init__(self, workdir: Path) -> None:
        binary = shutil.which("redis-server")
        if not binary:
            raise RuntimeError("redis-server is not installed (scripts/system_deps.sh "
                               "installs it)")
        self.port = free_port()
        self.command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                        "--appendonly", "no", "--dir", str(workdir)]
        self.log = workdir / "redis.log"
        self.url = f"redis://127.0.0.1:{self.port}/1"
        self.server: Optional[subprocess.Popen] = None

    def start(self) -> None:
        import redis

        self.server = subprocess.Popen(self.command, stdout=open(self.log, "a"),
                                       stderr=subprocess.STDOUT)
        client = redis.Redis(host="127.0.0.1", port=self.port)
        for _ in range(100):
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.1)
        raise TimeoutError(self.log.read_text())

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)
            self.server = None

    def restart(self) -> None:
        self.stop()
        self.start()


@contextmanager
def redis_server(workdir: Path) -> Iterator[Redis]:
    redis = Redis(workdir)
    try:
        redis.start()
        yield redis
    finally:
        redis.stop()
