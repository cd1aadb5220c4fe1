#!/usr/bin/env python3
"""Calibration of the server's cost estimates (apps/server/cost.cpp, docs/api.md "Limits").

For each request: the estimate the server gives (its 422 message with --max-work 1, and with
--max-memory tiny), then the request run by a fresh server with no practical limit: the CPU
time of the server process for it (/proc/PID/stat) and its peak resident memory (VmHWM) over
what the idle server held. Loopback only; each run bounded by a timeout.

  bench/serve_cost.py build/release/apps/cli/entente
"""
import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


def grid(actors, issues, seed=1):
    rng = random.Random(seed)
    return {
        "title": f"synthetic {actors} x {issues}",
        "actors": [{"id": f"a{i}", "name": f"A{i}"} for i in range(actors)],
        "issues": [{"id": f"i{k}", "name": f"I{k}", "scale": {"min": 0, "max": 100}, "status_quo": 50,
                    "stances": [{"actor": f"a{i}", "position": round(rng.uniform(0, 100), 2),
                                 "salience": round(rng.uniform(0.1, 1), 2),
                                 "capability": round(rng.uniform(0.1, 1), 2)} for i in range(actors)]}
                   for k in range(issues)],
    }


CASES = [
    ("eu 200 x 5, 100 fixed rounds", "/api/forecast",
     {"scenario": grid(200, 5), "models": ["eu"], "events": False,
      "options": {"eu": {"stop": "fixed"}}}),
    ("eu 60 x 8, events", "/api/forecast", {"scenario": grid(60, 8), "models": ["eu"]}),
    ("exchange 40 x 8", "/api/forecast", {"scenario": grid(40, 8), "models": ["exchange"]}),
    ("ktab-smp 60 x 3", "/api/forecast", {"scenario": grid(60, 3), "models": ["ktab-smp"]}),
    ("compromise 30 x 8, 50,000 draws", "/api/simulate",
     {"scenario": grid(30, 8), "model": "compromise", "draws": 50000}),
    ("eu 20 x 4, 2,000 draws", "/api/simulate",
     {"scenario": grid(20, 4), "model": "eu", "draws": 2000}),
]


class Server:
    def __init__(self, binary, *flags):
        self.proc = subprocess.Popen([binary, "serve", "--port", "0", "--no-db", *flags],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        match = re.search(r"listening on (http://\S+)/", self.proc.stdout.readline())
        if not match:
            self.proc.kill()
            sys.exit("the server did not start")
        self.url = match.group(1)

    def post(self, path, body):
        req = urllib.request.Request(self.url + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=600) as res:
                return res.status, res.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def cpu(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kb(self, key):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)


def estimate(binary, path, body, flags, pattern):
    """The number `pattern` finds in the 422 message; None when the request is served."""
    s = Server(binary, *flags)
    try:
        status, content = s.post(path, body)
    finally:
        s.stop()
    if status != 422:
        return None
    match = re.search(pattern, json.loads(content)["errors"][0]["message"])
    return float(match.group(1)) if match else None


def whole(binary, path, body, flag, lowest, pattern):
    """The estimate of the whole request under `flag`. Simulations and advice are refused first
    on their pilot forecast: the limit is raised past each estimate until the whole request's
    is given (or it is served, when the whole is within 10% of the pilot)."""
    other = ["--max-memory", "1e9"] if flag == "--max-work" else ["--max-work", "1e18"]
    found, limit = None, lowest
    for _ in range(3):
        more = estimate(binary, path, body, [*other, flag, f"{limit:.6g}"], pattern)
        if more is None:
            break
        found, limit = more, max(more * 1.1, lowest)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    args = parser.parse_args()
    print("| request | estimated work (units) | CPU time (s) | estimated memory (MB) | peak memory over idle (MB) |")
    print("|---|---|---|---|---|")
    for name, path, body in CASES:
        work = whole(args.binary, path, body, "--max-work", 1.0, r"estimated ([0-9.e+]+) work units")
        memory = whole(args.binary, path, body, "--max-memory", 1e-6, r"estimated ([0-9.e+]+) MB")
        s = Server(args.binary, "--max-work", "1e18", "--max-memory", "1e9", "--threads", "1")
        try:
            time.sleep(0.2)
            idle = s.kb("VmRSS")
            before = s.cpu()
            status, _ = s.post(path, body)
            cpu = s.cpu() - before
            peak = s.kb("VmHWM") - idle
        finally:
            s.stop()
        if status != 200:
            sys.exit(f"{name}: status {status}")
        print(f"| {name} | {work:.2g} | {cpu:.2f} | {memory:.0f} | {peak / 1024:.0f} |", flush=True)


if __name__ == "__main__":
    main()
