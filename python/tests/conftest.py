"""Shared fixtures; run by ctest (python.pytest) with PYTHONPATH at the build tree's module."""
import os
import subprocess
import time
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("ENTENTE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
FLAGSHIP = SOURCE_DIR / "scenarios" / "us-rok-2021.yaml"
SHARED_DIR = Path(os.environ.get("ENTENTE_SHARED_DIR", SOURCE_DIR.parent / "shared"))


@pytest.fixture(scope="session")
def flagship_path():
    return FLAGSHIP


@pytest.fixture(scope="session")
def flagship():
    import entente
    return entente.load(FLAGSHIP)


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared reference data not found at {SHARED_DIR}")
    return SHARED_DIR


@pytest.fixture(scope="session")
def cli():
    """Runs the `entente` CLI built beside the module; returns (exit code, stdout, stderr)."""
    exe = os.environ.get("ENTENTE_CLI")
    if not exe or not os.path.exists(exe):
        pytest.skip("ENTENTE_CLI is not set to the built `entente` executable (run through ctest)")

    def run(*args):
        p = subprocess.run([exe, *map(str, args)], capture_output=True, text=True, cwd=SOURCE_DIR)
        return p.returncode, p.stdout, p.stderr

    return run


# `make test` ends with ctest's summary, then this line (pytest runs once, under ctest).
_start = [0.0]


def pytest_sessionstart(session):
    _start[0] = time.time()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    path = os.environ.get("ENTENTE_PYTEST_SUMMARY")
    if not path:
        return
    stats = terminalreporter.stats
    parts = [f"{len(stats[k])} {k}" for k in ("failed", "passed", "skipped", "error", "xfailed", "xpassed")
             if stats.get(k)]
    line = f"pytest: {', '.join(parts) or 'no tests ran'} in {time.time() - _start[0]:.2f}s"
    Path(path).write_text(line + "\n")
