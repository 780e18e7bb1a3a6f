import Kernels
import ProfileMateCore

/// `profilemate kernels --json` (docs/kernels.md, "JSON"): one object per input file with its kernels,
/// class shares, unclassified names, GPU idle time and findings.
public enum KernelsJSON {
  /// The schema version of this output.
  public static let schemaVersion = 1

  /// The JSON document for `files` (path and report, in argument order).
  public static func render(
    _ files: [(path: String, report: KernelReport)], gpu: GPUSpec?, toolVersion: String
  )
    -> String
  {
    var w = JSONWriter()
    w.beginReport(schemaVersion: schemaVersion, toolVersion: toolVersion)
    w.string("kind", "kernels")
    if let gpu {
      w.beginObject("gpu")
      w.string("name", gpu.name)
      w.double("memory_bandwidth_bytes_per_s", gpu.memoryBandwidth)
      w.endObject()
    } else {
      w.string("gpu", nil)
    }
    w.beginArray("files")
    for (path, r) in files { file(&w, path, r) }
    w.endArray()
    w.endObject()
    return w.text + "\n"
  }

  static func file(_ w: inout JSONWriter, _ path: String, _ r: KernelReport) {
    w.beginObject()
    w.string("path", path)
    w.string("source", r.kind.rawValue)
    w.string("source_description", r.kind.description)
    w.string("tool", r.kind.tool)
    w.string("compute_capability", r.computeCapability)
    w.double("total_ns", r.totalNS)
    w.int("instances", r.instances)
    w.beginArray("kernels")
    for k in r.kernels {
      w.beginObject()
      w.string("name", k.name)
      w.string("class", k.kernelClass.rawValue)
      w.int("instances", k.instances)
      w.double("total_ns", k.totalNS)
      w.rounded("mean_ns", k.meanNS, 1)
      w.double("min_ns", k.minNS)
      w.double("max_ns", k.maxNS)
      w.rounded("time_share", k.timeShare, 6)
      w.double("dram_read_bytes", k.dramReadBytes)
      w.double("dram_write_bytes", k.dramWriteBytes)
      w.double("dram_bytes", k.dramBytes)
      w.rounded("achieved_gbps", k.achievedGBps, 3)
      w.rounded("peak_bandwidth_share", k.peakShare(of: r.gpu), 4)
      w.rounded("reported_dram_peak_pct", k.reportedDramPeakPct, 2)
      w.rounded("sm_pct", k.smPct, 2)
      w.rounded("load_efficiency_pct", k.loadEfficiencyPct, 2)
      w.rounded("store_efficiency_pct", k.storeEfficiencyPct, 2)
      w.bool("tensor_counters_all_zero", k.tensorCountersAllZero)
      w.beginArray("rules")
      for rule in k.rules {
        w.beginObject()
        w.string("name", rule.name)
        w.string("type", rule.type)
        w.string("text", rule.text)
        w.double("estimated_speedup_pct", rule.estimatedSpeedupPct)
        w.endObject()
      }
      w.endArray()
      w.ints("lines", k.lines)
      w.endObject()
    }
    w.endArray()
    w.beginArray("classes")
    for c in r.classes {
      w.beginObject()
      w.string("class", c.kernelClass.rawValue)
      w.string("label", c.kernelClass.label)
      w.int("kernels", c.kernels)
      w.int("instances", c.instances)
      w.double("total_ns", c.totalNS)
      w.rounded("time_share", c.timeShare, 6)
      w.double("dram_bytes", c.dramBytes)
      w.endObject()
    }
    w.endArray()
    w.beginArray("unclassified")
    for name in r.unclassified { w.string(nil, name) }
    w.endArray()
    if let idle = r.idle {
      w.beginObject("gpu_idle")
      w.double("span_ns", idle.spanNS)
      w.double("busy_ns", idle.busyNS)
      w.double("idle_ns", idle.idleNS)
      w.rounded("idle_share", idle.idleShare, 6)
      w.int("gaps", idle.gaps)
      w.double("longest_gap_ns", idle.longestGapNS)
      w.endObject()
    } else {
      w.string("gpu_idle", nil)
    }
    if let n = r.nsys {
      w.beginObject("nsys")
      w.beginArray("ranges")
      for g in n.ranges {
        w.beginObject()
        w.string("name", g.name)
        w.string("style", g.style)
        w.int("instances", g.instances)
        w.double("total_ns", g.totalNS)
        w.double("min_ns", g.minNS)
        w.double("max_ns", g.maxNS)
        w.endObject()
      }
      w.endArray()
      w.beginArray("api_calls")
      for c in n.apiCalls {
        w.beginObject()
        w.string("name", c.name)
        w.int("calls", c.calls)
        w.double("total_ns", c.totalNS)
        w.endObject()
      }
      w.endArray()
      w.int("graph_launches", n.graphLaunches)
      w.int("kernel_launches", n.kernelLaunches)
      w.endObject()
    } else {
      w.string("nsys", nil)
    }
    if let t = r.trace { trace(&w, t) } else { w.string("trace", nil) }
    w.beginArray("findings")
    for f in r.findings { w.finding(f) }
    w.endArray()
    w.endObject()
  }

  static func op(_ w: inout JSONWriter, _ o: TraceOpSummary) {
    w.beginObject()
    w.string("name", o.name)
    w.int("calls", o.calls)
    w.int("self_ns", Int(o.selfNS))
    w.int("top_level_calls", o.topLevelCalls)
    w.int("top_level_ns", Int(o.topLevelNS))
    w.endObject()
  }

  static func trace(_ w: inout JSONWriter, _ t: TraceSummary) {
    w.beginObject("trace")
    w.int("events", t.events)
    w.int("kept_events", t.kept)
    w.int("bytes", t.bytes)
    w.string("vllm_version", t.vllmVersion)
    w.int("span_ns", Int(t.spanNS))
    w.int("cpu_op_ns", Int(t.cpuOpNS))
    w.int("device_ns", Int(t.deviceNS))
    w.int("device_events", t.deviceEvents)
    w.int("device_events_matched_to_launches", t.deviceEventsMatchedToLaunches)
    w.beginObject("other_categories")
    for (k, v) in t.otherCategories.sorted(by: { $0.key < $1.key }) { w.int(k, v) }
    w.endObject()
    w.beginArray("ops")
    for o in t.ops { op(&w, o) }
    w.endArray()
    w.beginArray("steps")
    for st in t.steps {
      w.beginObject()
      w.int("number", st.number)
      w.int("start_ns", Int(st.startNS))
      w.int("duration_ns", Int(st.durationNS))
      w.beginArray("labels")
      for l in st.labels { w.string(nil, l) }
      w.endArray()
      if let sh = st.shape {
        w.beginObject("vllm_batch")
        w.int("context_requests", sh.contextRequests)
        w.int("context_tokens", sh.contextTokens)
        w.int("generation_requests", sh.generationRequests)
        w.int("generation_tokens", sh.generationTokens)
        w.endObject()
      } else {
        w.string("vllm_batch", nil)
      }
      w.int("op_calls", st.opCalls)
      w.int("cpu_op_ns", Int(st.cpuOpNS))
      w.int("gap_ns", Int(st.gapNS))
      w.int("device_events", st.deviceEvents)
      w.int("device_ns", Int(st.deviceNS))
      if let m = st.model {
        w.beginObject("model")
        w.double("flops", m.flops)
        w.double("bytes", m.bytes)
        let seconds = Double(st.durationNS) / 1e9
        w.rounded("achieved_flops_per_s", seconds > 0 ? m.flops / seconds : nil, 1)
        w.rounded("achieved_bytes_per_s", seconds > 0 ? m.bytes / seconds : nil, 1)
        w.endObject()
      } else {
        w.string("model", nil)
      }
      w.beginArray("ops")
      for o in st.ops { op(&w, o) }
      w.endArray()
      w.endObject()
    }
    w.endArray()
    w.endObject()
  }
}
