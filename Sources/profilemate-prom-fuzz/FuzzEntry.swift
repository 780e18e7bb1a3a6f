// profilemate-prom-fuzz: a fuzz target over the /metrics parser and everything downstream of it.
//
// Built by scripts/fuzz-metrics with `-sanitize=fuzzer,address -DFUZZING`: SwiftPM links an executable with
// `main` aliased to `profilemate_prom_fuzz_main`, which hands control to libFuzzer's driver
// (`LLVMFuzzerRunDriver`), and libFuzzer calls `LLVMFuzzerTestOneInput` with each input. A plain build is a
// replayer: it runs the files (or the files in the directories) named on the command line through the same
// entry point, so that a crash found by the fuzzer can be reproduced and debugged without the sanitizers.

import FuzzReplay
import ProfileMateCore
import PromMetrics
import Render

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses `input` as a scrape, checks the parser's invariants, and runs it — alone, as a window, and split in
/// two as a timeline — through the analyses and every renderer. The input is also read as an index.tsv.
func exercise(_ input: UnsafeBufferPointer<UInt8>) {
  let e = ExpositionParser.parse(input)
  checkParse(e)
  checkHistograms(e)
  let thresholds = MetricsFindingThresholds()
  let analysis = SnapshotAnalysis(e)
  let snapshot = PromReportData(source: "fuzz", snapshot: analysis, findings: analysis.findings(thresholds))
  render(snapshot)
  // Split in two at a place chosen by the first byte: an earlier and a later scrape.
  let cut = input.isEmpty ? 0 : Int(input[0]) * input.count / 256
  let before = ExpositionParser.parse(UnsafeBufferPointer(rebasing: input[..<cut]))
  let after = ExpositionParser.parse(UnsafeBufferPointer(rebasing: input[cut...]))
  let seconds = 1 + Double(input.first ?? 0)
  let window = WindowAnalysis(before: before, after: after, seconds: seconds)
  render(
    PromReportData(
      before: "a", after: "b", window: window, beforeIssues: before.issues, afterIssues: after.issues,
      findings: window.findings(thresholds)))
  var timeline = MetricsTimeline(historyLimit: 3, recentWindowSeconds: 5)
  timeline.add(before, epochMs: 1_000, seq: "001")
  timeline.addFailure(epochMs: 2_000, status: "000ERR", seq: "002")
  timeline.add(after, epochMs: 1_000 + Int64(seconds * 1000), seq: "003")
  timeline.add(e, epochMs: 1_000 + Int64(seconds * 1000), seq: "004")  // same time: no interval
  render(PromReportData(recording: "fuzz", timeline: timeline, findings: timeline.findings(thresholds)))
  _ = WatchView.frame(timeline, status: .init(source: "fuzz", interval: 2, lastError: "x"), style: .init(color: true))
  _ = WatchView.plainLines(timeline)
  _ = WatchView.summary(timeline, recording: "fuzz", recorded: 3)
  checkIndex(String(decoding: input, as: UTF8.self))
}

/// Line numbers are in range, family names unique, and the samples survive a round trip through the text
/// format (name, labels re-escaped, value and timestamp as Swift prints them).
func checkParse(_ e: Exposition) {
  for i in e.issues {
    invariant(i.line >= 1 && i.line <= max(1, e.lineCount), "issue on line \(i.line) of \(e.lineCount)")
  }
  var names = Set<String>()
  var text = ""
  var keys: [String] = []
  for f in e.families {
    invariant(names.insert(f.name).inserted, "two families named \(f.name)")
    for s in f.samples {
      invariant(s.line >= 1 && s.line <= e.lineCount, "sample on line \(s.line) of \(e.lineCount)")
      text += s.name + s.labels.description + " " + String(s.value)
      if let t = s.timestamp { text += " " + String(t) }
      text += "\n"
      keys.append(key(s))
    }
  }
  let again = ExpositionParser.parse(text)
  invariant(again.issues.isEmpty, "re-emitted samples do not parse: \(again.issues.prefix(2))")
  let keysAgain = again.families.flatMap(\.samples).map(key)
  invariant(keys.sorted() == keysAgain.sorted(), "samples changed in a round trip through the text format")
}

func key(_ s: Sample) -> String {
  func bits(_ d: Double) -> String { d.isNaN ? "nan" : String(d.bitPattern) }
  return s.name + s.labels.description + " " + bits(s.value) + " " + (s.timestamp.map(bits) ?? "-")
}

/// Quantiles of a histogram with ordinary numbers never decrease with φ, and stay within its finite bounds.
func checkHistograms(_ e: Exposition) {
  for f in e.families {
    for h in f.histograms {
      let ordinary = h.buckets.allSatisfy {
        ($0.upperBound == .infinity || abs($0.upperBound) <= 1e300) && $0.count.isFinite && abs($0.count) <= 1e300
      }
      guard ordinary else { continue }
      let qs = [0.0, 0.25, 0.5, 0.9, 0.99, 1.0].compactMap { h.quantile($0) }
      for (a, b) in zip(qs, qs.dropFirst()) { invariant(a <= b, "quantiles decrease: \(qs) for \(h.buckets)") }
      let finite = h.buckets.map(\.upperBound).filter(\.isFinite)
      if let top = finite.max(), let q = qs.last { invariant(q <= top, "quantile \(q) above the last bound \(top)") }
    }
  }
}

/// Every renderer gives one complete document.
func render(_ d: PromReportData) {
  let json = PromJSONReport.render(d, toolVersion: "fuzz")
  invariant(json.hasPrefix("{") && json.hasSuffix("}\n"), "JSON report is not one object")
  _ = PromTextReport.render(d, style: TextStyle(color: true))
  for f in d.findings { invariant(!f.id.isEmpty && !f.title.isEmpty, "finding without id or title") }
}

/// Rows written back as index.tsv lines read the same.
func checkIndex(_ text: String) {
  let rows = RecordingIndex.parse(text).rows
  let again = RecordingIndex.parse(RecordingIndex.header + "\n" + rows.map(\.line).joined()).rows
  invariant(rows == again, "index.tsv rows changed in a round trip")
}

func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition {
    let text = Array("profilemate-prom-fuzz: invariant failed: \(message())\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    exercise(UnsafeBufferPointer(start: data, count: size))
    return 0
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM's entry point for this executable (`main` is aliased to it): libFuzzer's driver.
  @_cdecl("profilemate_prom_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzOneInput(data, size) }
  }
#else
  @main
  enum Replayer {
    static func main() {
      FuzzReplay.main(program: "profilemate-prom-fuzz", arguments: Array(CommandLine.arguments.dropFirst())) { raw in
        raw.withMemoryRebound(to: UInt8.self) { exercise($0) }
      }
    }
  }
#endif
