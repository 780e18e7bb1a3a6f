import LoadGen
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sends a ``LoadPlan`` open-loop on one SwiftNIO event loop: each request starts when it is due (or, under
/// `--max-concurrency`, when a slot frees), on an idle keep-alive connection or a new one, and its response
/// is streamed and timed as the bytes arrive.
public enum LoadRunner {
  /// Progress while running.
  public struct Progress: Sendable {
    /// Requests started.
    public var started: Int
    /// Requests finished (either way).
    public var finished: Int
    /// Requests in all.
    public var total: Int
    /// Seconds since the start.
    public var elapsed: Double
  }

  /// The outcome: one record per request, the monotonic start and end of the benchmark, client CPU seconds.
  public struct Result: Sendable {
    /// One record per request, in plan order.
    public var records: [RequestRecord]
    /// Benchmark start (monotonic seconds).
    public var start: Double
    /// Benchmark end.
    public var end: Double
    /// Client CPU (user + system) seconds during the run.
    public var cpuSeconds: Double
  }

  /// Monotonic seconds.
  public static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  static func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec)
      + Double(u.ru_stime.tv_usec) / 1e6
  }

  /// Runs the plan to completion (bounded by `plan.timeout`).
  /// - Throws: ``LoadError`` for a non-loopback host or a plan whose offsets do not match its requests.
  public static func run(
    _ plan: LoadPlan, progress: (@Sendable (Progress) -> Void)? = nil
  ) async throws(LoadError)
    -> Result
  {
    guard ["127.0.0.1", "::1", "localhost"].contains(plan.host) else {
      throw LoadError("--base-url must name a loopback host (127.0.0.1, ::1 or localhost), got \(plan.host)")
    }
    guard plan.offsets.count == plan.requests.count else { throw LoadError("internal: offsets do not match requests") }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let loop = group.next()
    let bodies = plan.requests.indices.map { plan.body($0) }
    let cpu0 = cpuSeconds()
    let run = try? await loop.submit { RunState(plan: plan, bodies: bodies, loop: loop, progress: progress) }.get()
    guard let run else {
      try? await group.shutdownGracefully()
      throw LoadError("the client's event loop did not start")
    }
    let done = try? await loop.flatSubmit { run.begin() }.get()
    let cpu = cpuSeconds() - cpu0
    try? await group.shutdownGracefully()
    guard let done else { throw LoadError("the run was interrupted") }
    return Result(records: done.records, start: done.start, end: done.end, cpuSeconds: cpu)
  }
}
