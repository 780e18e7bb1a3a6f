/// Names what a file is from its first bytes.
public enum KernelFileDetector {
  /// The kind of the file whose first bytes (a few KiB are enough) are `head`.
  /// - Throws: ``KernelInputError`` listing every kind it can read when the file is none of them.
  public static func detect(_ head: [UInt8]) throws -> KernelSourceKind {
    var i = 0
    if head.count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF { i = 3 }
    while i < head.count,
      head[i] == UInt8(ascii: " ") || head[i] == UInt8(ascii: "\n")
        || head[i] == UInt8(ascii: "\r") || head[i] == UInt8(ascii: "\t")
    {
      i += 1
    }
    if i < head.count, head[i] == UInt8(ascii: "{") || head[i] == UInt8(ascii: "[") {
      let text = String(decoding: head.prefix(1 << 16), as: UTF8.self)
      if text.contains("\"traceEvents\"") || text.contains("\"ph\"") { return .torchTrace }
      throw unrecognised("JSON without \"traceEvents\" (not a Chrome trace)")
    }
    let bytes = Array(head.prefix(1 << 16))
    if TextLines.firstLine(in: bytes, where: NCUReader.isHeader) != nil {
      if let h = TextLines.firstLine(in: bytes, where: NCUReader.isHeader),
        let line = TextLines.lines(bytes, from: h.offset, firstLine: h.line).first,
        line.text.contains("\"Metric Name\"")
      {
        return .ncuMetricRows
      }
      return .ncuRawPage
    }
    if TextLines.firstLine(in: bytes, where: NsysKernelReader.isKernelSummaryCSVHeader) != nil {
      return .nsysKernelSummaryCSV
    }
    if TextLines.firstLine(in: bytes, where: NsysKernelReader.isTraceCSVHeader) != nil { return .nsysGPUTraceCSV }
    if TextLines.firstLine(in: bytes, where: NsysKernelReader.isKernelSummaryTextHeader) != nil {
      return .nsysKernelSummaryText
    }
    if TextLines.firstLine(in: bytes, where: NsysKernelReader.isTraceTextHeader) != nil { return .nsysGPUTraceText }
    if TextLines.firstLine(in: bytes, where: NsysExtras.isHeader)
      != nil
    {
      return .nsysStats
    }
    let first =
      TextLines.firstLine(in: bytes, limit: 50) { !$0.trimmingSpaces.isEmpty }
      .flatMap { TextLines.lines(bytes, from: $0.offset, firstLine: $0.line).first?.text } ?? ""
    return try { throw unrecognised(first.isEmpty ? "the file is empty" : "it starts '\(first.prefix(80))'") }()
  }

  private static func unrecognised(_ what: String) -> KernelInputError {
    KernelInputError(
      "not a kernel file ProfileMate reads: \(what); expected one of: "
        + KernelSourceKind.allCases.map(\.description).joined(separator: "; "))
  }
}
