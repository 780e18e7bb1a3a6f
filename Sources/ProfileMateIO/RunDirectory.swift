#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files of a run directory, found by name: what `scripts/record-vllm-cpu` leaves, and the layout of the
/// vllm-cpu fixtures. Only `server.log` (or one other log) is required; every other part is optional.
public struct RunDirectory: Sendable, Equatable {
  /// The directory, without a trailing slash.
  public var path: String
  /// The server log: `server.log`, `server.log.gz`, else the only `*.log` / `*.log.gz`.
  public var log: String
  /// A scrape recording: `metrics/` holding `index.tsv`.
  public var recording: String?
  /// A scrape taken before the load: `metrics-before-load.prom` or `before.prom`.
  public var beforeScrape: String?
  /// A scrape taken after the load: `metrics-after-load.prom` or `after.prom`.
  public var afterScrape: String?
  /// The benchmark result: `bench.json`, `bench-result.json` or `benchmark.json`.
  public var benchmark: String?
  /// The model's `config.json`.
  public var config: String?
  /// The recorder's `run.json`.
  public var runInfo: String?

  /// Log names tried first, in order.
  public static let logNames = ["server.log", "server.log.gz"]
  /// Benchmark names tried, in order.
  public static let benchmarkNames = ["bench.json", "bench-result.json", "benchmark.json"]

  /// Whether `path` names a directory.
  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// Finds the parts of the run directory `path`.
  /// - Throws: ``InputError`` when it cannot be listed or holds no server log.
  public init(path: String) throws {
    var dir = path
    while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
    guard let names = Self.list(dir) else {
      throw InputError("\(path): cannot list the directory (expected a run directory)")
    }
    func first(_ candidates: [String]) -> String? {
      candidates.first { names.contains($0) }.map { dir + "/" + $0 }
    }
    let logs = names.filter { $0.hasSuffix(".log") || $0.hasSuffix(".log.gz") }
    guard let log = first(Self.logNames) ?? (logs.count == 1 ? dir + "/" + logs[0] : nil) else {
      let why =
        logs.isEmpty ? "no server.log" : "no server.log and several *.log files (\(logs.joined(separator: ", ")))"
      throw InputError("\(path): \(why); expected a run directory with server.log (and metrics/, bench.json)")
    }
    self.path = dir
    self.log = log
    var st = stat()
    if names.contains("metrics") && stat(dir + "/metrics/index.tsv", &st) == 0 { recording = dir + "/metrics" }
    beforeScrape = first(["metrics-before-load.prom", "before.prom"])
    afterScrape = first(["metrics-after-load.prom", "after.prom"])
    benchmark = first(Self.benchmarkNames)
    config = first(["config.json"])
    runInfo = first(["run.json"])
  }

  /// `file` relative to the directory, for reports.
  public func relative(_ file: String) -> String {
    file.hasPrefix(path + "/") ? String(file.dropFirst(path.count + 1)) : file
  }

  static func list(_ path: String) -> [String]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }
}
