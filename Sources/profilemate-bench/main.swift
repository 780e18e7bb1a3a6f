// profilemate-bench: the release-mode parsing benchmark (run on demand via scripts/bench).
//
// Builds a large log by repeating the real fixture logs, then times `profilemate analyze --json`
// and `grep -c 'Iteration('` on the same file in the same run (grep's output is captured, not sent
// to /dev/null, so that it really reads the whole file), and measures how peak memory grows with
// the file: the same command on a file half the size gives bytes of memory per extra step.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Measurement {
  var seconds: Double
  var peakRSSKiB: Int
  var output: String
}

func fail(_ message: String) -> Never {
  let text = Array("profilemate-bench: \(message)\n".utf8)
  _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  exit(2)
}

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `argv`, capturing standard output (or discarding it), and returns time, peak RSS and output.
func run(_ argv: [String], captureOutput: Bool) -> Measurement {
  var pipeFds: [Int32] = [-1, -1]
  if captureOutput { guard pipe(&pipeFds) == 0 else { fail("pipe failed") } }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  if captureOutput {
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeFds[0])
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  }
  let cArgs = argv.map { strdup($0) } + [nil]
  defer { cArgs.forEach { free($0) } }
  var pid: pid_t = 0
  let start = now()
  let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
  posix_spawn_file_actions_destroy(&actions)
  guard rc == 0 else { fail("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
  var output = [UInt8]()
  if captureOutput {
    close(pipeFds[1])
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = read(pipeFds[0], &buffer, buffer.count)
      if n <= 0 { break }
      output.append(contentsOf: buffer[0..<n])
    }
    close(pipeFds[0])
  }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let elapsed = now() - start
  if status != 0 { fail("\(argv.joined(separator: " ")) exited with status \(status)") }
  return Measurement(
    seconds: elapsed, peakRSSKiB: Int(usage.ru_maxrss), output: String(decoding: output, as: UTF8.self))
}

/// Writes `path` of at least `bytes` bytes by repeating `sources` in order.
func buildCorpus(_ path: String, bytes: Int, sources: [String]) {
  if let f = fopen(path, "rb") {
    fseek(f, 0, SEEK_END)
    let size = ftell(f)
    fclose(f)
    if size >= bytes { return }
  }
  var contents: [[UInt8]] = []
  for source in sources {
    guard let f = fopen(source, "rb") else { fail("cannot read fixture \(source)") }
    fseek(f, 0, SEEK_END)
    let size = ftell(f)
    fseek(f, 0, SEEK_SET)
    var data = [UInt8](repeating: 0, count: size)
    _ = fread(&data, 1, size, f)
    fclose(f)
    contents.append(data)
  }
  guard let out = fopen(path + ".tmp", "wb") else { fail("cannot write \(path)") }
  var written = 0
  while written < bytes {
    for data in contents {
      written += fwrite(data, 1, data.count, out)
    }
  }
  fclose(out)
  rename(path + ".tmp", path)
}

var sizeMB = 512
var runs = 3
var work = "/tmp/profilemate-bench"
var profilemate = ".build/release/profilemate"
var fixtures = "../shared/fixtures"
var arguments = CommandLine.arguments.dropFirst()
while let arg = arguments.popFirst() {
  switch arg {
  case "--size-mb": sizeMB = Int(arguments.popFirst() ?? "") ?? sizeMB
  case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
  case "--work": work = arguments.popFirst() ?? work
  case "--profilemate": profilemate = arguments.popFirst() ?? profilemate
  case "--fixtures": fixtures = arguments.popFirst() ?? fixtures
  case "-h", "--help":
    print("usage: profilemate-bench [--size-mb 512] [--runs 3] [--work DIR] [--profilemate PATH] [--fixtures DIR]")
    exit(0)
  default: fail("unknown argument \(arg)")
  }
}

let sources = [
  "real/logs/v1-0.15.0-gpt-oss-120b-tp4-iteration-details-ansi-profilemate.full.log",
  "vllm-cpu/run1-info-2048/server.log",
  "vllm-cpu/run3-debug-color-2048/server.log",
  "real/logs/v0-fork-0.6.3-llama2-13b-max-num-seqs128-bsc-server_out.log",
  "real/logs/v1-0.10.1.1-gpt-oss-120b-tp4-ray-multinode-ansi-dennislee22.log",
].map { fixtures + "/" + $0 }
mkdir(work, 0o755)
let big = "\(work)/bench-\(sizeMB)mb.log"
let half = "\(work)/bench-\(sizeMB / 2)mb.log"
buildCorpus(big, bytes: sizeMB << 20, sources: sources)
buildCorpus(half, bytes: (sizeMB / 2) << 20, sources: sources)

func fileSize(_ path: String) -> Int {
  var st = stat()
  return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

/// Runs the commands in turn, `runs` times over, so that a busy machine slows all of them alike,
/// and keeps each command's fastest run.
func bestInterleaved(_ commands: [(argv: [String], capture: Bool)], runs: Int) -> [Measurement] {
  var best: [Measurement?] = Array(repeating: nil, count: commands.count)
  for _ in 0..<runs {
    for (i, c) in commands.enumerated() {
      let m = run(c.argv, captureOutput: c.capture)
      if best[i] == nil || m.seconds < best[i]!.seconds { best[i] = m }
    }
  }
  return best.map { $0! }
}

/// The 1-minute load average, to judge how busy the machine was.
func loadAverage() -> String {
  guard let f = fopen("/proc/loadavg", "r") else { return "unknown" }
  defer { fclose(f) }
  var buffer = [CChar](repeating: 0, count: 64)
  guard fgets(&buffer, 64, f) != nil else { return "unknown" }
  let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  return String(text.split(separator: " ").first ?? "unknown")
}

let bytes = Double(fileSize(big))
let load = loadAverage()
let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
let measured = bestInterleaved(
  [
    (["grep", "-c", "Iteration(", big], true),
    ([profilemate, "analyze", "--json", "-q", big], false),
    ([profilemate, "analyze", "--json", "-q", "--threads", "1", big], false),
    ([profilemate, "analyze", "--json", "-q", "--threads", "1", half], false),
  ], runs: runs)
let (grep, analyze, analyzeOne, analyzeHalf) = (measured[0], measured[1], measured[2], measured[3])
let grepHalf = run(["grep", "-c", "Iteration(", half], captureOutput: true)
let steps = Int(grep.output.split(separator: "\n").first ?? "") ?? 0
let stepsHalf = Int(grepHalf.output.split(separator: "\n").first ?? "") ?? 0

func mbps(_ seconds: Double) -> String { String(Int((bytes / 1e6 / seconds).rounded())) }
func fixed(_ x: Double, _ d: Int) -> String {
  var scale = 1.0
  for _ in 0..<d { scale *= 10 }
  let v = (x * scale).rounded() / scale
  return "\(v)"
}

print("file: \(big) (\(Int(bytes / 1e6)) MB, \(steps) iteration lines); best of \(runs) interleaved runs")
print("machine: \(cores) processors, load average \(load) at the start")
print(
  "grep -c 'Iteration(':                   \(fixed(grep.seconds, 3)) s  \(mbps(grep.seconds)) MB/s  (counted \(steps))")
print("profilemate analyze --json (\(cores) threads): \(fixed(analyze.seconds, 3)) s  \(mbps(analyze.seconds)) MB/s")
print("profilemate analyze --json (1 thread):  \(fixed(analyzeOne.seconds, 3)) s  \(mbps(analyzeOne.seconds)) MB/s")
print(
  "throughput ratio to grep: \(fixed(grep.seconds / analyze.seconds, 3)) (\(cores) threads), "
    + "\(fixed(grep.seconds / analyzeOne.seconds, 3)) (1 thread); target ≥ 0.5")
let deltaKiB = analyzeOne.peakRSSKiB - analyzeHalf.peakRSSKiB
let deltaSteps = steps - stepsHalf
print(
  "peak RSS (1 thread): \(analyzeOne.peakRSSKiB / 1024) MiB on \(Int(bytes / 1e6)) MB, "
    + "\(analyzeHalf.peakRSSKiB / 1024) MiB on half; \(analyze.peakRSSKiB / 1024) MiB with \(cores) threads")
if deltaSteps > 0 {
  print(
    "memory growth: \(fixed(Double(deltaKiB) * 1024 / Double(deltaSteps), 1)) bytes per extra step "
      + "(a step record is 16 bytes)")
}
