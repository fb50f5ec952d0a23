"""A private Virtuoso (Debian's ``virtuoso-opensource``) for tests, benchmarks and local trials.

``python -m sanad.scripts.virtuoso start DIR`` starts ``virtuoso-t`` from the project's own ini
(``scripts/virtuoso/virtuoso.ini``) in ``DIR``, bound to 127.0.0.1 on free ports (never Debian's
8890/1111), waits until SPARQL answers, and on a fresh database:

* replaces the default ``dba`` password with a random one;
* creates the user ``sanad`` (random password) with ``SPARQL_UPDATE``, for digest-authenticated
  updates at ``/sparql-auth`` (the anonymous ``/sparql`` stays read-only);
* hides Virtuoso's own graphs (``virtrdf#``, DAV, …) in its private graph group, so that the
  default graph is the union of sanad's graphs alone.

It prints the ``SANAD_SPARQL_*`` settings. ``stop DIR`` runs ``checkpoint;`` and stops the
process by its PID. Everything the instance knows is in ``DIR/sanad-virtuoso.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from string import Template

__all__ = ["Virtuoso", "VirtuosoError", "available", "start"]

SERVER, ISQL = "virtuoso-t", "isql-vt"
HOW_TO_INSTALL = "apt-get install virtuoso-opensource (Debian) puts virtuoso-t and isql-vt on PATH"
_TEMPLATE = Path(__file__).with_name("virtuoso") / "virtuoso.ini"
_STATE = "sanad-virtuoso.json"
_PRIVATE = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"


class VirtuosoError(RuntimeError):
    """Virtuoso could not be started, set up or stopped."""


def available() -> bool:
    """Whether Virtuoso's server and its SQL client are installed."""
    return shutil.which(SERVER) is not None and shutil.which(ISQL) is not None


@dataclass
class Virtuoso:
    """A running instance started by :func:`start`."""

    folder: str
    http_port: int
    sql_port: int
    pid: int
    dba_password: str
    user: str
    password: str
    result_cap: int

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def update_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    def env(self) -> dict[str, str]:
        """The settings that point sanad at this instance."""
        return {
            "SANAD_SPARQL_QUERY_URL": self.query_url,
            "SANAD_SPARQL_UPDATE_URL": self.update_url,
            "SANAD_SPARQL_USER": self.user,
            "SANAD_SPARQL_PASSWORD": self.password,
            "SANAD_SPARQL_AUTH": "digest",
            "SANAD_SPARQL_RESULT_CAP": str(self.result_cap),
            "SANAD_SPARQL_SERVER": "virtuoso",
        }

    def isql(self, sql: str, timeout: float = 600) -> str:
        """Run SQL statements as ``dba``; raise on the first error."""
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", self.dba_password, "VERBOSE=OFF",
             "BANNER=OFF", "PROMPT=OFF", "ERRORS=STDOUT"],
            input=sql, capture_output=True, text=True, timeout=timeout, check=False,
        )
        output = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in output:
            raise VirtuosoError(f"isql failed: {output.strip()[:2000]}")
        return output

    def running(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def stop(self, timeout: float = 60) -> None:
        """``checkpoint;`` (so the next start has no log to replay), then stop the PID."""
        if not self.running():
            return
        try:
            self.isql("checkpoint;", timeout=timeout)
        except (VirtuosoError, subprocess.TimeoutExpired) as exc:
            print(f"virtuoso: checkpoint failed, stopping anyway: {exc}", file=sys.stderr)
        os.kill(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.1)
        if self.running():
            os.kill(self.pid, signal.SIGKILL)

    def save(self) -> None:
        (Path(self.folder) / _STATE).write_text(json.dumps(asdict(self), indent=2))
        os.chmod(Path(self.folder) / _STATE, 0o600)

    @classmethod
    def load(cls, folder: Path) -> Virtuoso:
        try:
            return cls(**json.loads((folder / _STATE).read_text()))
        except (OSError, ValueError, TypeError) as exc:
            raise VirtuosoError(f"{folder}: no instance started there ({exc})") from exc


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(
    folder: Path, *, memory_mb: int = 256, result_cap: int = 1_000_000,
    query_seconds: int = 120, timeout: float = 90,
) -> Virtuoso:
    """Start (or restart) the instance kept in ``folder``; set it up on first start."""
    if not available():
        raise VirtuosoError(f"Virtuoso is not installed: {HOW_TO_INSTALL}")
    folder = folder.resolve()
    (folder / "vsp").mkdir(parents=True, exist_ok=True)
    fresh = not (folder / _STATE).exists()
    if fresh:
        instance = Virtuoso(str(folder), _free_port(), _free_port(), 0, "dba", "sanad",
                            secrets.token_hex(16), result_cap)
    else:
        instance = Virtuoso.load(folder)
        if instance.running():
            return instance
    buffers = max(2_000, memory_mb * 1024 * 1024 * 2 // 3 // 8_192)
    ini = Template(_TEMPLATE.read_text()).substitute(
        dir=str(folder), sql_port=instance.sql_port, http_port=instance.http_port,
        buffers=buffers, dirty_buffers=buffers * 3 // 4, result_cap=instance.result_cap,
        query_seconds=query_seconds,
    )
    (folder / "virtuoso.ini").write_text(ini)
    (folder / "virtuoso.lck").unlink(missing_ok=True)
    with (folder / "stdout.log").open("ab") as log:
        # +wait: the launcher returns once the server is online (it forks into the background)
        done = subprocess.run([SERVER, "-c", str(folder / "virtuoso.ini"), "+wait"], cwd=folder,
                              stdout=log, stderr=subprocess.STDOUT, timeout=timeout, check=False)
    if done.returncode != 0:
        raise VirtuosoError(f"{SERVER} exited with {done.returncode}; see {folder}/virtuoso.log")
    instance.pid = _pid_of(folder)
    _wait_for_http(instance, timeout)
    if fresh:
        _set_up(instance)
    instance.save()
    return instance


def _pid_of(folder: Path) -> int:
    for line in (folder / "virtuoso.lck").read_text().splitlines():
        if line.startswith("VIRT_PID="):
            return int(line.split("=", 1)[1])
    raise VirtuosoError(f"{folder}/virtuoso.lck names no PID")


def _wait_for_http(instance: Virtuoso, timeout: float) -> None:
    url = instance.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise VirtuosoError(f"Virtuoso's SPARQL endpoint did not answer within {timeout:.0f} s")


def _system_graphs(instance: Virtuoso) -> list[str]:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    url = instance.query_url + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        rows = json.load(answer)["results"]["bindings"]
    return [row["g"]["value"] for row in rows]


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _set_up(instance: Virtuoso) -> None:
    """Hide the system graphs, create the update user, and replace the default dba password."""
    statements = [f"DB.DBA.RDF_GRAPH_GROUP_CREATE ({_sql_string(_PRIVATE)}, 1);"]
    statements += [
        f"DB.DBA.RDF_GRAPH_GROUP_INS ({_sql_string(_PRIVATE)}, {_sql_string(g)});"
        for g in _system_graphs(instance)
    ]
    statements += [
        f"DB.DBA.USER_CREATE ({_sql_string(instance.user)}, {_sql_string(instance.password)});",
        f'GRANT SPARQL_UPDATE TO "{instance.user}";',
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 1);",  # anonymous: read
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);",  # … but not the system graphs
        f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET ({_sql_string(instance.user)}, 15);",
        f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET ({_sql_string(instance.user)}, 0, 1);",
    ]
    instance.isql("\n".join(statements))
    new_password = secrets.token_hex(16)
    instance.isql(f"DB.DBA.USER_CHANGE_PASSWORD ('dba', {_sql_string(instance.dba_password)}, "
                  f"{_sql_string(new_password)});\ncheckpoint;")
    instance.dba_password = new_password


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sanad.scripts.virtuoso", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["start", "stop", "env"])
    parser.add_argument("folder", type=Path, help="the instance's folder (created if missing)")
    parser.add_argument("--memory-mb", type=int, default=256, help="buffer pool size")
    args = parser.parse_args(argv)
    try:
        if args.action == "start":
            instance = start(args.folder, memory_mb=args.memory_mb)
        else:
            instance = Virtuoso.load(args.folder)
        if args.action == "stop":
            instance.stop()
            return 0
    except (VirtuosoError, OSError, subprocess.SubprocessError) as exc:
        print(f"virtuoso: {exc}", file=sys.stderr)
        return 1
    for name, value in instance.env().items():
        print(f"export {name}={value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
