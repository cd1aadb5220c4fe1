"""Monte Carlo spread over a dask.distributed cluster, merged exactly.

The run is cut into shards (the library's work units: draws in blocks of 16, shard K of N
taking blocks K-1, K-1+N, ...); each Dask task computes one shard's partial result through the
bindings and returns it as bytes (the file ``entente simulate --shard`` writes), and the client
merges them as ``entente merge`` does. Integer tallies make the merged result byte for byte the
one-machine result, whatever the number of shards or workers, and whichever worker ran a shard:
a worker lost mid-job has its shards recomputed by Dask and the result does not change.
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional

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


def simulate_on(client: Any, job: bytes, draws: int, shards: Optional[int],
                progress: Optional[Callable[[int, int], None]], retries: int) -> Any:
    """Runs every shard of ``job`` on ``client``'s workers and returns the merged SimulationRun."""
    from distributed import as_completed  # imported only when a client is given

    workers = len(client.scheduler_info().get("workers", {}))
    count = default_shards(draws, workers) if shards is None else int(shards)
    if count < 1:
        raise ValueError("shards must be at least 1")
    # The job goes to the workers once, not once per shard.
    job_future = client.scatter(job, broadcast=True)
    futures = [client.submit(run_shard, job_future, k, count, pure=False, retries=retries)
               for k in range(1, count + 1)]
    parts: List[Optional[bytes]] = [None] * count
    index = {f.key: k for k, f in enumerate(futures)}
    done_draws = 0
    try:
        for future in as_completed(futures):
            k = index[future.key]
            parts[k] = future.result()
            done_draws += shard_draws(draws, k + 1, count)
            if progress is not None:
                progress(done_draws, draws)
    finally:
        for f in futures:
            f.release()
        job_future.release()
    return _core.merge_shards([p for p in parts if p is not None])


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
