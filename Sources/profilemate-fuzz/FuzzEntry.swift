// profilemate-fuzz: a fuzz target over the log reader and everything downstream of it.
//
// Built by scripts/fuzz with `-sanitize=fuzzer,address -DFUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput` with each input. A plain build is a replayer: it runs the files (or the
// files in the directories) named on the command line through the same entry point, so that a crash
// found by the fuzzer can be reproduced and debugged without the sanitizers.

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
  invariant(!json.contains("nan") && !json.contains("inf"), "JSON report holds a non-finite number")
  _ = TextReport.render(analysis, style: TextStyle(color: true))
  _ = MarkdownReport.render(analysis)
  _ = CSVExport.files(model)
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

  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links this executable with `main` aliased to `profilemate_fuzz_main` (libFuzzer's own `main`
  /// is never used): hand control to libFuzzer's driver. See docs/fuzzing.md.
  @_cdecl("profilemate_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzOneInput(data, size) }
  }
#else
  @main
  enum Replayer {
    static func main() {
      let args = CommandLine.arguments.dropFirst()
      if args.isEmpty || args.contains("-h") || args.contains("--help") {
        print("usage: profilemate-fuzz FILE|DIR...  (replays inputs through the fuzz entry point)")
        exit(args.isEmpty ? 2 : 0)
      }
      var count = 0
      for path in args {
        for file in files(at: path) {
          guard let bytes = readAll(file) else {
            print("profilemate-fuzz: cannot read \(file)")
            exit(2)
          }
          bytes.withUnsafeBytes { exercise($0) }
          count += 1
        }
      }
      print("replayed \(count) input(s) without a failure")
    }

    static func files(at path: String) -> [String] {
      guard let dir = opendir(path) else { return [path] }
      defer { closedir(dir) }
      var names: [String] = []
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(path + "/" + name) }
      }
      return names.sorted()
    }

    static func readAll(_ path: String) -> [UInt8]? {
      guard let f = fopen(path, "rb") else { return nil }
      defer { fclose(f) }
      var out: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n == 0 { break }
        out.append(contentsOf: buffer[0..<n])
      }
      return out
    }
  }
#endif
