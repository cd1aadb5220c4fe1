#!/usr/bin/env python3
"""Monte Carlo on a local Dask cluster: ktab-smp on KTAB's dummyData-a080 (80 actors), 200
draws, run locally on one thread, then on 1 and 2 single-threaded `dask worker` processes on
127.0.0.1; prints the times, the overhead per unit, the speed-up and a projection for 64 nodes
(docs/scale-out.md). Every remote result is checked byte for byte against the local one.

usage: PYTHONPATH=build/release/python /usr/bin/python3 bench/bench_dask.py [SHARED_DIR]
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import entente
import distributed

DRAWS = 200
BLOCK = 16
# threads=1 in every run, remote units included: a unit on a worker otherwise takes every core
# of its machine, and one worker would already use both cores of this one.
RUN = dict(model="ktab-smp", draws=DRAWS, seed=1, noise=10, keep_draws=False, threads=1)
REPEATS = 3


def best(run):
    """The fastest of REPEATS runs (the machine may be shared)."""
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cluster(folder, workers):
    dask = shutil.which("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)]
    for w in range(workers):
        procs.append(subprocess.Popen(
            [dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
             "--no-dashboard", "--local-directory", os.path.join(folder, f"w{w}")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
    client = distributed.Client(address, timeout=60)
    client.wait_for_workers(workers, timeout=60)
    return client, procs


def stop_cluster(client, procs):
    client.close(timeout=10)
    for p in reversed(procs):
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..",
                                                                 "..", "shared")
    path = os.path.join(shared, "validation", "ktab-smp", "dummyData-a080.csv")
    if not os.path.exists(path):
        print(f"SKIPPED: {path} is not there")
        return
    s = entente.load(path)
    units = (DRAWS + BLOCK - 1) // BLOCK
    local = entente.simulate(s, **RUN)
    t_local = best(lambda: entente.simulate(s, **RUN))
    # The same units with a model that costs next to nothing: what a unit costs on the cluster
    # beyond its draws (scatter, scheduling, the partial file both ways, the merge).
    cheap = dict(RUN, model="median")
    t_cheap_local = best(lambda: entente.simulate(s, **cheap))
    print(f"{len(s.actors)} actors, {len(s.issues)} issue(s), {DRAWS} draws, {units} units of "
          f"{BLOCK} draws; best of {REPEATS}")
    print(f"local, 1 thread:        {t_local:7.2f} s")
    times = {}
    t_cheap = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for workers in (1, 2):
            client, procs = start_cluster(folder, workers)
            try:
                entente.simulate(s, client=client, shards=workers, **dict(RUN, draws=BLOCK))  # warm
                remote = entente.simulate(s, client=client, shards=units, **RUN)
                assert remote.to_json() == local.to_json(), "the cluster's result differs"
                times[workers] = best(
                    lambda: entente.simulate(s, client=client, shards=units, **RUN))
                if workers == 1:
                    t_cheap = best(lambda: entente.simulate(s, client=client, shards=units, **cheap))
            finally:
                stop_cluster(client, procs)
            print(f"dask, {workers} worker{'s' if workers > 1 else ' '}:        "
                  f"{times[workers]:7.2f} s (same bytes as local)")
    per_unit = t_local / units
    overhead = max(0.0, (t_cheap - t_cheap_local) / units)
    print(f"compute per unit:       {per_unit * 1000:7.0f} ms (local time / units)")
    print(f"overhead per unit:      {overhead * 1000:7.1f} ms (model median, 1 worker - local)")
    print(f"speed-up 1 -> 2:        {times[1] / times[2]:7.2f}x")
    for draws in (DRAWS, 100_000):
        n = (draws + BLOCK - 1) // BLOCK
        waves = -(-n // 64)
        print(f"projected, 64 nodes x 1 worker, {draws} draws ({n} units): "
              f"{waves * (per_unit + overhead):.1f} s (one worker: {n * (per_unit + overhead):.0f} s)")


if __name__ == "__main__":
    main()
