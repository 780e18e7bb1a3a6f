#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The replayer that a fuzz target becomes in a plain (non-`FUZZING`) build: it runs the files named on
/// the command line (or the files in the directories named) through the target's entry point, so a crash
/// the fuzzer found can be reproduced and debugged without the sanitizers.
public enum FuzzReplay {
  /// Replays every input given in `arguments` through `exercise` and exits (2 for bad usage or an
  /// unreadable file). With `PROFILEMATE_FUZZ_VERBOSE` set, names each input on standard error first.
  public static func main(
    program: String, arguments: [String], exercise: (UnsafeRawBufferPointer) -> Void
  ) -> Never {
    if arguments.isEmpty || arguments.contains("-h") || arguments.contains("--help") {
      print("usage: \(program) FILE|DIR...  (replays inputs through the fuzz entry point)")
      exit(arguments.isEmpty ? 2 : 0)
    }
    let verbose = getenv("PROFILEMATE_FUZZ_VERBOSE") != nil
    var count = 0
    for path in arguments {
      for file in files(at: path) {
        guard let bytes = readAll(file) else {
          print("\(program): cannot read \(file)")
          exit(2)
        }
        if verbose { _ = Array("\(file)\n".utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) } }
        bytes.withUnsafeBytes { exercise($0) }
        count += 1
      }
    }
    print("replayed \(count) input(s) without a failure")
    exit(0)
  }

  /// The files in the directory `path`, sorted, or `path` itself when it is not a directory.
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

  /// The whole content of the file at `path`, or nil when it cannot be read.
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
