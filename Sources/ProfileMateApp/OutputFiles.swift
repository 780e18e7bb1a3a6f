import ProfileMateIO

/// Where commands' outputs go: a file written atomically, or standard output; a folder of files.
public enum OutputFiles {
  /// Writes `text` to `output` atomically, or to standard output.
  /// - Throws: ``InputError`` (exit 2) naming the file.
  public static func emit(_ text: String, to output: String?) throws {
    if let output {
      try AtomicFile.write(text, to: output)
    } else {
      print(text, terminator: "")
    }
  }

  /// Creates `directory` and writes each file into it atomically.
  public static func write(_ files: [(name: String, contents: String)], into directory: String) throws {
    try AtomicFile.makeDirectory(directory)
    for file in files {
      try AtomicFile.write(file.contents, to: directory + "/" + file.name)
    }
  }
}
