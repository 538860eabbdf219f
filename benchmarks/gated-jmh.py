#!/usr/bin/env python3
"""Gated JMH runner for the envelope benchmarks on a shared machine.

Runs each benchmark of CASES as its own JMH run, after waiting (up to GATE_MAX_WAIT s) for 3 quiet seconds; measures
the CPU used outside the benchmark's process tree while it runs, and re-runs it (up to GATE_TRIES times) if that
foreign load averaged more than GATE_THRESHOLD cores. Keeps, per benchmark, the run with the least foreign load.

Usage: python3 benchmarks/gated-jmh.py benchmarks/target/benchmarks.jar OUT.json
Environment: CASES_FILTER (regex on benchmark names), GATE_TRIES (4), GATE_THRESHOLD (0.15), GATE_MAX_WAIT (10).
Prints one JSON line per run; OUT.json holds the kept runs."""
import json, os, subprocess, sys, time

JAR = sys.argv[1]
OUT = sys.argv[2]
CASES = [("BaselineBenchmark.aes256GcmPayloadNewKeyAndNonce", None), ("BaselineBenchmark.x25519ScalarMult", None),
         ("BaselineBenchmark.bouncyCastleHpkeSealDek", None), ("BaselineBenchmark.bouncyCastleHpkeOpenDek", None),
         ("SealBenchmark.seal", "1"), ("SealBenchmark.seal", "2"), ("SealBenchmark.seal", "4"), ("SealBenchmark.seal", "8"),
         ("OpenBenchmark.open$", None), ("OpenBenchmark.openSerialized", None), ("OpenBenchmark.rewrap", None)]
THRESHOLD = float(os.environ.get("GATE_THRESHOLD", "0.15"))
MAX_TRIES = int(os.environ.get("GATE_TRIES", "4"))
TICK = os.sysconf("SC_CLK_TCK")

def busy():
    f = open("/proc/stat").readline().split()[1:]
    v = list(map(int, f))
    return v[0] + v[1] + v[2] + v[5] + v[6] + v[7]

def tree_ticks(root, seen):
    children = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            s = open(f"/proc/{pid}/stat").read()
        except OSError:
            continue
        rest = s[s.rindex(")") + 2:].split()
        children.setdefault(int(rest[1]), []).append((int(pid), int(rest[11]) + int(rest[12])))
    stack = [root]
    while stack:
        p = stack.pop()
        for c, t in children.get(p, []):
            seen[c] = t
            stack.append(c)
    try:
        s = open(f"/proc/{root}/stat").read()
        rest = s[s.rindex(")") + 2:].split()
        seen[root] = int(rest[11]) + int(rest[12])
    except OSError:
        pass

def wait_quiet(seconds=3, limit=0.10, max_wait=int(os.environ.get("GATE_MAX_WAIT", "10"))):
    start = time.time(); quiet = 0; last = busy()
    while quiet < seconds and time.time() - start < max_wait:
        time.sleep(1); now = busy()
        quiet = quiet + 1 if (now - last) / TICK < limit else 0
        last = now

import re
FILTER = re.compile(os.environ.get("CASES_FILTER", "."))
results = []
for name, param in [c for c in CASES if FILTER.search(c[0])]:
    best = None
    for attempt in range(1, MAX_TRIES + 1):
        wait_quiet()
        rff = f"/tmp/gated-jmh-{name.strip('$')}-{param}-{attempt}.json"
        cmd = ["java", "-jar", JAR, name] + (["-p", f"recipients={param}"] if param else []) + ["-rf", "json", "-rff", rff]
        b0 = busy(); t0 = time.time(); seen = {}
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None:
            tree_ticks(proc.pid, seen); time.sleep(0.5)
        elapsed = time.time() - t0
        foreign = max(0, (busy() - b0) - sum(seen.values())) / TICK / elapsed
        data = json.load(open(rff))[0]
        m = data["primaryMetric"]
        row = {"benchmark": name.strip("$"), "recipients": param, "score": m["score"], "error": m["scoreError"],
               "iterations": m["rawData"][0], "foreign_cores": round(foreign, 3), "attempt": attempt}
        print(json.dumps(row), flush=True)
        if best is None or row["foreign_cores"] < best["foreign_cores"]:
            best = row
        if foreign <= THRESHOLD:
            break
    results.append(best)
json.dump(results, open(OUT, "w"), indent=1)
