"""Starting and stopping a real `sanad serve` process on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

__all__ = ["LiveServer", "free_port", "start_server"]


@dataclass
class LiveServer:
    process: subprocess.Popen[bytes]
    url: str

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(store: Path, extra_env: dict[str, str] | None = None) -> LiveServer:
    """Run `sanad serve` over ``store`` and wait until /health answers."""
    port = free_port()
    env = {**os.environ, "SANAD_STORE": str(store), **(extra_env or {})}
    command = [sys.executable, "-m", "sanad.api.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    log = (store.parent / f"serve-{port}.log").open("wb")
    with log:  # the child keeps its own copy of the file descriptor
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = Path(log.name).read_text(errors="replace")
            raise RuntimeError(f"sanad serve exited with {process.returncode}: {err}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return LiveServer(process, url)
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("sanad serve did not answer /health within 30 s")
