/// Turns a trace's records into the operator, step and device figures of a ``TraceSummary``.
enum TraceBreakdown {
  /// `a + b`, clamped instead of trapping (sums of many durations in a damaged trace).
  static func add(_ a: Int64, _ b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? .max : .min) : sum
  }

  static func build(
    _ state: ChromeTraceReader.State, bytes: Int
  ) -> (
    kernels: [KernelMeasurement], intervals: [GPUInterval], trace: TraceSummary
  ) {
    let records = state.records
    let names = state.names
    // CPU events by thread, in start order, enclosing events before the ones they contain.
    let cpu = records.indices.filter { !records[$0].category.isDevice }.sorted {
      let a = records[$0]
      let b = records[$1]
      if a.thread != b.thread { return a.thread < b.thread }
      if a.startNS != b.startNS { return a.startNS < b.startNS }
      return a.durationNS > b.durationNS
    }
    var selfNS = [Int64](repeating: 0, count: records.count)
    var topLevel = [Bool](repeating: false, count: records.count)
    // The stack of open events on the current thread: (record, end, inside an operator).
    var stack: [(index: Int, end: Int64, inOp: Bool)] = []
    var thread: Int32 = -1
    for i in cpu {
      let r = records[i]
      if r.thread != thread {
        stack.removeAll(keepingCapacity: true)
        thread = r.thread
      }
      while let top = stack.last, r.startNS >= top.end { stack.removeLast() }
      selfNS[i] = r.durationNS
      if let parent = stack.last {
        selfNS[parent.index] = add(selfNS[parent.index], -r.durationNS)
      }
      let inOp = stack.last?.inOp ?? false
      if r.category == .cpuOp && !inOp { topLevel[i] = true }
      stack.append((i, r.startNS + r.durationNS, inOp || r.category == .cpuOp))
    }
    // Operators by name.
    var opIndex: [Int32: Int] = [:]
    var ops: [TraceOpSummary] = []
    var cpuOpNS: Int64 = 0
    for i in cpu where records[i].category == .cpuOp {
      let r = records[i]
      let k: Int
      if let existing = opIndex[r.name] {
        k = existing
      } else {
        k = ops.count
        opIndex[r.name] = k
        ops.append(TraceOpSummary(name: names[Int(r.name)], calls: 0, selfNS: 0, topLevelCalls: 0, topLevelNS: 0))
      }
      ops[k].calls += 1
      ops[k].selfNS = add(ops[k].selfNS, max(0, selfNS[i]))
      if topLevel[i] {
        ops[k].topLevelCalls += 1
        ops[k].topLevelNS = add(ops[k].topLevelNS, r.durationNS)
        cpuOpNS = add(cpuOpNS, r.durationNS)
      }
    }
    ops.sort { $0.selfNS != $1.selfNS ? $0.selfNS > $1.selfNS : $0.name < $1.name }
    // Steps: ProfilerStep#N annotations, in start order.
    let stepRecords = records.indices.filter {
      records[$0].category == .annotation && names[Int(records[$0].name)].hasPrefix("ProfilerStep#")
    }.sorted { records[$0].startNS < records[$1].startNS }
    var steps: [TraceStep] = stepRecords.map {
      let r = records[$0]
      let n = Int(names[Int(r.name)].dropFirst("ProfilerStep#".count)) ?? 0
      return TraceStep(
        number: n, startNS: r.startNS, durationNS: r.durationNS, labels: [], shape: nil, opCalls: 0, cpuOpNS: 0,
        ops: [], deviceEvents: 0, deviceNS: 0, model: nil)
    }
    func step(containing t: Int64, thread: Int32?) -> Int? {
      // The last step starting at or before t (binary search), if t is inside it.
      var lo = 0
      var hi = steps.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if steps[mid].startNS <= t { lo = mid + 1 } else { hi = mid }
      }
      let k = lo - 1
      guard k >= 0, t < steps[k].startNS + steps[k].durationNS else { return nil }
      if let thread, records[stepRecords[k]].thread != thread { return nil }
      return k
    }
    var stepOps: [[Int32: TraceOpSummary]] = Array(repeating: [:], count: steps.count)
    for i in cpu {
      let r = records[i]
      if r.category == .cpuOp && topLevel[i], let k = step(containing: r.startNS, thread: r.thread) {
        steps[k].opCalls += 1
        steps[k].cpuOpNS = add(steps[k].cpuOpNS, r.durationNS)
        var op =
          stepOps[k][r.name]
          ?? TraceOpSummary(name: names[Int(r.name)], calls: 0, selfNS: 0, topLevelCalls: 0, topLevelNS: 0)
        op.calls += 1
        op.topLevelCalls += 1
        op.topLevelNS = add(op.topLevelNS, r.durationNS)
        op.selfNS = add(op.selfNS, max(0, selfNS[i]))
        stepOps[k][r.name] = op
      } else if r.category == .annotation, !names[Int(r.name)].hasPrefix("ProfilerStep#"),
        let k = step(containing: r.startNS, thread: nil)
      {
        let label = names[Int(r.name)]
        if !steps[k].labels.contains(label) { steps[k].labels.append(label) }
      }
    }
    for k in steps.indices {
      steps[k].ops = Array(
        stepOps[k].values.sorted { $0.topLevelNS != $1.topLevelNS ? $0.topLevelNS > $1.topLevelNS : $0.name < $1.name }
          .prefix(10))
      steps[k].shape = steps[k].labels.lazy.compactMap(VLLMStepShape.init(label:)).first
    }
    // Device work: kernels as measurements, intervals for the idle time, and per step by start time
    // (a kernel belongs to the step in which it started on the device, up to the next step's start).
    // Launches of one name are added up here (instances, total, min, max): one measurement per name, not
    // per launch, keeps memory to the timeline's intervals.
    var kernels: [KernelMeasurement] = []
    var kernelIndex: [Int32: Int] = [:]
    var deviceEvents = 0
    var matched = 0
    var launchStart: [Int64: Int64] = [:]
    for r in records where r.category == .runtime && r.correlation != 0 { launchStart[r.correlation] = r.startNS }
    var intervals: [GPUInterval] = []
    var deviceNS: Int64 = 0
    for r in records where r.category.isDevice {
      let name = names[Int(r.name)]
      let parts = state.threads[Int(r.thread)].split(separator: "\u{1F}", omittingEmptySubsequences: false)
      let d = Double(r.durationNS)
      deviceEvents += 1
      if let k = kernelIndex[r.name] {
        kernels[k].instances += 1
        kernels[k].totalNS += d
        kernels[k].minNS = min(kernels[k].minNS ?? d, d)
        kernels[k].maxNS = max(kernels[k].maxNS ?? d, d)
      } else {
        kernelIndex[r.name] = kernels.count
        kernels.append(KernelMeasurement(name: name, instances: 1, totalNS: d, minNS: d, maxNS: d, line: 0))
      }
      intervals.append(
        GPUInterval(
          startNS: Double(r.startNS), durationNS: d, device: parts.first.map(String.init) ?? "",
          stream: parts.count > 1 ? String(parts[1]) : "", name: name))
      deviceNS = add(deviceNS, r.durationNS)
      // The step whose thread launched it (through the runtime call with the same correlation), else the step
      // in which it started on the device, up to the next step's start.
      if let launch = launchStart[r.correlation], r.correlation != 0, let k = step(containing: launch, thread: nil) {
        matched += 1
        steps[k].deviceEvents += 1
        steps[k].deviceNS = add(steps[k].deviceNS, r.durationNS)
      } else {
        var lo = 0
        var hi = steps.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if steps[mid].startNS <= r.startNS { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0 {
          steps[lo - 1].deviceEvents += 1
          steps[lo - 1].deviceNS = add(steps[lo - 1].deviceNS, r.durationNS)
        }
      }

    }
    let starts = records.map(\.startNS)
    let ends = records.map { $0.startNS + $0.durationNS }
    let span = add(ends.max() ?? 0, -(starts.min() ?? 0))
    let trace = TraceSummary(
      events: state.events, kept: records.count, bytes: bytes, vllmVersion: state.vllmVersion, spanNS: span,
      cpuOpNS: cpuOpNS, deviceNS: deviceNS, deviceEvents: deviceEvents, deviceEventsMatchedToLaunches: matched,
      ops: ops, steps: steps,
      otherCategories: Dictionary(
        state.otherCategories.map { (String(decoding: $0.bytes, as: UTF8.self), $0.count) }, uniquingKeysWith: +))
    return (kernels, intervals, trace)
  }
}
