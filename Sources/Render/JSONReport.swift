import ProfileMateCore
import ReportSchema

/// The `analyze --json` document; its schema is ``ReportDocument`` and is documented in `docs/report-schema.md`.
public enum JSONReport {
  /// The schema version; bumped when a field changes meaning or is removed.
  public static let schemaVersion = ReportDocument.currentSchemaVersion

  /// Renders the analysis as JSON (pretty-printed unless `pretty` is false) with a trailing newline. Figures
  /// have full precision.
  public static func render(_ a: RunAnalysis, toolVersion: String, pretty: Bool = true) -> String {
    ReportText.encode(ReportDocument(a, toolVersion: toolVersion), pretty: pretty) + "\n"
  }
}
