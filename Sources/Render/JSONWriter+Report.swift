import ProfileMateCore

extension JSONWriter {
  /// Opens a report object with the members every report starts with: `schema_version` and
  /// `generator.{name, version}` (docs/report-schema.md).
  mutating func beginReport(schemaVersion: Int, toolVersion: String) {
    beginObject()
    int("schema_version", schemaVersion)
    beginObject("generator")
    string("name", "profilemate")
    string("version", toolVersion)
    endObject()
  }

  /// Writes a finding as the reports' `findings[]` element: `id`, `severity`, `title`, `evidence[]` (`text`,
  /// `lines`) and `recommendation` (docs/report-schema.md).
  mutating func finding(_ f: Finding) {
    beginObject()
    string("id", f.id)
    string("severity", f.severity.rawValue)
    string("title", f.title)
    beginArray("evidence")
    for e in f.evidence {
      beginObject()
      string("text", e.text)
      ints("lines", e.lines)
      endObject()
    }
    endArray()
    string("recommendation", f.recommendation)
    endObject()
  }
}
