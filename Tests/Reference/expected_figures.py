#!/usr/bin/env python3
"""Reference figures for ProfileMate's log-parser tests.

These figures are computed INDEPENDENTLY of ProfileMate (no shared code, no
Swift), with plain Python regular expressions over the raw fixture logs, so
that ProfileMate's tests can assert against them.  Standard library only;
numpy is used, if importable, solely to cross-check the percentiles (the
built-in implementation reproduces numpy.percentile's default "linear"
method and the script asserts both agree).

Inputs (read-only):
  /work/shared/fixtures/real/logs/*.log
  /work/shared/fixtures/vllm-cpu/run{1,2,3}*/server.log
Format reference: /work/shared/spec/vllm-observability.md sections 0.1, 1, 2,
3, 4.1, 7, 8.

Output: printed to stdout and written to expected_figures.txt beside this
script.  Run:  python3 Tests/Reference/expected_figures.py

Normalisation applied to every physical line before matching:
  * split on b"\\n"; decode UTF-8 (errors="replace");
  * strip ANSI CSI sequences  \\x1b\\[[0-9;]*[A-Za-z];
  * strip trailing "\\r" (several, if any);  interior "\\r" (tqdm progress
    redraws) are left in place - no figure below depends on them;
  * envelope: any number of leading "(<name> pid=<n>[, ip=<addr>]) " process
    prefixes (the FIRST one names the process; Ray adds a second, nested one),
    then "<LEVEL> <mm-dd> <HH:MM:SS> " and either "[file:line] " (V1 >=0.8)
    or "file:line] " (V0 0.6.x).
  * The qwen2 file that was hard-wrapped by a terminal is first re-joined:
    a physical line that does not start with "(" or with a level word
    (DEBUG|INFO|WARNING|ERROR|CRITICAL) is appended, without separator, to the
    previous logical line.  That rule is applied ONLY to that file (other
    files legitimately contain raw, unprefixed lines such as tqdm bars).
"""

import glob
import math
import os
import re
import sys
from collections import Counter, OrderedDict, defaultdict

try:
    import numpy as _np
except Exception:  # pragma: no cover
    _np = None

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "fixtures"))
FILES = sorted(glob.glob(os.path.join(FIXTURES, "real/logs/*.log"))) + sorted(
    glob.glob(os.path.join(FIXTURES, "vllm-cpu/run[123]*/server.log"))
)
WRAPPED_MARK = "terminal-wrapped"  # the qwen2 file

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
PREFIX = re.compile(r"^\((?P<name>[^()\s]+) pid=(?P<pid>\d+)(?:, ip=[^)]*)?\) ?")
LEVEL_ENV = re.compile(
    r"^(?P<lvl>DEBUG|INFO|WARNING|ERROR|CRITICAL) (?P<md>\d\d-\d\d) (?P<t>\d\d:\d\d:\d\d) "
    r"(?:\[(?P<f1>[^\]\s]+):(?P<l1>\d+)\]|(?P<f2>[^\]\s]+):(?P<l2>\d+)\]) ?(?P<msg>.*)$"
)
WRAP_START = re.compile(r"^(?:\(|(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\b)")

RE_ITER = re.compile(
    r"(?:Engine (?P<eng>\d+): )?Iteration\((?P<i>\d+)\): (?P<a>\d+) context requests, "
    r"(?P<b>\d+) context tokens, (?P<c>\d+) generation requests, (?P<d>\d+) generation tokens, "
    r"iteration elapsed time: (?P<ms>[0-9.]+) ms(?P<dummy> \(dummy\))?"
    r"(?:, (?P<dev>[A-Za-z0-9_+ ]+?) KV cache usage: (?P<kv>[0-9.]+)%)?"
)
RE_STATS_V1 = re.compile(
    r"(?:Engine (?P<eng>\d+): )?Avg prompt throughput: (?P<p>[0-9.]+) tokens/s, "
    r"Avg generation throughput: (?P<g>[0-9.]+) tokens/s, Running: (?P<r>\d+) reqs, "
    r"Waiting: (?P<w>\d+) reqs"
)
RE_STATS_V0 = re.compile(
    r"Avg prompt throughput: (?P<p>[0-9.]+) tokens/s, Avg generation throughput: (?P<g>[0-9.]+) tokens/s, "
    r"Running: (?P<r>\d+) reqs, Swapped: (?P<s>\d+) reqs, Pending: (?P<w>\d+) reqs, "
    r"GPU KV cache usage: (?P<kv>[0-9.]+)%, CPU KV cache usage: (?P<ckv>[0-9.]+)%\."
)
RE_KV_USAGE = re.compile(r"(?P<dev>[A-Za-z0-9_+ ]+?) KV cache usage: (?P<kv>[0-9.]+)%")
RE_PREEMPTIONS = re.compile(r"Preemptions: (\d+)")
RE_PREFIX_HIT = re.compile(r"(?<!External )Prefix cache hit rate: (?P<v>[0-9.]+)%")
RE_V0_PREFIX_HIT = re.compile(r"Prefix cache hit rate: GPU: (?P<g>[0-9.]+)%, CPU: (?P<c>[0-9.]+)%")
RE_PREEMPT_WARN = re.compile(r"is preempted by PreemptionMode\.(?P<mode>\w+)")
RE_CUM_PREEMPT = re.compile(r"total_num_cumulative_preemption=(\d+)")
RE_CG_ROW = re.compile(
    r"^\|\s*(?P<u>\d+)\s*\|\s*(?P<p>\d+)\s*\|\s*(?P<n>\d+)\s*\|\s*(?P<mode>[A-Z_]+)\s*\|\s*(?P<c>\d+)\s*\|\s*$"
)
RE_CG_MODE = re.compile(r"^- Mode: (\S+)\s*$")
RE_CG_SIZES = re.compile(r"^- Capture sizes: (\[.*\])\s*$")
RE_MFU = re.compile(r"MFU: (?P<tf>[0-9.]+) TF/s/(?P<u1>GPU|device) (?P<gb>[0-9.]+) GB/s/(?P<u2>GPU|device)")
RE_KV_SIZE = re.compile(r"(?P<dev>GPU|CPU|XPU|TPU|HPU|GPU \+ host) KV cache size: (?P<n>[0-9,]+) tokens")
RE_MAXCONC = re.compile(r"Maximum concurrency for (?P<l>[0-9,]+) tokens per request: (?P<c>[0-9.]+)x")
RE_GPU_BLOCKS = re.compile(r"# GPU blocks: (\d+)")
RE_CPU_BLOCKS = re.compile(r"# CPU blocks: (\d+)")
RE_AVAIL_KV = re.compile(r"Available KV cache memory: (?P<v>[0-9.]+) GiB")
RE_NUM_GPU_BLOCKS_INFO = re.compile(r"num_gpu_blocks is: (\d+)")
RE_CONFIG = re.compile(r"Initializing (?:a V1 LLM engine|a V0 LLM engine|an LLM engine) \(v(?P<ver>[^)]+)\) with config: (?P<cfg>.*)$")
RE_CHUNKED = re.compile(r"Chunked prefill is enabled with max_num_batched_tokens=(\d+)\.")
RE_UVICORN = re.compile(
    r"INFO:\s+(?P<ip>[0-9A-Fa-f.:\[\]]+):(?P<port>\d+) - \"(?P<meth>[A-Z]+) (?P<path>\S+) HTTP/1\.1\" (?P<code>\d{3})"
)
RE_RAY_REPEAT = re.compile(r" \[repeated (\d+)x across cluster\]")


# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------

def percentile_linear(values, q):
    """numpy.percentile(values, q) with the default method='linear'."""
    xs = sorted(values)
    n = len(xs)
    if n == 0:
        return float("nan")
    h = (n - 1) * q / 100.0
    lo = math.floor(h)
    hi = min(lo + 1, n - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


def pct(values, q):
    v = percentile_linear(values, q)
    if _np is not None and values:
        w = float(_np.percentile(_np.array(values, dtype=float), q))
        assert abs(v - w) <= 1e-9 * max(1.0, abs(w)), (q, v, w)
    return v


def f(x, nd=4):
    """Stable float formatting: up to nd decimals, trailing zeros stripped."""
    if x is None:
        return "n/a"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return str(x)
    s = ("%." + str(nd) + "f") % x
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s == "-0":
        s = "0"
    return s


def normalise(raw_line):
    s = ANSI.sub("", raw_line)
    while s.endswith("\r"):
        s = s[:-1]
    return s


def envelope(line):
    """Return (process_name or None, level or None, 'mm-dd HH:MM:SS' or None, message)."""
    rest = line
    first_proc = None
    while True:
        m = PREFIX.match(rest)
        if not m:
            break
        if first_proc is None:
            first_proc = m.group("name")
        rest = rest[m.end():]
    m = LEVEL_ENV.match(rest)
    if m:
        return first_proc, m.group("lvl"), m.group("md") + " " + m.group("t"), m.group("msg")
    return first_proc, None, None, rest


def engine_from_proc(proc):
    if proc is None:
        return None
    m = re.match(r"^EngineCore_DP(\d+)$", proc) or re.match(r"^EngineCore_(\d+)$", proc)
    if m:
        return int(m.group(1))
    return None


# ----------------------------------------------------------------------------
# per-file analysis
# ----------------------------------------------------------------------------

def analyse(path, out):
    raw = open(path, "rb").read()
    nl = raw.count(b"\n")
    physical = nl + (1 if raw and not raw.endswith(b"\n") else 0)
    text = raw.decode("utf-8", errors="replace")
    phys_lines = text.split("\n")
    if text.endswith("\n"):
        phys_lines = phys_lines[:-1]
    norm = [normalise(l) for l in phys_lines]

    wrapped = WRAPPED_MARK in os.path.basename(path)
    if wrapped:
        logical = []
        joins = 0
        for l in norm:
            if logical and not WRAP_START.match(l):
                logical[-1] += l
                joins += 1
            else:
                logical.append(l)
        lines = logical
    else:
        lines = norm
        joins = 0

    P = out.append
    rel = os.path.relpath(path, FIXTURES)
    P("=" * 100)
    P("FILE %s" % rel)
    P("=" * 100)
    P("[file]")
    P("  physical_lines = %d" % physical)
    P("  bytes = %d" % len(raw))
    P("  ends_with_newline = %s" % raw.endswith(b"\n"))
    P("  lines_with_ansi = %d" % sum(1 for l in phys_lines if "\x1b[" in l))
    P("  lines_with_trailing_cr = %d" % sum(1 for l in phys_lines if l.endswith("\r")))
    P("  lines_with_interior_cr = %d" % sum(1 for l in norm if "\r" in l))
    if wrapped:
        P("  NOTE: hard-wrapped file; %d continuation pieces joined -> %d logical lines; all figures below use logical lines"
          % (joins, len(lines)))

    # ---------------- pass over lines ----------------
    iters = []  # dicts
    stats_v1 = []
    stats_v0 = []
    v0_prefix_hits = []
    preempt_warn = 0
    preempt_modes = Counter()
    cum_preempt_max = None
    cg_tables = 0
    cg_rows = []
    cg_modes = Counter()
    cg_sizes = Counter()
    mfu = []
    kv_size = []
    maxconc = []
    gpu_blocks = []
    cpu_blocks = []
    avail_kv = []
    num_gpu_blocks_info = []
    ray_repeat_kv_avail = 0
    ray_repeat_lines_kv_avail = 0
    configs = []
    chunked = []
    level_counts = Counter()
    traceback = 0
    received = 0
    added = 0
    uvicorn = []
    ts_seq = []
    prev_ts = None
    ts_regress = 0
    ts_regress_examples = []
    dup_consecutive = 0
    for idx, line in enumerate(lines):
        proc, lvl, ts, msg = envelope(line)
        if lvl:
            level_counts[lvl] += 1
        if ts:
            if prev_ts is not None and ts < prev_ts:
                ts_regress += 1
                if len(ts_regress_examples) < 3:
                    ts_regress_examples.append("line %d: %s after %s" % (idx + 1, ts, prev_ts))
            prev_ts = ts if prev_ts is None or ts > prev_ts else prev_ts
        if idx and line == lines[idx - 1] and line.strip():
            dup_consecutive += 1

        if "Traceback (most recent call last)" in line:
            traceback += 1
        if "Received request" in line:
            received += 1
        if "Added request" in line:
            added += 1
        m = RE_UVICORN.search(line)
        if m:
            uvicorn.append(int(m.group("code")))

        m = RE_ITER.search(line)
        if m:
            eng = m.group("eng")
            if eng is not None:
                e = int(eng)
                src = "Engine prefix"
            else:
                e = engine_from_proc(proc)
                src = "process name" if e is not None else "default"
                if e is None:
                    e = 0
            iters.append(dict(
                eng=e, src=src, i=int(m.group("i")), a=int(m.group("a")), b=int(m.group("b")),
                c=int(m.group("c")), d=int(m.group("d")), ms=float(m.group("ms")),
                dummy=bool(m.group("dummy")), kv=(float(m.group("kv")) if m.group("kv") else None),
                dev=m.group("dev"), lvl=lvl,
            ))
            continue

        m = RE_STATS_V0.search(line)
        if m:
            stats_v0.append(dict(p=float(m.group("p")), g=float(m.group("g")), r=int(m.group("r")),
                                 s=int(m.group("s")), w=int(m.group("w")), kv=float(m.group("kv")),
                                 ckv=float(m.group("ckv")), lvl=lvl))
            continue
        m = RE_STATS_V1.search(line)
        if m:
            tail = line[m.end():]
            kvm = RE_KV_USAGE.search(tail)
            pre = RE_PREEMPTIONS.search(tail)
            ph = RE_PREFIX_HIT.search(tail)
            stats_v1.append(dict(
                eng=(int(m.group("eng")) if m.group("eng") is not None else 0),
                p=float(m.group("p")), g=float(m.group("g")), r=int(m.group("r")), w=int(m.group("w")),
                kv=(float(kvm.group("kv")) if kvm else None), dev=(kvm.group("dev").strip() if kvm else None),
                pre=(int(pre.group(1)) if pre else 0), ph=(float(ph.group("v")) if ph else None), lvl=lvl,
            ))
            continue
        m = RE_V0_PREFIX_HIT.search(line)
        if m:
            v0_prefix_hits.append((float(m.group("g")), float(m.group("c"))))

        m = RE_PREEMPT_WARN.search(line)
        if m:
            preempt_warn += 1
            preempt_modes[m.group("mode")] += 1
            cm = RE_CUM_PREEMPT.search(line)
            if cm:
                v = int(cm.group(1))
                cum_preempt_max = v if cum_preempt_max is None else max(cum_preempt_max, v)

        if "**CUDAGraph Stats:**" in msg:
            cg_tables += 1
        m = RE_CG_ROW.match(msg)
        if m:
            cg_rows.append((int(m.group("u")), int(m.group("p")), int(m.group("n")), m.group("mode"), int(m.group("c"))))
        m = RE_CG_MODE.match(msg)
        if m:
            cg_modes[m.group(1)] += 1
        m = RE_CG_SIZES.match(msg)
        if m:
            cg_sizes[m.group(1)] += 1

        m = RE_MFU.search(line)
        if m:
            mfu.append((float(m.group("tf")), float(m.group("gb")), m.group("u1")))

        m = RE_KV_SIZE.search(line)
        if m:
            kv_size.append((m.group("dev"), int(m.group("n").replace(",", ""))))
        m = RE_MAXCONC.search(line)
        if m:
            maxconc.append((int(m.group("l").replace(",", "")), m.group("c")))
        m = RE_GPU_BLOCKS.search(line)
        if m:
            gpu_blocks.append(int(m.group(1)))
        m = RE_CPU_BLOCKS.search(line)
        if m:
            cpu_blocks.append(int(m.group(1)))
        m = RE_AVAIL_KV.search(line)
        if m:
            avail_kv.append(m.group("v"))
            rr = RE_RAY_REPEAT.search(line)
            if rr:
                ray_repeat_kv_avail += int(rr.group(1))
                ray_repeat_lines_kv_avail += 1
        m = RE_NUM_GPU_BLOCKS_INFO.search(line)
        if m:
            num_gpu_blocks_info.append(int(m.group(1)))
        m = RE_CONFIG.search(line)
        if m:
            configs.append((m.group("ver"), m.group("cfg")))
        m = RE_CHUNKED.search(line)
        if m:
            chunked.append(int(m.group(1)))

    # ---------------- iteration lines ----------------
    P("[iterations]")
    P("  step_lines = %d" % len(iters))
    if iters:
        engines = sorted(set(it["eng"] for it in iters))
        srcs = Counter(it["src"] for it in iters)
        P("  engine_attribution = %s" % ", ".join("%s:%d" % kv for kv in sorted(srcs.items())))
        P("  log_levels = %s" % ", ".join("%s:%d" % kv for kv in sorted(Counter(it["lvl"] for it in iters).items())))
        groups = [("engine %d" % e, [it for it in iters if it["eng"] == e]) for e in engines]
        if len(engines) > 1:
            groups.append(("ALL engines", iters))
        else:
            P("  (single engine: per-engine figures == overall figures)")
        for name, its in groups:
            P("  --- %s ---" % name)
            emit_iteration_block(P, its)
    # ---------------- stats lines ----------------
    P("[stats]")
    P("  v1_samples = %d" % len(stats_v1))
    P("  v0_samples = %d" % len(stats_v0))
    if stats_v1:
        P("  v1_log_levels = %s" % ", ".join("%s:%d" % kv for kv in sorted(Counter(s["lvl"] for s in stats_v1).items())))
        engines = sorted(set(s["eng"] for s in stats_v1))
        for e in engines:
            ss = [s for s in stats_v1 if s["eng"] == e]
            P("  --- V1 engine %d ---" % e)
            emit_stats_block(P, ss, v1=True)
    if stats_v0:
        P("  --- V0 (no engine prefix) ---")
        emit_stats_block(P, stats_v0, v1=False)
    if v0_prefix_hits:
        P("  v0_prefix_cache_lines = %d, last GPU=%s%% CPU=%s%%" % (len(v0_prefix_hits), f(v0_prefix_hits[-1][0]), f(v0_prefix_hits[-1][1])))

    # ---------------- preemption warnings ----------------
    P("[v0_preemption_warnings]")
    P("  warning_lines = %d" % preempt_warn)
    if preempt_warn:
        P("  modes = %s" % ", ".join("%s:%d" % kv for kv in sorted(preempt_modes.items())))
    P("  max_total_num_cumulative_preemption = %s" % (cum_preempt_max if cum_preempt_max is not None else "n/a"))

    # ---------------- cuda graph tables ----------------
    P("[cudagraph]")
    P("  tables = %d" % cg_tables)
    P("  rows = %d" % len(cg_rows))
    if cg_rows or cg_tables:
        tot = sum(r[4] for r in cg_rows)
        P("  total_steps (sum Count) = %d" % tot)
        P("  sum_unpadded_x_count = %d" % sum(r[0] * r[4] for r in cg_rows))
        P("  sum_padded_x_count = %d" % sum(r[1] * r[4] for r in cg_rows))
        P("  sum_paddings_x_count = %d" % sum(r[2] * r[4] for r in cg_rows))
        bym = Counter()
        for r in cg_rows:
            bym[r[3]] += r[4]
        P("  steps_per_runtime_mode = %s" % ", ".join("%s:%d" % kv for kv in sorted(bym.items())))
        P("  config_mode_values = %s" % ", ".join("%s (x%d)" % kv for kv in sorted(cg_modes.items())))
        P("  capture_sizes_values = %s" % ", ".join("%s (x%d)" % kv for kv in sorted(cg_sizes.items())))

    # ---------------- MFU ----------------
    P("[mfu]")
    P("  lines = %d" % len(mfu))
    if mfu:
        P("  unit = %s" % ", ".join(sorted(set(u for _, _, u in mfu))))
        P("  mean_TF_per_s = %s" % f(sum(x for x, _, _ in mfu) / len(mfu), 6))
        P("  mean_GB_per_s = %s" % f(sum(y for _, y, _ in mfu) / len(mfu), 6))
        P("  max_TF_per_s = %s  max_GB_per_s = %s" % (f(max(x for x, _, _ in mfu)), f(max(y for _, y, _ in mfu))))

    # ---------------- KV / capacity ----------------
    P("[kv_capacity]")
    if kv_size:
        P("  kv_cache_size: first = %s %d tokens ; occurrences = %d ; distinct = %s"
          % (kv_size[0][0], kv_size[0][1], len(kv_size), sorted(set(kv_size))))
    else:
        P("  kv_cache_size: none")
    if maxconc:
        P("  max_concurrency: first = %d tokens/request -> %sx ; occurrences = %d ; distinct = %s"
          % (maxconc[0][0], maxconc[0][1], len(maxconc), sorted(set(maxconc))))
    else:
        P("  max_concurrency: none")
    if gpu_blocks:
        P("  gpu_blocks: first = %d ; occurrences = %d" % (gpu_blocks[0], len(gpu_blocks)))
    else:
        P("  gpu_blocks: none")
    if cpu_blocks:
        P("  cpu_blocks: first = %d ; occurrences = %d" % (cpu_blocks[0], len(cpu_blocks)))
    if avail_kv:
        extra = ""
        if ray_repeat_kv_avail:
            # Ray dedup: "msg [repeated Nx across cluster]" stands for N prints
            # (itself included); a line without the suffix stands for 1.
            n_plain = len(avail_kv) - ray_repeat_lines_kv_avail
            extra = (" (%d line(s) carry Ray '[repeated Nx across cluster]' with N summing to %d"
                     " => %d worker prints represented)" % (
                         ray_repeat_lines_kv_avail, ray_repeat_kv_avail, n_plain + ray_repeat_kv_avail))
        P("  available_kv_cache_memory: first = %s GiB ; occurrences = %d%s" % (avail_kv[0], len(avail_kv), extra))
    else:
        P("  available_kv_cache_memory: none")
    if num_gpu_blocks_info:
        P("  cache_config_info num_gpu_blocks: first = %d ; occurrences = %d" % (num_gpu_blocks_info[0], len(num_gpu_blocks_info)))

    # ---------------- startup ----------------
    P("[startup]")
    P("  config_lines = %d" % len(configs))
    if configs:
        ver, cfg = configs[0]
        def grab(key):
            m = re.search(r"(?:^|, |\s)" + re.escape(key) + r"=([^,]*)", cfg)
            return m.group(1).strip() if m else "n/a"
        P("  version = %s" % ver)
        for k in ("max_seq_len", "tensor_parallel_size", "dtype", "quantization", "kv_cache_dtype", "enforce_eager"):
            P("  %s = %s" % (k, grab(k)))
        if wrapped:
            P("  NOTE: config line reassembled from wrapped physical lines (joined without separator)")
    P("  chunked_prefill_max_num_batched_tokens = %s%s" % (
        chunked[0] if chunked else "n/a", (" (occurrences %d)" % len(chunked)) if len(chunked) > 1 else ""))

    # ---------------- counts ----------------
    P("[counts]")
    P("  enveloped_lines_by_level = %s" % ", ".join("%s:%d" % (k, level_counts[k]) for k in LEVELS if level_counts[k]))
    P("  ERROR_level_lines = %d" % level_counts["ERROR"])
    P("  traceback_lines = %d" % traceback)
    P("  received_request_lines = %d" % received)
    P("  added_request_lines = %d" % added)
    P("  uvicorn_access_lines = %d" % len(uvicorn))
    P("  uvicorn_status_ge_400 = %d" % sum(1 for c in uvicorn if c >= 400))
    if uvicorn:
        P("  uvicorn_status_codes = %s" % ", ".join("%d:%d" % kv for kv in sorted(Counter(uvicorn).items())))

    # ---------------- oddities ----------------
    P("[oddities]")
    P("  envelope_timestamp_regressions (ts earlier than max seen so far) = %d%s" % (
        ts_regress, (" e.g. " + "; ".join(ts_regress_examples)) if ts_regress_examples else ""))
    P("  consecutive_duplicate_nonblank_lines = %d" % dup_consecutive)
    if iters:
        by_e = defaultdict(list)
        for it in iters:
            by_e[it["eng"]].append(it["i"])
        for e, idxs in sorted(by_e.items()):
            nonconsec = sum(1 for x, y in zip(idxs, idxs[1:]) if y != x + 1)
            P("  engine %d iteration index: first=%d last=%d count=%d non_consecutive_transitions=%d duplicates=%d"
              % (e, idxs[0], idxs[-1], len(idxs), nonconsec, len(idxs) - len(set(idxs))))
    P("")


def emit_iteration_block(P, its):
    n = len(its)
    ctx = sum(it["b"] for it in its)
    gen = sum(it["d"] for it in its)
    total_ms = sum(it["ms"] for it in its)
    P("    steps = %d" % n)
    P("    total_context_tokens = %d" % ctx)
    P("    total_generation_tokens = %d" % gen)
    P("    total_step_time_ms = %s" % f(total_ms, 4))
    P("    tokens_per_s (all tokens / total step seconds) = %s" % f((ctx + gen) / (total_ms / 1000.0), 4) if total_ms else "    tokens_per_s = n/a")

    def kind(it):
        a, c = it["a"], it["c"]
        if a > 0 and c == 0:
            return "prefill"
        if c > 0 and a == 0:
            return "decode"
        if a > 0 and c > 0:
            return "mixed"
        return "idle"

    kinds = OrderedDict((k, []) for k in ("prefill", "decode", "mixed", "idle"))
    for it in its:
        kinds[kind(it)].append(it)
    P("    kind counts: %s" % ", ".join("%s=%d" % (k, len(v)) for k, v in kinds.items()))
    for k, v in kinds.items():
        if not v:
            P("    [%s] count=0" % k)
            continue
        ms = [it["ms"] for it in v]
        tok = sum(it["b"] + it["d"] for it in v)
        tms = sum(ms)
        P("    [%s] count=%d tokens=%d total_ms=%s mean_ms=%s p50_ms=%s p90_ms=%s p99_ms=%s max_ms=%s share_of_time_pct=%s"
          % (k, len(v), tok, f(tms, 4), f(tms / len(v), 6), f(pct(ms, 50), 6), f(pct(ms, 90), 6), f(pct(ms, 99), 6),
             f(max(ms), 4), f(100.0 * tms / total_ms, 6) if total_ms else "n/a"))
    dec = [it["c"] for it in kinds["decode"]]
    if dec:
        P("    decode batch size (c): mean=%s p50=%s p90=%s max=%d"
          % (f(sum(dec) / len(dec), 6), f(pct(dec, 50), 6), f(pct(dec, 90), 6), max(dec)))
    P("    dummy_steps = %d" % sum(1 for it in its if it["dummy"]))
    kvs = [it["kv"] for it in its if it["kv"] is not None]
    P("    steps_with_kv_usage = %d%s" % (len(kvs), (" ; max_kv_usage_pct = %s ; device = %s" % (
        f(max(kvs)), ",".join(sorted(set(it["dev"] for it in its if it["dev"]))))) if kvs else ""))


def emit_stats_block(P, ss, v1):
    n = len(ss)
    ps = [s["p"] for s in ss]
    gs = [s["g"] for s in ss]
    P("    samples = %d" % n)
    P("    prompt_tput tok/s: mean=%s max=%s" % (f(sum(ps) / n, 6), f(max(ps))))
    P("    gen_tput tok/s: mean=%s max=%s" % (f(sum(gs) / n, 6), f(max(gs))))
    P("    max_running = %d" % max(s["r"] for s in ss))
    P("    max_%s = %d" % ("waiting" if v1 else "pending", max(s["w"] for s in ss)))
    P("    share_samples_%s_gt0_pct = %s" % ("waiting" if v1 else "pending", f(100.0 * sum(1 for s in ss if s["w"] > 0) / n, 6)))
    kvs = [s["kv"] for s in ss if s["kv"] is not None]
    if kvs:
        P("    kv_usage_pct: mean=%s max=%s (samples with kv=%d)" % (f(sum(kvs) / len(kvs), 6), f(max(kvs)), len(kvs)))
    if v1:
        devs = sorted(set(s["dev"] for s in ss if s["dev"]))
        P("    kv_device = %s" % (",".join(devs) if devs else "n/a"))
        P("    preemptions_sum = %d (lines with Preemptions part: %d)" % (sum(s["pre"] for s in ss), sum(1 for s in ss if s["pre"])))
        phs = [s["ph"] for s in ss if s["ph"] is not None]
        P("    last_prefix_cache_hit_rate_pct = %s" % (f(phs[-1]) if phs else "n/a"))
    else:
        P("    max_swapped = %d" % max(s["s"] for s in ss))
        P("    cpu_kv_usage_pct max = %s" % f(max(s["ckv"] for s in ss)))
        P("    preemptions_sum = 0 (V0 stats lines have no Preemptions part)")
        P("    last_prefix_cache_hit_rate_pct = n/a (no V0 'Prefix cache hit rate' line)")


def main():
    out = []
    out.append("ProfileMate reference figures - computed independently of ProfileMate with Python regexes")
    out.append("generator: Tests/Reference/expected_figures.py ; numpy cross-check: %s" % (
        ("numpy " + _np.__version__) if _np is not None else "unavailable (pure-Python linear percentiles)"))
    out.append("percentiles: numpy.percentile default (linear interpolation); floats printed with trailing zeros stripped")
    out.append("")
    for p in FILES:
        analyse(p, out)
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    with open(os.path.join(HERE, "expected_figures.txt"), "w") as fh:
        fh.write(text)


if __name__ == "__main__":
    main()
