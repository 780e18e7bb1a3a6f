/// Reads a torch-profiler (Kineto) Chrome trace as a stream: a top-level object with `traceEvents` (or a bare
/// array of events), each event parsed field by field and kept as a 32-byte record, every other value skipped
/// unbuilt. Memory is the 1 MiB window plus 32 bytes per operator, annotation and device event (python
/// function events and runtime calls are only counted), never the document.
public enum ChromeTraceReader {
  /// Reads the whole stream and builds the kernel report (device events as kernels) with the trace breakdown.
  /// - Throws: ``KernelInputError`` naming the byte offset of malformed JSON or a trace without events.
  public static func read(
    _ source: TraceByteSource
  ) throws -> (kernels: [KernelMeasurement], intervals: [GPUInterval], trace: TraceSummary) {
    var state = State()
    let s = JSONByteStream(source)
    guard let first = try s.peek() else { throw KernelInputError("empty input (expected a Chrome trace)") }
    if first == UInt8(ascii: "[") {
      try events(s, &state)
    } else {
      try s.expect(UInt8(ascii: "{"))
      var key: [UInt8] = []
      if !(try s.take(UInt8(ascii: "}"))) {
        repeat {
          try s.string(into: &key)
          try s.expect(UInt8(ascii: ":"))
          if key == Array("traceEvents".utf8) {
            try events(s, &state)
          } else if key == Array("vllm_version".utf8), try s.peek() == UInt8(ascii: "\"") {
            var v: [UInt8] = []
            try s.string(into: &v)
            state.vllmVersion = String(decoding: v, as: UTF8.self)
          } else {
            try s.skipValue()
          }
        } while try s.take(UInt8(ascii: ","))
        try s.expect(UInt8(ascii: "}"))
      }
    }
    if try s.peek() != nil { throw s.error("unexpected text after the trace") }
    guard state.sawEvents else { throw KernelInputError("no \"traceEvents\" array (not a torch-profiler trace)") }
    return TraceBreakdown.build(state, bytes: s.offset)
  }

  /// What the reader accumulates.
  struct State {
    var records: [TraceRecord] = []
    var names: [String] = []
    var nameIndex: [[UInt8]: Int32] = [:]
    var threads: [String] = []
    var threadIndex: [[UInt8]: Int32] = [:]
    var events = 0
    var otherCategories: [(bytes: [UInt8], count: Int)] = []
    /// The last thread key looked up and its index (events of one thread come in runs).
    var lastThread: [UInt8] = []
    var lastThreadIndex: Int32 = -1
    var vllmVersion: String?
    var sawEvents = false

    mutating func name(_ bytes: [UInt8]) -> Int32 {
      if let i = nameIndex[bytes] { return i }
      let i = Int32(names.count)
      names.append(String(decoding: bytes, as: UTF8.self))
      nameIndex[bytes] = i
      return i
    }

    mutating func countOther(_ cat: [UInt8]) {
      if let k = otherCategories.firstIndex(where: { $0.bytes == cat }) {
        otherCategories[k].count += 1
      } else {
        otherCategories.append((cat, 1))
      }
    }

    mutating func thread(_ bytes: [UInt8]) -> Int32 {
      if lastThreadIndex >= 0 && bytes == lastThread { return lastThreadIndex }
      lastThread = bytes
      if let i = threadIndex[bytes] {
        lastThreadIndex = i
        return i
      }
      let i = Int32(threads.count)
      threads.append(String(decoding: bytes, as: UTF8.self))
      threadIndex[bytes] = i
      lastThreadIndex = i
      return i
    }
  }

  private static let keyPh = Array("ph".utf8)
  private static let keyCat = Array("cat".utf8)
  private static let keyName = Array("name".utf8)
  private static let keyTs = Array("ts".utf8)
  private static let keyDur = Array("dur".utf8)
  private static let keyPid = Array("pid".utf8)
  private static let keyTid = Array("tid".utf8)
  private static let keyArgs = Array("args".utf8)
  private static let keyCorrelation = Array("correlation".utf8)

  private static func events(_ s: JSONByteStream, _ state: inout State) throws {
    state.sawEvents = true
    try s.expect(UInt8(ascii: "["))
    if try s.take(UInt8(ascii: "]")) { return }
    var key: [UInt8] = []
    var ph: [UInt8] = []
    var cat: [UInt8] = []
    var name: [UInt8] = []
    var pid: [UInt8] = []
    var tid: [UInt8] = []
    var scratch: [UInt8] = []
    var threadKey: [UInt8] = []
    repeat {
      state.events += 1
      guard try s.peek() == UInt8(ascii: "{") else {
        try s.skipValue()
        continue
      }
      try s.expect(UInt8(ascii: "{"))
      ph.removeAll(keepingCapacity: true)
      cat.removeAll(keepingCapacity: true)
      name.removeAll(keepingCapacity: true)
      pid.removeAll(keepingCapacity: true)
      tid.removeAll(keepingCapacity: true)
      var ts: Int64?
      var dur: Int64?
      var correlation: Int64 = 0
      if !(try s.take(UInt8(ascii: "}"))) {
        repeat {
          try s.string(into: &key)
          try s.expect(UInt8(ascii: ":"))
          let next = try s.peek()
          if key == keyPh, next == UInt8(ascii: "\"") {
            try s.string(into: &ph)
          } else if key == keyCat, next == UInt8(ascii: "\"") {
            try s.string(into: &cat)
          } else if key == keyName, next == UInt8(ascii: "\"") {
            try s.string(into: &name)
          } else if key == keyTs, next != UInt8(ascii: "\"") {
            ts = try s.number().scaled(3)
          } else if key == keyDur, next != UInt8(ascii: "\"") {
            dur = try s.number().scaled(3)
          } else if key == keyPid || key == keyTid {
            // Numbers and strings ("Spans") both name a process or thread; keep the text.
            if next == UInt8(ascii: "\"") {
              try s.string(into: &scratch)
            } else {
              // A number, as its decimal digits (the same text a string "4242" would give).
              var v = try s.number().scaled(0)
              scratch.removeAll(keepingCapacity: true)
              if v < 0 {
                scratch.append(UInt8(ascii: "-"))
                v = -v
              }
              let from = scratch.count
              repeat {
                scratch.append(UInt8(ascii: "0") + UInt8(v % 10))
                v /= 10
              } while v > 0
              scratch[from...].reverse()
            }
            if key == keyPid { swap(&pid, &scratch) } else { swap(&tid, &scratch) }
          } else if key == keyArgs, next == UInt8(ascii: "{"), TraceCategory(cat)?.hasCorrelation == true {
            // Kineto writes `cat` before `args`; only launches and device events have their args read.
            correlation = try self.correlation(s, key: &scratch)
          } else {
            try s.skipValue()
          }
        } while try s.take(UInt8(ascii: ","))
        try s.expect(UInt8(ascii: "}"))
      }
      guard ph == [UInt8(ascii: "X")], let ts, let dur else { continue }
      // Bounds that keep every sum of start and duration inside Int64: a start within ±2⁶² ns (146 years) and a
      // duration under 2⁵² ns (52 days); anything else is a damaged trace.
      guard ts.magnitude <= 1 << 62, dur.magnitude <= 1 << 52 else {
        throw s.error("an event's ts or dur is out of range (ts \(ts) ns, dur \(dur) ns)")
      }
      guard let category = TraceCategory(cat) else {
        state.countOther(cat)
        continue
      }
      threadKey.removeAll(keepingCapacity: true)
      threadKey.append(contentsOf: pid)
      threadKey.append(0x1F)
      threadKey.append(contentsOf: tid)
      state.records.append(
        TraceRecord(
          startNS: ts, durationNS: max(0, dur), correlation: correlation, name: state.name(name),
          thread: state.thread(threadKey), category: category))
    } while try s.take(UInt8(ascii: ","))
    try s.expect(UInt8(ascii: "]"))
  }

  /// Reads an `args` object, returning its `correlation` number (0 when it has none) and skipping the rest.
  private static func correlation(_ s: JSONByteStream, key: inout [UInt8]) throws -> Int64 {
    var found: Int64 = 0
    try s.expect(UInt8(ascii: "{"))
    if try s.take(UInt8(ascii: "}")) { return 0 }
    repeat {
      try s.string(into: &key)
      try s.expect(UInt8(ascii: ":"))
      if key == keyCorrelation, let next = try s.peek(), next != UInt8(ascii: "\""), next != UInt8(ascii: "{"),
        next != UInt8(ascii: "[")
      {
        found = try s.number().scaled(0)
      } else {
        try s.skipValue()
      }
    } while try s.take(UInt8(ascii: ","))
    try s.expect(UInt8(ascii: "}"))
    return found
  }
}
