"""Fixtures for the API tests: the real `entente serve` binary on a free loopback port."""
import json
import os
import re
import signal
import subprocess
import urllib.error
import urllib.request

import pytest

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Server:
    """A running `entente serve`; `call` sends one request and returns (status, headers, body)."""

    def __init__(self, binary, args, db):
        self.proc = subprocess.Popen([binary, "serve", *args, "--port", "0", "--db", db],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"listening on (http://\S+)/", line)
        if not match:
            self.proc.kill()
            raise RuntimeError(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.url = match.group(1)

    def call(self, method, path, body=None, raw=None, headers=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=60) as res:
                return res.status, dict(res.headers), res.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def json(self, method, path, body=None, **kw):
        status, _, content = self.call(method, path, body, **kw)
        return status, json.loads(content) if content else None

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=15)


@pytest.fixture(scope="session")
def binary():
    path = os.environ.get("ENTENTE_BIN", os.path.join(SOURCE_DIR, "build/release/apps/cli/entente"))
    if not os.path.exists(path):
        pytest.skip(f"no entente binary at {path}; build it or set ENTENTE_BIN")
    return path


@pytest.fixture(scope="session")
def server(binary, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("db") / "runs.db")
    s = Server(binary, [os.path.join(SOURCE_DIR, "scenarios")], db)
    s.db = db
    yield s
    assert s.stop() == 0


@pytest.fixture(scope="session")
def flagship(server):
    status, body = server.json("GET", "/api/scenarios/us-rok-2021")
    assert status == 200
    return body["scenario"]
