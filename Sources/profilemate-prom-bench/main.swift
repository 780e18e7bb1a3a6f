// profilemate-prom-bench: the release-mode benchmark of the /metrics side (run on demand via
// scripts/bench-metrics). Every section prints its figures; the process exits 1 when a threshold is missed.
//
// 1. Parser: ExpositionParser.parse on a >= --size-mb MB exposition built from a real vLLM scrape (every
//    sample line carrying `engine="0"` repeated for engines 0…K−1), best of --runs, against Python's
//    prometheus_client.parser.text_string_to_metric_families on the same text in the same run.
// 2. Scale, whole process: `profilemate metrics --json FILE` on the scrape repeated for 25/100/200/400 engines,
//    runs interleaved, medians of wall and CPU time; and a whole Python process parsing the 200-engine text
//    with prometheus_client. Thresholds: 400 engines < 1 s, time(400)/time(100) <= 5, >= 20x the Python
//    process on 200 engines.
// 3. Recording: `profilemate metrics --json --recording DIR` on 40 scrapes of a real recording, each repeated
//    for 100 engines, whole process. Threshold < 5 s.
// 4. Watch cycle at 200 engines, in process: parse + timeline + terminal frame per scrape over the recording's
//    scrapes repeated for 200 engines; CPU per cycle. Threshold: median < 50 ms.
// 5. The full cycle on the real scrape — HTTP scrape from a local Python http.server (a separate process, so
//    its CPU is not counted) + recording to disk + parse + timeline + frame (figures only).

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

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  guard !s.isEmpty else { return .nan }
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

struct Options {
  var scrape = "../shared/fixtures/vllm-cpu/run1-info-2048/metrics-after-load.prom"
  var recording = "../shared/fixtures/vllm-cpu/run1-info-2048/metrics"
  var profilemate = ".build/release/profilemate"
  var sizeMB = 1.0
  var runs = 30
  var pythonRuns = 5
  var python = "python3"
  var httpCycles = 200
  var engines = [25, 100, 200, 400]
  var processRuns = 5
  var recordScrapes = 40
  var recordEngines = 100
  var watchEngines = 200
  var only: Set<String> = []

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
      case "--profilemate": profilemate = value()
      case "--size-mb": sizeMB = Double(value()) ?? sizeMB
      case "--runs": runs = Int(value()) ?? runs
      case "--python-runs": pythonRuns = Int(value()) ?? pythonRuns
      case "--python": python = value()
      case "--http-cycles": httpCycles = Int(value()) ?? httpCycles
      case "--process-runs": processRuns = max(1, Int(value()) ?? processRuns)
      case "--record-scrapes": recordScrapes = max(2, Int(value()) ?? recordScrapes)
      case "--record-engines": recordEngines = max(1, Int(value()) ?? recordEngines)
      case "--watch-engines": watchEngines = max(1, Int(value()) ?? watchEngines)
      case "--only": only = Set(value().split(separator: ",").map(String.init))
      default:
        print(
          "usage: profilemate-prom-bench [--only parser,scale,recording,watch,http] [--scrape FILE] "
            + "[--recording DIR] [--profilemate PATH] [--size-mb 1] [--runs 30] [--python-runs 5] "
            + "[--python python3] [--process-runs 5] [--record-scrapes 40] [--record-engines 100] "
            + "[--watch-engines 200] [--http-cycles 200]")
        exit(args[i] == "--help" || args[i] == "-h" ? 0 : 2)
      }
      i += 1
    }
  }

  func runs(_ section: String) -> Bool { only.isEmpty || only.contains(section) }
}

/// The scrape with every `engine="0"` sample line repeated for engines 0..<copies (bytes in, text out).
func enlarge(_ text: String, copies: Int) -> String {
  String(decoding: enlarge(Array(text.utf8), copies: copies), as: UTF8.self)
}

/// The scrape with every `engine="0"` sample line repeated for engines 0..<copies.
func enlarge(_ bytes: [UInt8], copies: Int) -> [UInt8] {
  let needle = Array("engine=\"0\"".utf8)
  var out: [UInt8] = []
  out.reserveCapacity(bytes.count * max(1, copies))
  for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
    let l = Array(line)
    let at =
      l.first == UInt8(ascii: "#")
      ? nil
      : (0...max(0, l.count - needle.count)).first { i in
        i + needle.count <= l.count && l[i..<(i + needle.count)].elementsEqual(needle)
      }
    guard let at else {
      out += l
      out.append(UInt8(ascii: "\n"))
      continue
    }
    for k in 0..<copies {
      out += l[..<at]
      out += Array("engine=\"\(k)\"".utf8)
      out += l[(at + needle.count)...]
      out.append(UInt8(ascii: "\n"))
    }
  }
  return out
}

/// Thresholds met and missed so far.
final class Verdicts {
  var missed: [String] = []

  /// Prints `what` with its verdict.
  func check(_ ok: Bool, _ what: String) {
    print("  \(ok ? "ok  " : "MISS") \(what)")
    if !ok { missed.append(what) }
  }
}

/// Wall and CPU (user + system) seconds of one child process, its standard output discarded.
func timeProcess(_ argv: [String]) -> (wall: Double, cpu: Double, status: Int32)? {
  var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
  defer { for p in cargs { free(p) } }
  var pid: pid_t = 0
  let t0 = monotonic()
  guard posix_spawnp(&pid, argv[0], &actions, nil, &cargs, environ) == 0 else { return nil }
  var status: Int32 = 0
  var usage = rusage()
  while wait4(pid, &status, 0, &usage) < 0 {
    if errno != EINTR { return nil }
  }
  let wall = monotonic() - t0
  func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return (wall, seconds(usage.ru_utime) + seconds(usage.ru_stime), (status >> 8) & 0xFF)
}

/// Runs Python's prometheus_client parser on `path` in process; returns (best seconds, samples).
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

/// The Python program a whole-process comparison runs: read the file, parse every family with
/// prometheus_client, count the samples.
let pythonWholeProcess = """
  import sys
  from prometheus_client.parser import text_string_to_metric_families
  text = open(sys.argv[1], encoding="utf-8").read()
  print(sum(len(f.samples) for f in text_string_to_metric_families(text)))
  """

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

func write(_ text: String, to path: String) {
  guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { fail("cannot write \(path)") }
}

@main
enum PromBench {
  static func main() async {
    let options = Options(Array(CommandLine.arguments.dropFirst()))
    guard let base = try? String(contentsOfFile: options.scrape, encoding: .utf8) else {
      fail("cannot read \(options.scrape) (run from the package root, or pass --scrape)")
    }
    guard let recording = try? RecordingReader(path: options.recording) else {
      fail("no recording at \(options.recording)")
    }
    let bodies = recording.rows.filter(\.ok).compactMap { row in (try? recording.body(of: row)).map { (row, $0) } }
    guard bodies.count >= 2 else { fail("\(options.recording): fewer than two scrapes") }
    let scratch = NSTemporaryDirectory() + "pm-prom-bench-\(getpid())"
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let verdicts = Verdicts()

    // Each section's figures are flushed as soon as they are measured (also when written to a file).
    if options.runs("parser") { parser(options, base: base, scratch: scratch) }
    fflush(nil)
    if options.runs("scale") { scale(options, base: base, scratch: scratch, verdicts) }
    fflush(nil)
    if options.runs("recording") { recordingRun(options, bodies: bodies, scratch: scratch, verdicts) }
    fflush(nil)
    if options.runs("watch") { watch(options, bodies: bodies, verdicts) }
    fflush(nil)
    if options.runs("http") { await http(options, bodies: bodies, scratch: scratch) }

    if verdicts.missed.isEmpty {
      print("all thresholds met")
    } else {
      print("\(verdicts.missed.count) threshold(s) missed: \(verdicts.missed.joined(separator: "; "))")
      exit(1)
    }
  }

  /// 1. The parser alone against prometheus_client's, in process.
  static func parser(_ options: Options, base: String, scratch: String) {
    let perEngine = enlarge(base, copies: 2).utf8.count - base.utf8.count
    let copies = max(1, Int((options.sizeMB * 1_000_000 - Double(base.utf8.count)) / Double(max(1, perEngine))) + 2)
    let text = enlarge(base, copies: copies)
    let bytes = Array(text.utf8)
    let bigPath = scratch + "/big.prom"
    write(text, to: bigPath)
    let lines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    print("== parser: \(fixed(Double(bytes.count) / 1e6, 2)) MB, \(lines) lines, \(copies) engines")
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
      "  ExpositionParser.parse: best \(fixed(best * 1000, 2)) ms of \(options.runs) (\(fixed(mbps, 0)) MB/s), "
        + "\(samples) samples")
    if let py = pythonParse(options, path: bigPath) {
      print(
        "  prometheus_client text_string_to_metric_families: best \(fixed(py.seconds * 1000, 1)) ms of "
          + "\(options.pythonRuns), \(py.samples) samples")
      print("  parser ratio: \(fixed(py.seconds / best, 1))x faster than prometheus_client")
      if py.samples != samples { print("  warning: sample counts differ (\(samples) vs \(py.samples))") }
    } else {
      print("  prometheus_client: not available (pip install prometheus_client); no ratio")
    }
  }

  /// 2. `metrics --json` as a whole process at several engine counts, against a whole Python process.
  static func scale(_ options: Options, base: String, scratch: String, _ verdicts: Verdicts) {
    print("== scale: profilemate metrics --json, whole process, \(options.processRuns) interleaved runs each")
    var files: [Int: (path: String, bytes: Int)] = [:]
    for n in options.engines {
      let text = enlarge(base, copies: n)
      let path = scratch + "/engines-\(n).prom"
      write(text, to: path)
      files[n] = (path, text.utf8.count)
    }
    let withPython = options.engines.contains(200)
    var wall: [Int: [Double]] = [:]
    var cpu: [Int: [Double]] = [:]
    var python: [Double] = []
    var pythonCPU: [Double] = []
    var pythonOK = withPython
    for _ in 0..<options.processRuns {
      for n in options.engines {
        guard let path = files[n]?.path, let t = timeProcess([options.profilemate, "metrics", "--json", path]) else {
          fail("cannot run \(options.profilemate) (build it: swift build -c release --product profilemate)")
        }
        guard t.status == 0 else { fail("\(options.profilemate) metrics --json exited \(t.status) on \(n) engines") }
        wall[n, default: []].append(t.wall)
        cpu[n, default: []].append(t.cpu)
      }
      if pythonOK, let path = files[200]?.path {
        if let t = timeProcess(["/usr/bin/env", options.python, "-c", pythonWholeProcess, path]), t.status == 0 {
          python.append(t.wall)
          pythonCPU.append(t.cpu)
        } else {
          pythonOK = false
        }
      }
    }
    for n in options.engines {
      print(
        "  \(n) engines (\(fixed(Double(files[n]?.bytes ?? 0) / 1e6, 1)) MB): wall median "
          + "\(fixed(median(wall[n] ?? []) * 1000, 0)) ms, CPU median \(fixed(median(cpu[n] ?? []) * 1000, 0)) ms")
    }
    if let w400 = wall[400].map(median) { verdicts.check(w400 < 1, "400 engines < 1 s (\(fixed(w400, 3)) s)") }
    if let w400 = wall[400].map(median), let w100 = wall[100].map(median) {
      verdicts.check(w400 / w100 <= 5, "time(400)/time(100) <= 5 (\(fixed(w400 / w100, 2)))")
    }
    if pythonOK, let ours = wall[200].map(median) {
      let py = median(python)
      print(
        "  Python prometheus_client, whole process, 200 engines: wall median \(fixed(py * 1000, 0)) ms, CPU median "
          + "\(fixed(median(pythonCPU) * 1000, 0)) ms")
      let cpuRatio = median(pythonCPU) / (cpu[200].map(median) ?? .nan)
      verdicts.check(
        py / ours >= 20,
        "200 engines >= 20x prometheus_client (wall \(fixed(py / ours, 1))x; CPU \(fixed(cpuRatio, 1))x)")
    } else if withPython {
      print("  prometheus_client: not available (pip install prometheus_client); no ratio")
      verdicts.check(false, "200 engines >= 20x prometheus_client (Python side could not run)")
    }
  }

  /// 3. A recording of many scrapes at many engines, as `metrics --recording` reads it.
  static func recordingRun(
    _ options: Options, bodies: [(RecordingIndex.Row, [UInt8])], scratch: String, _ verdicts: Verdicts
  ) {
    let dir = scratch + "/recording"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var index = RecordingIndex.header + "\n"
    var total = 0
    for k in 0..<options.recordScrapes {
      // Past the end of the real recording, its scrapes come round again, later in time.
      let (row, body) = bodies[k % bodies.count]
      let lap = Int64(k / bodies.count)
      let span = (bodies.last?.0.epochMs ?? 0) - (bodies.first?.0.epochMs ?? 0) + 2000
      let text = enlarge(String(decoding: body, as: UTF8.self), copies: options.recordEngines)
      let name = String(format: "scrape-%03d.prom", k + 1)
      write(text, to: dir + "/" + name)
      total += text.utf8.count
      let r = RecordingIndex.Row(
        seq: String(format: "%03d", k + 1), utc: row.utc, epochMs: row.epochMs + lap * span, file: name, status: "200")
      index += r.line
    }
    write(index, to: dir + "/index.tsv")
    print(
      "== recording: \(options.recordScrapes) scrapes x \(options.recordEngines) engines "
        + "(\(fixed(Double(total) / 1e6, 0)) MB), profilemate metrics --json --recording, whole process")
    var wall: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<max(1, options.processRuns / 2) {
      guard let t = timeProcess([options.profilemate, "metrics", "--json", "--recording", dir]), t.status == 0 else {
        fail("\(options.profilemate) metrics --recording failed")
      }
      wall.append(t.wall)
      cpu.append(t.cpu)
    }
    print("  wall median \(fixed(median(wall), 2)) s, CPU median \(fixed(median(cpu), 2)) s of \(wall.count) runs")
    verdicts.check(
      median(wall) < 5,
      "\(options.recordScrapes) x \(options.recordEngines) recording < 5 s (\(fixed(median(wall), 2)) s)")
  }

  /// 4. The CPU of one watch cycle (parse + timeline + frame) at many engines, in process.
  static func watch(_ options: Options, bodies: [(RecordingIndex.Row, [UInt8])], _ verdicts: Verdicts) {
    let scrapes = bodies.map { ($0.0, enlarge($0.1, copies: options.watchEngines)) }
    let mb = Double(scrapes.map(\.1.count).reduce(0, +)) / Double(scrapes.count) / 1e6
    print(
      "== watch cycle: \(options.watchEngines) engines (\(fixed(mb, 1)) MB a scrape), parse + timeline + frame, "
        + "\(scrapes.count) scrapes x 3 passes")
    var cycle: [Double] = []
    var parse: [Double] = []
    var add: [Double] = []
    var frame: [Double] = []
    for _ in 0..<3 {
      var timeline = MetricsTimeline(historyLimit: 240)
      var layout: ExpositionLayout?
      for (k, (row, body)) in scrapes.enumerated() {
        let c0 = cpuSeconds()
        let e = ExpositionParser.parse(body, layout: &layout)
        let c1 = cpuSeconds()
        timeline.add(e, epochMs: row.epochMs, seq: row.seq)
        let c2 = cpuSeconds()
        let text = WatchView.frame(timeline, status: .init(source: "bench", interval: 2), style: TextStyle(color: true))
        let c3 = cpuSeconds()
        precondition(!text.isEmpty)
        guard k > 0 else { continue }  // the first scrape of a session has no interval yet
        cycle.append(c3 - c0)
        parse.append(c1 - c0)
        add.append(c2 - c1)
        frame.append(c3 - c2)
      }
    }
    print(
      "  CPU per cycle: median \(fixed(median(cycle) * 1000, 1)) ms, max \(fixed((cycle.max() ?? 0) * 1000, 1)) ms "
        + "(parse \(fixed(median(parse) * 1000, 1)), timeline \(fixed(median(add) * 1000, 1)), "
        + "frame \(fixed(median(frame) * 1000, 1)) ms medians)")
    verdicts.check(
      median(cycle) < 0.05,
      "watch cycle at \(options.watchEngines) engines < 50 ms CPU (\(fixed(median(cycle) * 1000, 1)) ms)")
  }

  /// 5. The full cycle over HTTP from a separate process, recording included, on the real scrape.
  static func http(_ options: Options, bodies: [(RecordingIndex.Row, [UInt8])], scratch: String) async {
    let www = scratch + "/www"
    try? FileManager.default.createDirectory(atPath: www, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: www + "/metrics", contents: Data(bodies.last?.1 ?? [])) else {
      fail("cannot write \(www)/metrics")
    }
    guard let (server, port) = startServer(options, dir: www) else {
      print("== full cycle: no Python http.server; skipped")
      return
    }
    defer { server.terminate() }
    do {
      let fetcher = MetricsFetcher(endpoint: try MetricsEndpoint("127.0.0.1:\(port)"), timeout: 10)
      let writer = try RecordingWriter(directory: scratch + "/rec")
      var timeline = MetricsTimeline(historyLimit: 240)
      var layout: ExpositionLayout?
      _ = try await fetcher.fetch(waitingUpTo: 10)  // warm-up: connection set-up, first-use costs
      var full: [Double] = []
      var wall: [Double] = []
      for _ in 0..<options.httpCycles {
        let c0 = cpuSeconds()
        let w0 = monotonic()
        let s = try await fetcher.fetch()
        let row = try writer.append(body: s.body, epochMs: s.epochMs, status: "200")
        timeline.add(ExpositionParser.parse(s.body, layout: &layout), epochMs: s.epochMs, seq: row.seq)
        _ = WatchView.frame(timeline, status: .init(source: "bench", interval: 2), style: TextStyle(color: true))
        full.append(cpuSeconds() - c0)
        wall.append(monotonic() - w0)
      }
      print(
        "== full cycle, one engine, HTTP scrape + record + parse + timeline + frame (\(full.count) cycles): CPU "
          + "median \(fixed(median(full) * 1000, 3)) ms, max \(fixed((full.max() ?? 0) * 1000, 3)) ms; "
          + "wall median \(fixed(median(wall) * 1000, 3)) ms")
    } catch {
      print("== full cycle failed: \(error)")
    }
  }
}
