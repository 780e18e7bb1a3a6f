import ProfileMateCore

extension JSONWriter {
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
