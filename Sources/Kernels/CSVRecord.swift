/// One record of a CSV file: its fields and the 1-based line it starts on.
public struct CSVRecord: Sendable, Equatable {
  /// The 1-based line number of the record's first byte.
  public var line: Int
  /// The fields, unquoted (`""` inside quotes read as one `"`).
  public var fields: [String]

  /// Creates a record.
  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }

  /// The field at `index`, or the empty string past the end (Nsight rows may omit trailing empty fields).
  public subscript(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
}
