"""Search engines that fail as real ones do, for the outage tests.

- refused: a port nothing listens on (a stopped engine);
- hung: a socket that accepts connections and never answers (a stuck JVM);
- unreachable: a host that never completes a connection (a firewall dropping packets, a
  machine gone from the network): a listener whose backlog is full;
- frozen: a real OpenSearch node of our own (never the shared one), stopped with SIGSTOP and
  resumed with SIGCONT. ``ops/opensearch/opensearch.sh`` starts it on SEARCH_OUTAGE_PORT
  (9271 by default) with its data under SEARCH_OUTAGE_VAR_DIR (var/opensearch-outage/).
"""

import os
import signal
import socket
import subprocess
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.test import override_settings

from cms.settings.search import wagtail_search_backends
from search.breaker import Breaker

TIMEOUT = 1.0  # SEARCH_TIMEOUT of the outage tests: seconds a stuck engine makes a call wait
ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "ops" / "opensearch" / "opensearch.sh"
OUTAGE_PORT = int(os.environ.get("SEARCH_OUTAGE_PORT", "9271"))
OUTAGE_VAR_DIR = Path(os.environ.get("SEARCH_OUTAGE_VAR_DIR", ROOT / "var" / "opensearch-outage"))


@contextmanager
def engine_at(url: str, *, timeout: float = TIMEOUT, engine: str = "opensearch", **extra):
    """SEARCH_ENGINE=``engine`` at ``url``, as cms/settings/search.py configures it, in indexes
    of its own."""
    prefix = f"test-{uuid.uuid4().hex[:10]}-"
    options = {
        "SEARCH_ENGINE": engine,
        "SEARCH_URL": url,
        "SEARCH_INDEX_PREFIX": prefix,
        "SEARCH_TIMEOUT": timeout,
        "WAGTAILSEARCH_BACKENDS": wagtail_search_backends(
            engine, url, index_prefix=prefix, timeout=timeout
        ),
        "SEARCH_DATABASE_BACKEND": "database",
    }
    with override_settings(**(options | extra)):
        try:
            yield prefix
        finally:
            Breaker(url).reset()


def closed_port_url() -> str:
    """A port that was free a moment ago: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@contextmanager
def hung_engine():
    """A listener that accepts every connection and never answers; yields its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    accepted, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _address = listener.accept()
            except OSError:
                return
            accepted.append(connection)  # kept open, never read nor answered

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()
        for connection in accepted:
            connection.close()


@contextmanager
def unreachable_engine():
    """A URL where connecting never completes: the listener accepts no connection and its
    one-place backlog is taken, so the kernel drops further connection attempts."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    address = listener.getsockname()
    filler = socket.create_connection(address, timeout=5)
    try:
        yield f"http://{address[0]}:{address[1]}"
    finally:
        filler.close()
        listener.close()


@dataclass
class Node:
    url: str
    pid: int
    started_here: bool

    @contextmanager
    def frozen(self):
        """The node's JVM stopped (SIGSTOP): connections are accepted, nothing answers."""
        os.kill(self.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.pid, signal.SIGCONT)


def script_env() -> dict:
    return os.environ | {
        "OPENSEARCH_PORT": str(OUTAGE_PORT),
        "OPENSEARCH_VAR_DIR": str(OUTAGE_VAR_DIR),
        "OPENSEARCH_CLUSTER_NAME": "coffee-hub-outage",
        "OPENSEARCH_JAVA_OPTS": os.environ.get("OPENSEARCH_OUTAGE_JAVA_OPTS", "-Xms512m -Xmx512m"),
    }


def run_script(command: str, timeout: int = 400) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own ops script, fixed arguments
        ["bash", str(SCRIPT), command],  # noqa: S607
        env=script_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_node() -> Node:
    """Our own node (started unless it already runs); raises RuntimeError when it cannot."""
    started_here = run_script("status", timeout=30).returncode != 0
    if started_here:
        result = run_script("start")
        if result.returncode != 0:
            raise RuntimeError(f"could not start the outage node: {result.stderr[-2000:]}")
    pid_file = OUTAGE_VAR_DIR / "opensearch.pid"
    if not pid_file.exists():
        raise RuntimeError(f"an OpenSearch not started by {SCRIPT} uses port {OUTAGE_PORT}")
    return Node(f"http://127.0.0.1:{OUTAGE_PORT}", int(pid_file.read_text().strip()), started_here)


def stop_node(node: Node) -> None:
    if node.started_here:
        run_script("stop", timeout=120)
