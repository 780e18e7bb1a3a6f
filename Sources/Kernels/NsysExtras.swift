/// The `nsys stats` reports besides the kernel tables that a file (or a bundle of several reports printed to
/// one file) holds: NVTX ranges and CUDA API calls.
public struct NsysExtras: Sendable, Equatable {
  /// NVTX ranges, longest total first.
  public var ranges: [NsysRange]
  /// CUDA API calls, longest total first.
  public var apiCalls: [NsysAPICall]

  /// Calls of `cudaGraphLaunch` (any `_v…` suffix); nil without an API summary.
  public var graphLaunches: Int? {
    apiCalls.isEmpty ? nil : apiCalls.filter { $0.name.hasPrefix("cudaGraphLaunch") }.reduce(0) { $0 + $1.calls }
  }

  /// Calls of the kernel-launch functions (`cudaLaunchKernel`, `cuLaunchKernel`, `…Ex`); nil without an API
  /// summary.
  public var kernelLaunches: Int? {
    apiCalls.isEmpty
      ? nil
      : apiCalls.filter { $0.name.hasPrefix("cudaLaunchKernel") || $0.name.hasPrefix("cuLaunchKernel") }
        .reduce(0) { $0 + $1.calls }
  }

  /// Whether there is anything to show.
  public var isEmpty: Bool { ranges.isEmpty && apiCalls.isEmpty }

  /// Whether a line is the header of an `nvtx_sum` CSV.
  static func isRangeCSVHeader(_ line: String) -> Bool {
    line.hasPrefix("Time (%),Total Time (") && line.contains(",Instances,") && line.hasSuffix(",Range")
  }

  /// Whether a line is the header of a `cuda_api_sum` CSV.
  static func isAPICSVHeader(_ line: String) -> Bool {
    line.hasPrefix("Time (%),Total Time (") && line.contains(",Num Calls,") && line.hasSuffix(",Name")
  }

  /// Whether a line is the header of an `nvtx_sum` text table.
  static func isRangeTextHeader(_ line: String) -> Bool {
    !line.contains(",") && line.contains("Time (%)") && line.contains("Total Time (") && line.contains("Instances")
      && line.trimmingSpaces.hasSuffix("Range")
  }

  /// Whether a line is the header of a `cuda_api_sum` text table.
  static func isAPITextHeader(_ line: String) -> Bool {
    !line.contains(",") && line.contains("Time (%)") && line.contains("Total Time (") && line.contains("Num Calls")
      && line.trimmingSpaces.hasSuffix("Name")
  }

  /// Whether a line is the header of any table this type reads.
  static func isHeader(_ line: String) -> Bool {
    isRangeCSVHeader(line) || isAPICSVHeader(line) || isRangeTextHeader(line) || isAPITextHeader(line)
  }

  /// The NVTX and API tables anywhere in `bytes` (CSV or text form); empty lists when absent.
  /// - Throws: ``KernelInputError`` naming the line of a value that is not a number.
  static func read(_ bytes: [UInt8]) throws -> NsysExtras {
    var ranges: [NsysRange] = []
    if let t = try NsysTable.csv(bytes, limit: .max, isHeader: isRangeCSVHeader)
      ?? NsysTable.text(bytes, limit: .max, isHeader: isRangeTextHeader)
    {
      guard let total = t.column("Total Time ("), let n = t.column("Instances"),
        let name = t.columns.lastIndex(of: "Range")
      else { throw KernelInputError("the nvtx_sum table has no Total Time, Instances or Range column") }
      let style = t.columns.firstIndex(of: "Style")
      for row in t.rows {
        let count = try number(t, row, n)
        ranges.append(
          NsysRange(
            name: row.cells[name], style: style.map { row.cells[$0] } ?? "", instances: Int(saturatingCount: count),
            totalNS: try number(t, row, total), minNS: try t.column("Min (").map { try number(t, row, $0) },
            maxNS: try t.column("Max (").map { try number(t, row, $0) }))
      }
    }
    var calls: [NsysAPICall] = []
    if let t = try NsysTable.csv(bytes, limit: .max, isHeader: isAPICSVHeader)
      ?? NsysTable.text(bytes, limit: .max, isHeader: isAPITextHeader)
    {
      guard let total = t.column("Total Time ("), let n = t.column("Num Calls"),
        let name = t.columns.lastIndex(of: "Name")
      else { throw KernelInputError("the cuda_api_sum table has no Total Time, Num Calls or Name column") }
      for row in t.rows {
        calls.append(
          NsysAPICall(
            name: row.cells[name], calls: Int(saturatingCount: try number(t, row, n)),
            totalNS: try number(t, row, total)))
      }
    }
    ranges.sort { $0.totalNS != $1.totalNS ? $0.totalNS > $1.totalNS : $0.name < $1.name }
    calls.sort { $0.totalNS != $1.totalNS ? $0.totalNS > $1.totalNS : $0.name < $1.name }
    return NsysExtras(ranges: ranges, apiCalls: calls)
  }

  private static func number(_ t: NsysTable, _ row: (line: Int, cells: [String]), _ c: Int) throws -> Double {
    guard let q = MetricQuantity.parse(row.cells[c], unit: t.unit(of: c) ?? "") else {
      throw KernelInputError("line \(row.line): \(t.columns[c]) '\(row.cells[c])' is not a number")
    }
    return q.value
  }
}
