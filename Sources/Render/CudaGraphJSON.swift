import ProfileMateCore
import ReportSchema

/// The JSON of ``CudaGraphEconomics``: the `cudagraph_economics` member of the report and the body of
/// `profilemate cudagraph --json` (docs/cudagraph.md). The schema is ``ReportDocument/CudaGraphEconomics``.
public enum CudaGraphJSON {
  /// The `profilemate cudagraph --json` document.
  public static func render(
    _ e: CudaGraphEconomics, tables: CudaGraphAnalysis?, source: String, toolVersion: String
  ) -> String {
    ReportText.encode(CudaGraphDocument(e, tables: tables, source: source, toolVersion: toolVersion), pretty: true)
      + "\n"
  }

  /// Writes `key` as the economics object, or `null`.
  public static func write(_ w: inout JSONWriter, _ key: String, _ e: CudaGraphEconomics?, tables: CudaGraphAnalysis?) {
    w.encoded(key, e.map { ReportDocument.CudaGraphEconomics($0, tables: tables) })
  }
}
