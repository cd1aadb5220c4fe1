"""Monte Carlo and sweeps spread over a dask.distributed cluster, merged exactly.

The run is cut into shards (the library's work units: draws in blocks of 16, shard K of N
taking blocks K-1, K-1+N, ...); each Dask task computes one shard's partial result through the
bindings and returns it as bytes (the file ``entente simulate --shard`` writes), and the client
merges them as ``entente merge`` does. Integer tallies make the merged result byte for byte the
one-machine result, whatever the number of shards or workers, and whichever worker ran a shard:
a worker lost mid-job has its shards recomputed by Dask and the result does not change. A
sweep is cut the same way over its units (point x model), each shard returning its rows, and
a calibration over its units (training file x model option set), each shard returning their
forecasts; the client then fits the calibration from all of them.
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, cast

from . import _core

#: Draws per work unit (the library's kDrawBlock).
DRAW_BLOCK = 16


def run_shard(job: bytes, index: int, count: int) -> bytes:
    """One unit, on a worker: shard ``index`` of ``count`` of the job, as partial-result bytes."""
    return _core.simulate_shard(job, index, count)


def default_shards(draws: int, workers: int) -> int:
    """Four shards per worker (so a slow or lost worker's share is small), never more than the
    run has blocks of draws."""
    blocks = max(1, (draws + DRAW_BLOCK - 1) // DRAW_BLOCK)
    return max(1, min(blocks, 4 * max(1, workers)))


def _run_units(client: Any, job: bytes, count: int, unit: Callable[..., bytes],
               done_of: Callable[[int], int], total: int,
               progress: Optional[Callable[[int, int], None]], retries: int) -> List[bytes]:
    """Runs unit(job, k, count) for k = 1..count on the workers; the parts in shard order."""
    # Imported only when a client is given; untyped, so typed here for mypy --strict.
    from distributed import as_completed as untyped_as_completed
    as_completed = cast(Callable[..., Any], untyped_as_completed)

    if count < 1:
        raise ValueError("shards must be at least 1")
    # The job goes to the workers once, not once per shard.
    # A fresh key per call (hash=False): a job scattered again while the last copy is being
    # released must not share its key, or its tasks are cancelled with it.
    job_future = client.scatter(job, broadcast=True, hash=False)
    futures = [client.submit(unit, job_future, k, count, pure=False, retries=retries)
               for k in range(1, count + 1)]
    parts: List[Optional[bytes]] = [None] * count
    index = {f.key: k for k, f in enumerate(futures)}
    done = 0
    try:
        for future in as_completed(futures):
            k = index[future.key]
            parts[k] = future.result()
            done += done_of(k + 1)
            if progress is not None:
                progress(done, total)
    finally:
        for f in futures:
            f.release()
        job_future.release()
    return [p for p in parts if p is not None]


def _workers(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {}))


def simulate_on(client: Any, job: bytes, draws: int, shards: Optional[int],
                progress: Optional[Callable[[int, int], None]], retries: int) -> Any:
    """Runs every shard of ``job`` on ``client``'s workers and returns the merged SimulationRun."""
    count = default_shards(draws, _workers(client)) if shards is None else int(shards)
    parts = _run_units(client, job, count, run_shard, lambda k: shard_draws(draws, k, count),
                       draws, progress, retries)
    return _core.merge_shards(parts)


def run_sweep_shard(job: bytes, index: int, count: int) -> bytes:
    """One sweep shard, on a worker (its units on one thread: the cluster's workers are the
    parallelism)."""
    return _core.sweep_shard(job, index, count, 1)


def sweep_on(client: Any, job: bytes, units: int, shards: Optional[int],
             progress: Optional[Callable[[int, int], None]], retries: int) -> Any:
    """Runs every shard of the sweep ``job`` on the workers; (json, csv, table) merged.
    ``progress(done, total)`` counts units."""
    count = max(1, min(units, 4 * max(1, _workers(client)))) if shards is None else int(shards)

    def units_of(k: int) -> int:
        return (units - (k - 1) + count - 1) // count if units > k - 1 else 0

    parts = _run_units(client, job, count, run_sweep_shard, units_of, units, progress, retries)
    return _core.merge_sweep(parts)


def run_calibrate_shard(job: bytes, index: int, count: int) -> bytes:
    """One calibrate shard, on a worker: its (training file x column) units' forecasts."""
    return _core.calibrate_shard(job, index, count)


def calibrate_on(client: Any, job: bytes, units: int, shards: Optional[int],
                 progress: Optional[Callable[[int, int], None]], retries: int,
                 path: str = "") -> str:
    """Runs every shard of the calibrate ``job`` on the workers; the calibration file's text,
    fitted on the client from the merged forecasts. ``progress(done, total)`` counts units."""
    count = max(1, min(units, 4 * max(1, _workers(client)))) if shards is None else int(shards)

    def units_of(k: int) -> int:
        return (units - (k - 1) + count - 1) // count if units > k - 1 else 0

    parts = _run_units(client, job, count, run_calibrate_shard, units_of, units, progress,
                       retries)
    return _core.merge_calibrate(parts, path)


def shard_draws(draws: int, index: int, count: int) -> int:
    """How many draws shard ``index`` of ``count`` computes (the library's ShardDraws)."""
    blocks = (draws + DRAW_BLOCK - 1) // DRAW_BLOCK
    first = index - 1
    if blocks <= first:
        return 0
    total = ((blocks - first + count - 1) // count) * DRAW_BLOCK
    if (blocks - 1) % count == first:
        total -= blocks * DRAW_BLOCK - draws
    return total
