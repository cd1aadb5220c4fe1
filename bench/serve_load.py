#!/usr/bin/env python3
"""Load test of `entente serve`: N clients re-forecasting the flagship for S seconds.

Loopback only and bounded in time: each client keeps one HTTP connection to 127.0.0.1 and posts
the dashboard's re-forecast (compromise + eu) back to back until the time is up. Prints the
request count, errors, throughput and latency percentiles; exits 1 on any error.

  bench/serve_load.py build/release/apps/cli/entente --clients 50 --seconds 30
"""
import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(binary, scenarios):
    proc = subprocess.Popen([binary, "serve", scenarios, "--port", "0", "--no-db"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    match = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", proc.stdout.readline())
    if not match:
        proc.kill()
        sys.exit("the server did not start")
    return proc, int(match.group(1))


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def client(port, body, deadline, latencies, errors, lock):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    mine, bad = [], []
    while time.monotonic() < deadline:
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/api/forecast", body, {"Content-Type": "application/json"})
            res = conn.getresponse()
            content = res.read()
            if res.status != 200 or not content.startswith(b'{"title"'):
                bad.append(f"HTTP {res.status}: {content[:200]!r}")
        except (OSError, http.client.HTTPException) as e:
            bad.append(repr(e))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine.append(time.perf_counter() - t0)
    conn.close()
    with lock:
        latencies.extend(mine)
        errors.extend(bad)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", help="the entente binary")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--models", default="compromise,eu")
    ap.add_argument("--scenarios", default=os.path.join(SOURCE_DIR, "scenarios"))
    args = ap.parse_args()
    if not 1 <= args.clients <= 200 or not 0 < args.seconds <= 600:
        sys.exit("keep the load bounded: 1-200 clients, at most 600 s")

    proc, port = start(args.binary, args.scenarios)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/api/scenarios/us-rok-2021")
        scenario = json.loads(conn.getresponse().read())["scenario"]
        conn.close()
        body = json.dumps({"scenario": scenario, "models": args.models.split(","), "events": False})
        latencies, errors, lock = [], [], threading.Lock()
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(port, body, deadline, latencies, errors, lock))
                   for _ in range(args.clients)]
        start_time = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start_time
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    lat = sorted(x * 1000 for x in latencies)
    print(f"clients {args.clients}, {elapsed:.1f} s, models {args.models}, cores {os.cpu_count()}")
    print(f"requests {len(lat)}, errors {len(errors)}, throughput {len(lat) / elapsed:.1f} req/s")
    print("latency ms: p50 {:.1f}  p90 {:.1f}  p99 {:.1f}  max {:.1f}".format(
        percentile(lat, 50), percentile(lat, 90), percentile(lat, 99), lat[-1] if lat else float("nan")))
    for e in errors[:5]:
        print("error:", e)
    ok = not errors and len(lat) > 0
    print(f"load: {1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
