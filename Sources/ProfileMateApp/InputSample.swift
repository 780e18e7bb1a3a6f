/// What the input detector looks at: the first bytes of a file (decompressed), or a directory's entries.
public struct InputSample: Sendable, Equatable {
  /// The first bytes of a file (after gzip decompression); empty for a directory.
  public var head: [UInt8]
  /// Whether ``head`` is the whole file.
  public var complete: Bool
  /// A directory's entry names; nil for a file. `metrics/index.tsv` is listed as such when present.
  public var entries: [String]?

  /// A file's sample.
  public init(head: [UInt8], complete: Bool) {
    self.head = head
    self.complete = complete
    entries = nil
  }

  /// A directory's sample.
  public init(entries: [String]) {
    head = []
    complete = true
    self.entries = entries
  }
}
