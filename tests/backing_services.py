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
from typing import Iterator

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


@contextmanager
def postgres_server() -> Iterator[str]:
    """A fresh cluster in its own temporary directory (pytest's are private to root, and
    the server runs as `postgres`); yields postgresql://advisor:advisor@127.0.0.1:PORT/"""
    workdir = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
    data = workdir / "pgdata"
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(workdir, account.pw_uid, account.pw_gid)
    port = free_port()
    subprocess.run(_as_postgres([_postgres_bin("initdb"), "-D", str(data), "-U", "advisor",
                                 "--auth=trust", "-E", "UTF8"]),
                   check=True, capture_output=True)
    log = workdir / "postgres.log"
    if os.geteuid() == 0:
        log.touch()
        os.chown(log, account.pw_uid, account.pw_gid)
    server = subprocess.Popen(_as_postgres([_postgres_bin("postgres"), "-D", str(data),
                                            "-p", str(port), "-h", "127.0.0.1",
                                            "-k", str(workdir)]),
                              stdout=open(log, "w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(120):
            ready = subprocess.run([_postgres_bin("pg_isready"), "-h", "127.0.0.1", "-p",
                                    str(port)], capture_output=True)
            if ready.returncode == 0:
                break
            time.sleep(0.5)
        else:
            raise TimeoutError(log.read_text())
        yield f"postgresql://advisor:advisor@127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def create_database(url_prefix: str, name: str) -> str:
    import psycopg2

    connection = psycopg2.connect(url_prefix + "postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return url_prefix + name


@contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if not binary:
        raise RuntimeError("redis-server is not installed (scripts/system_deps.sh installs it)")
    port = free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(workdir)],
                              stdout=open(workdir / "redis.log", "w"), stderr=subprocess.STDOUT)
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=port)
        for _ in range(100):
            try:
                if client.ping():
                    break
            except redis.ConnectionError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/1"
    finally:
        server.terminate()
        server.wait(timeout=30)
