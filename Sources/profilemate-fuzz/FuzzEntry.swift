// profilemate-fuzz: a fuzz target over the log reader and everything downstream of it.
//
// Built by scripts/fuzz with `-sanitize=fuzzer,address -DFUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput` with each input. A plain build is a replayer: it runs the files (or the
// files in the directories) named on the command line through the same entry point, so that a crash
// found by the fuzzer can be reproduced and debugged without the sanitizers.

import FuzzReplay
import ProfileMateCore
import Render
import VLLMLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Feeds `input` to a `LogReader` in chunks whose sizes come from the input's first byte, so that the
/// fuzzer also explores chunk boundaries, then analyses and renders the result, checking invariants.
func exercise(_ input: UnsafeRawBufferPointer) {
  guard !input.isEmpty else {
    check(LogReader.read([], source: "fuzz"))
    return
  }
  let chunkSize = Int(input[0]) * 7 + 1
  let body = UnsafeRawBufferPointer(rebasing: input.dropFirst())
  let options = LogReaderOptions(
    wrapWidths: WrapDetector.widths(sample: body), maxLineBytes: input[0] & 1 == 0 ? 1 << 20 : 200)
  let reader = LogReader(source: "fuzz", options: options)
  // A caller's buffer: unconsumed bytes are carried over, as the file reader does.
  var pending: [UInt8] = []
  var offset = 0
  while offset < body.count {
    let end = min(body.count, offset + chunkSize)
    pending.append(contentsOf: body[offset..<end])
    offset = end
    let used = pending.withUnsafeBytes { reader.feed($0) }
    pending.removeFirst(used)
    if pending.count > options.maxLineBytes {
      pending.withUnsafeBytes {
        reader.feedOverlongLine(UnsafeRawBufferPointer(rebasing: $0.prefix(options.maxLineBytes)))
      }
      pending.removeAll()
    }
  }
  let model = pending.withUnsafeBytes { reader.finish(trailing: $0) }
  check(model)
  checkReadAhead(body, options: options)
}

/// The parallel read-ahead (``LogPreparser`` + ``LogReader/feed(_:preparsed:)``) must give exactly the
/// model that reading the same bytes line by line gives.
func checkReadAhead(_ body: UnsafeRawBufferPointer, options: LogReaderOptions) {
  var end = body.count
  while end > 0, body[end - 1] != 0x0A { end -= 1 }
  let lines = UnsafeRawBufferPointer(rebasing: body[..<end])
  let rest = UnsafeRawBufferPointer(rebasing: body[end...])
  let direct = LogReader(source: "fuzz", options: options)
  direct.feed(lines)
  let expected = direct.finish(trailing: rest)
  let ahead = LogReader(source: "fuzz", options: options)
  guard ahead.acceptsPreparsed else { return }
  ahead.feed(lines, preparsed: LogPreparser.preparse(lines, maxLineBytes: options.maxLineBytes))
  let got = ahead.finish(trailing: rest)
  guard got != expected else { return }
  var parts: [String] = []
  if got.coverage != expected.coverage { parts.append("coverage \(got.coverage) vs \(expected.coverage)") }
  if got.engines != expected.engines { parts.append("engines") }
  if got.config != expected.config {
    // Which facts differ (dictionaries print in any order, so their text is compared sorted).
    let mine = Mirror(reflecting: got.config).children
    let theirs = Array(Mirror(reflecting: expected.config).children)
    for (i, child) in mine.enumerated() where i < theirs.count {
      if "\(child.value)" != "\(theirs[i].value)" {
        parts.append("config.\(child.label ?? "?"): \(child.value) vs \(theirs[i].value)")
      }
    }
  }
  if got.events != expected.events { parts.append("events") }
  if got.eventCounts != expected.eventCounts { parts.append("event counts") }
  if got.requests != expected.requests { parts.append("requests \(got.requests) vs \(expected.requests)") }
  if got.aggregatedStats != expected.aggregatedStats { parts.append("aggregated stats") }
  invariant(false, "the read-ahead read differs from the direct read: " + parts.joined(separator: "; "))
}

/// Analyses and renders `model` in every format and checks invariants that hold for any input.
func check(_ model: RunModel) {
  let c = model.coverage
  invariant(c.recognized + c.unrecognized <= c.lines, "coverage exceeds lines")
  let gpu = GPUCatalog.lookup("H100")
  let analysis = RunAnalysis.analyze(model, options: AnalysisOptions(gpu: gpu))
  if let s = analysis.steps {
    let byKind = s.byKind.values.reduce(0) { $0 + $1.count }
    invariant(byKind == s.count, "step kinds do not add up: \(byKind) != \(s.count)")
    let share = s.byKind.values.reduce(0.0) { $0 + $1.sharePct }
    invariant(s.totalMs == 0 || abs(share - 100) < 0.01, "step time shares add up to \(share) %")
  }
  for finding in analysis.findings {
    invariant(!finding.id.isEmpty && !finding.title.isEmpty, "finding without id or title")
  }
  let json = JSONReport.render(analysis, toolVersion: "fuzz")
  invariant(json.hasPrefix("{") && json.hasSuffix("}\n"), "JSON report is not one object")
  invariant(!holdsNonFiniteNumber(json), "JSON report holds a non-finite number")
  _ = TextReport.render(analysis, style: TextStyle(color: true))
  _ = MarkdownReport.render(analysis)
  _ = CSVExport.files(model)
}

/// Whether `json` has a bare `nan` or `inf` value outside its strings (what Swift prints for a
/// non-finite double that slipped past the writer).
func holdsNonFiniteNumber(_ json: String) -> Bool {
  let bytes = Array(json.utf8)
  var inString = false
  var i = 0
  while i < bytes.count {
    let c = bytes[i]
    if inString {
      if c == UInt8(ascii: "\\") {
        i += 1
      } else if c == UInt8(ascii: "\"") {
        inString = false
      }
    } else if c == UInt8(ascii: "\"") {
      inString = true
    } else if c == UInt8(ascii: "i")
      || (c == UInt8(ascii: "n") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "a"))
    {
      // Outside strings JSON's only words are true, false and null: neither has an `i` or an `na`.
      return true
    }
    i += 1
  }
  return false
}

func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition {
    let text = Array("profilemate-fuzz: invariant failed: \(message())\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    exercise(UnsafeRawBufferPointer(start: data, count: size))
    return 0
  }

  typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
  ) -> CInt

  // SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
  @_cdecl("profilemate_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector, fuzzOneInput)
  }
#else
  @main
  enum Replayer {
    static func main() {
      FuzzReplay.main(
        program: "profilemate-fuzz", arguments: Array(CommandLine.arguments.dropFirst()), exercise: exercise)
    }
  }
#endif
