import ProfileMateCore
import ReportSchema

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

  /// Writes a finding as the reports' `findings[]` element, ``ReportDocument/Finding``: `id`, `severity`,
  /// `title`, `evidence[]` (`text`, `lines`) and `recommendation` (docs/report-schema.md).
  mutating func finding(_ f: Finding) {
    encoded(nil, ReportDocument.Finding(f))
  }
}
