#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process in its own process group, its standard output and error going to a file, stopped as a
/// group (SIGTERM, a bounded wait, then SIGKILL).
final class ChildProcess {
  let pid: pid_t
  private var status: Int32?

  private init(pid: pid_t) { self.pid = pid }

  /// Starts `argv` (the first element looked up in PATH) with the environment plus `env`.
  static func spawn(_ argv: [String], env: [String: String], output: String) throws(ExperimentError) -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var environment: [String: String] = [:]
    var e = environ
    while let entry = e.pointee {
      let s = String(cString: entry)
      if let eq = s.firstIndex(of: "=") { environment[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
      e += 1
    }
    for (k, v) in env { environment[k] = v }
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in cArgs { free(p) }
      for p in cEnv { free(p) }
    }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
    guard rc == 0 else {
      throw ExperimentError("cannot start \(argv[0]): \(String(cString: strerror(rc)))")
    }
    return ChildProcess(pid: pid)
  }

  /// The exit status (128 + signal when killed) once it has exited; nil while it runs.
  func exitStatus() -> Int32? {
    if let status { return status }
    var raw: Int32 = 0
    let r = waitpid(pid, &raw, WNOHANG)
    guard r == pid else { return nil }
    let signal = raw & 0x7F
    status = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    return status
  }

  /// Waits up to `seconds` for it to exit; its status, or nil when it still runs.
  func wait(seconds: Double, interrupted: () -> Bool = { false }) -> Int32? {
    let deadline = Self.now() + seconds
    while Self.now() < deadline {
      if let s = exitStatus() { return s }
      if interrupted() { return nil }
      usleep(50_000)
    }
    return exitStatus()
  }

  /// Sends `signal` to its process group, waits up to `grace` seconds, then SIGKILLs the group.
  @discardableResult
  func stop(signal: Int32 = SIGTERM, grace: Double = 30) -> Int32 {
    if let s = exitStatus() {
      kill(-pid, SIGKILL)  // leftovers of the group, if any
      return s
    }
    kill(-pid, signal)
    if let s = wait(seconds: grace) {
      kill(-pid, SIGKILL)
      return s
    }
    kill(-pid, SIGKILL)
    return wait(seconds: 10) ?? 137
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
