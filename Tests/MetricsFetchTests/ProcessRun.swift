import Foundation

/// Runs a program to its end (tests only), collecting standard output and error; optionally sends SIGINT
/// once standard output contains a given text. A watchdog terminates it after `timeout` seconds.
struct ProcessRun {
  var stdout: String
  var stderr: String
  var status: Int32
  var timedOut: Bool

  final class Collector: @unchecked Sendable {
    let lock = NSLock()
    var out = Data()
    var err = Data()
    var interrupted = false
  }

  static func run(
    _ executable: String, _ arguments: [String], interruptWhen marker: String? = nil,
    timeout: Double = 120
  ) throws -> ProcessRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = FileHandle.nullDevice
    let c = Collector()
    outPipe.fileHandleForReading.readabilityHandler = { h in
      let d = h.availableData
      c.lock.lock()
      c.out.append(d)
      let send = marker.map { !c.interrupted && String(decoding: c.out, as: UTF8.self).contains($0) } ?? false
      if send { c.interrupted = true }
      c.lock.unlock()
      if send { process.interrupt() }
    }
    errPipe.fileHandleForReading.readabilityHandler = { h in
      let d = h.availableData
      c.lock.lock()
      c.err.append(d)
      c.lock.unlock()
    }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
      if Date() > deadline {
        timedOut = true
        process.terminate()
        break
      }
      usleep(20_000)
    }
    process.waitUntilExit()
    outPipe.fileHandleForReading.readabilityHandler = nil
    errPipe.fileHandleForReading.readabilityHandler = nil
    let restOut = outPipe.fileHandleForReading.readDataToEndOfFile()
    let restErr = errPipe.fileHandleForReading.readDataToEndOfFile()
    c.lock.lock()
    defer { c.lock.unlock() }
    return ProcessRun(
      stdout: String(decoding: c.out + restOut, as: UTF8.self),
      stderr: String(decoding: c.err + restErr, as: UTF8.self),
      status: process.terminationStatus, timedOut: timedOut)
  }
}
