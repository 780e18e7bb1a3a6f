import ReportSchema

/// The JSON text of a report document.
enum ReportText {
  /// `value` as JSON, starting at indentation level `depth`. The report encoder throws only when a value's
  /// own `encode(to:)` does, and the report's types never do.
  static func encode<T: Encodable>(_ value: T, pretty: Bool, depth: Int = 0) -> String {
    do {
      return try ReportJSONEncoder(pretty: pretty).encode(value, depth: depth)
    } catch {
      preconditionFailure("the report document could not be encoded: \(error)")
    }
  }
}
