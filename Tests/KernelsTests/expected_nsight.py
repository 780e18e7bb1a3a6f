#!/usr/bin/env python3
"""Reference figures for KernelsTests, computed independently of ProfileMate.

Reads every Nsight file in ../shared/fixtures/real/nsight with Python's csv module and prints, per file,
per kernel name (sorted by total time, longest first, then name): instances, total GPU time in ns, and
DRAM bytes read / written (None when the file has no such metric).

  * ncu CSV (one row per launch and metric, after the ==PROF== lines): a launch is one (Process ID, ID);
    its time is gpu__time_duration.sum, else the "Duration" metric; DRAM bytes are dram__bytes_read.sum and
    dram__bytes_write.sum. Units are converted with this table (decimal SI for byte multiples):
      byte 1, Kbyte 1e3, Mbyte 1e6, Gbyte 1e9; ns/nsecond 1, us/usecond 1e3, ms/msecond 1e6, s/second 1e9
    using Python's Fraction on the printed digits, so the figures are exact.
  * nsys stats cuda_gpu_kern_sum CSV: per row, Instances and Total Time (ns), summed by Name.

Run:  python3 Tests/KernelsTests/expected_nsight.py   (from the package root; stdlib only)
"""
import csv
import os
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
NSIGHT = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "fixtures", "real", "nsight"))
SCALE = {"byte": 1, "Kbyte": 10**3, "Mbyte": 10**6, "Gbyte": 10**9,
         "ns": 1, "nsecond": 1, "us": 10**3, "usecond": 10**3, "ms": 10**6, "msecond": 10**6,
         "s": 10**9, "second": 10**9}


def exact(value, unit):
    return Fraction(value.replace(",", "")) * SCALE[unit]


def fmt(x):
    if x is None:
        return "None"
    return str(int(x)) if x.denominator == 1 else str(float(x))


def ncu(path):
    lines = [l for l in open(path, encoding="utf-8").read().splitlines() if not l.startswith("==")]
    rows = list(csv.DictReader(lines))
    launches = {}
    for r in rows:
        key = (r["Process ID"], r["ID"])
        l = launches.setdefault(key, {"name": r["Kernel Name"], "m": {}})
        if r["Metric Name"] and r["Metric Name"] not in l["m"]:
            l["m"][r["Metric Name"]] = (r["Metric Value"], r["Metric Unit"])
    per = {}
    for l in launches.values():
        m = l["m"]
        t = m.get("gpu__time_duration.sum") or m.get("Duration")
        k = per.setdefault(l["name"], {"n": 0, "t": Fraction(0), "r": [], "w": []})
        k["n"] += 1
        k["t"] += exact(*t)
        k["r"].append(exact(*m["dram__bytes_read.sum"]) if "dram__bytes_read.sum" in m else None)
        k["w"].append(exact(*m["dram__bytes_write.sum"]) if "dram__bytes_write.sum" in m else None)
    out = []
    for name, k in per.items():
        r = None if None in k["r"] else sum(k["r"], Fraction(0))
        w = None if None in k["w"] else sum(k["w"], Fraction(0))
        out.append((name, k["n"], k["t"], r, w))
    return out


def nsys(path):
    per = {}
    for r in csv.DictReader(open(path, encoding="utf-8")):
        k = per.setdefault(r["Name"], [0, Fraction(0)])
        k[0] += int(r["Instances"])
        k[1] += Fraction(r["Total Time (ns)"])
    return [(name, n, t, None, None) for name, (n, t) in per.items()]


for f in sorted(os.listdir(NSIGHT)):
    if not f.endswith(".csv"):
        continue
    kernels = (ncu if f.startswith("ncu") else nsys)(os.path.join(NSIGHT, f))
    kernels.sort(key=lambda k: (-k[2], k[0]))
    print(f"{f}: {len(kernels)} kernels, {sum(k[1] for k in kernels)} launches, "
          f"{fmt(sum((k[2] for k in kernels), Fraction(0)))} ns")
    for name, n, t, r, w in kernels:
        print(f"  {n} {fmt(t)} {fmt(r)} {fmt(w)} {name[:48]}")
