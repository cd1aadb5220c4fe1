"""simulate(..., client=) on a real dask.distributed cluster on 127.0.0.1 (`dask scheduler` and
two `dask worker` processes, started and stopped here): byte for byte the local result, for any
number of shards, and still after a worker is killed mid-job. Skips without Debian's
python3-distributed (make deps installs it)."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest

import entente

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (Debian python3-distributed)")

# tornado (under distributed 2022.12) warns about its own event-loop calls.
pytestmark = pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")

# Starting Python processes that import dask takes seconds, more on a loaded machine.
STARTUP_SECONDS = 120


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask_command():
    exe = shutil.which("dask")
    if exe is None:
        pytest.skip("the `dask` command is not installed (Debian python3-distributed)")
    return [exe]


class Cluster:
    """A scheduler and `workers` single-threaded workers, each its own process (no nanny, so
    killing one kills the worker), logs in `folder`."""

    def __init__(self, folder, workers):
        self.folder = folder
        self.procs = []
        self.workers = []
        self.client = None
        port = _free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        dask = _dask_command()
        env = dict(os.environ)
        self._start(dask + ["scheduler", "--host", "127.0.0.1", "--port", str(port),
                            "--no-dashboard"], "scheduler", env)
        for w in range(workers):
            self.workers.append(self._start(
                dask + ["worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
                        "--no-nanny", "--no-dashboard", "--death-timeout", "60",
                        "--local-directory", str(folder / f"worker-{w}")], f"worker-{w}", env))
        try:
            self.client = distributed.Client(self.address, timeout=STARTUP_SECONDS)
            self.client.wait_for_workers(workers, timeout=STARTUP_SECONDS)
        except Exception as e:
            logs = "".join(f"--- {p.name}\n{p.read_text(errors='replace')[-2000:]}"
                           for p in sorted(folder.glob("*.log")))
            self.stop()
            raise RuntimeError(f"the Dask cluster did not start: {e}\n{logs}") from e

    def _start(self, args, name, env):
        log = open(self.folder / f"{name}.log", "wb")
        p = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env,
                             start_new_session=True)
        log.close()
        self.procs.append(p)
        return p

    def stop(self):
        if self.client is not None:
            self.client.close(timeout=10)
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
        deadline = time.time() + 20
        for p in self.procs:
            try:
                p.wait(timeout=max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(timeout=10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("dask"), workers=2)
    try:
        yield c
    finally:
        c.stop()


RUN = dict(model="median", draws=1500, seed=21, noise=10, thresholds={"sanctions_relief": 30},
           sensitivity=True, set=["US.sanctions_relief.salience=0.9"])


def test_cluster_result_is_the_local_result_byte_for_byte(cluster, flagship_path):
    local = entente.simulate(flagship_path, keep_draws=False, **RUN)
    for shards in (None, 1, 2, 3, 7):
        seen = []
        remote = entente.simulate(flagship_path, client=cluster.client, shards=shards,
                                  progress=lambda done, total: seen.append((done, total)), **RUN)
        assert remote.to_json() == local.to_json(), f"{shards} shards"
        assert str(remote) == str(local), f"{shards} shards"
        assert remote.draws is None
        assert seen and seen[-1] == (1500, 1500)
    # Both workers took units (the run did spread).
    assert len(cluster.client.scheduler_info()["workers"]) == 2


def test_cluster_refuses_a_bad_run_on_the_client(cluster, flagship_path):
    with pytest.raises(entente.InputError):
        entente.simulate(flagship_path, client=cluster.client, draws=100,
                         thresholds={"no_such_issue": 3})


def test_a_worker_killed_mid_job_changes_nothing(tmp_path, flagship_path):
    run = dict(model="eu", draws=96, seed=4, noise=10, rounds=4)
    local = entente.simulate(flagship_path, keep_draws=False, **run)
    c = Cluster(tmp_path, workers=2)
    try:
        victim = c.workers[1]
        killed = []

        def kill_on_first_unit(done, total):
            if not killed:
                os.killpg(victim.pid, signal.SIGKILL)
                killed.append(done)

        remote = entente.simulate(flagship_path, client=c.client, shards=12,
                                  progress=kill_on_first_unit, **run)
        assert killed and killed[0] < run["draws"], "the worker must die before the job ends"
        victim.wait(timeout=10)
        assert victim.returncode is not None
        assert remote.to_json() == local.to_json()
        assert str(remote) == str(local)
    finally:
        c.stop()


SPEC = os.path.join(os.environ.get("ENTENTE_SOURCE_DIR",
                                   os.path.join(os.path.dirname(__file__), "..", "..")),
                    "examples", "sweep-us-rok.yaml")


def test_cluster_sweep_is_the_local_sweep_byte_for_byte(cluster):
    local = entente.sweep(SPEC)
    for shards in (None, 1, 2, 3, 7):
        seen = []
        remote = entente.sweep(SPEC, client=cluster.client, shards=shards,
                               progress=lambda done, total: seen.append((done, total)))
        assert remote.to_json() == local.to_json(), f"{shards} shards"
        assert remote.to_csv() == local.to_csv(), f"{shards} shards"
        assert str(remote) == str(local), f"{shards} shards"
        assert seen and seen[-1] == (10, 10)


CALIBRATE_TRAIN = [os.path.join(os.path.dirname(SPEC), "..", "tests", "data", name)
                   for name in ("backtest_small.yaml", "bdm1994_ec_emissions.yaml")]
CALIBRATE = dict(models=["compromise", "median", "eu"], grid={"eu": {"q": [0.5, 1]}},
                 features=["status_quo", "mean"], folds=2, inner_folds=2, bootstrap=200,
                 seed=9, date="2026-12-07")


def test_cluster_calibrate_is_the_local_calibrate_byte_for_byte(cluster):
    local = entente.calibrate(CALIBRATE_TRAIN, **CALIBRATE)
    assert "weights" in local
    for shards in (None, 1, 2, 3, 7):
        seen = []
        remote = entente.calibrate(CALIBRATE_TRAIN, client=cluster.client, shards=shards,
                                   progress=lambda done, total: seen.append((done, total)),
                                   **CALIBRATE)
        assert remote == local, f"{shards} shards"
        assert seen and seen[-1] == (12, 12)  # 2 files x 6 columns
