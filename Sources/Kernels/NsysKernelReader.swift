/// Reads `nsys stats --report cuda_gpu_kern_sum` (CSV or text) and `cuda_gpu_trace` (CSV or text) into
/// kernel measurements.
public enum NsysKernelReader {
  /// Whether a line is the header of a `cuda_gpu_kern_sum` CSV.
  static func isKernelSummaryCSVHeader(_ line: String) -> Bool {
    line.hasPrefix("Time (%),Total Time (") && line.contains(",Instances,") && line.hasSuffix(",Name")
  }

  /// Whether a line is the header of a `cuda_gpu_kern_sum` text table.
  static func isKernelSummaryTextHeader(_ line: String) -> Bool {
    !line.contains(",") && line.contains("Time (%)") && line.contains("Total Time (") && line.contains("Instances")
      && line.trimmingSpaces.hasSuffix("Name")
  }

  /// Whether a line is the header of a `cuda_gpu_trace` CSV.
  static func isTraceCSVHeader(_ line: String) -> Bool {
    line.hasPrefix("Start (") && line.contains(",Duration (") && line.contains("Name")
  }

  /// Whether a line is the header of a `cuda_gpu_trace` text table.
  static func isTraceTextHeader(_ line: String) -> Bool {
    !line.contains(",") && line.trimmingSpaces.hasPrefix("Start (") && line.contains("Duration (")
      && line.trimmingSpaces.hasSuffix("Name")
  }

  /// The rows of a `cuda_gpu_kern_sum` table, one measurement per kernel name.
  /// - Throws: ``KernelInputError`` naming the line and column of a value that is not a number.
  public static func kernelSummary(_ table: NsysTable) throws -> [KernelMeasurement] {
    guard let total = table.column("Total Time ("), let instances = table.column("Instances"),
      let name = table.columns.lastIndex(of: "Name")
    else {
      throw KernelInputError("the table has no Total Time, Instances or Name column (cuda_gpu_kern_sum expected)")
    }
    let minimum = table.column("Min (")
    let maximum = table.column("Max (")
    var out: [KernelMeasurement] = []
    for row in table.rows {
      func number(_ c: Int) throws -> Double {
        guard let q = MetricQuantity.parse(row.cells[c], unit: table.unit(of: c) ?? "") else {
          throw KernelInputError("line \(row.line): \(table.columns[c]) '\(row.cells[c])' is not a number")
        }
        return q.value
      }
      let n = try number(instances)
      guard n >= 0, n == n.rounded(), n < 1e15 else {
        throw KernelInputError("line \(row.line): Instances '\(row.cells[instances])' is not a whole count")
      }
      out.append(
        KernelMeasurement(
          name: row.cells[name], instances: Int(n), totalNS: try number(total),
          minNS: try minimum.map(number), maxNS: try maximum.map(number), line: row.line))
    }
    return out
  }

  /// The GPU activities of a `cuda_gpu_trace` table: kernels as measurements (one per launch), and every
  /// activity's interval (kernels and memory operations) for the idle-gap analysis.
  /// - Throws: ``KernelInputError`` naming the line of a row whose start or duration is not a number.
  public static func gpuTrace(_ table: NsysTable) throws -> (kernels: [KernelMeasurement], intervals: [GPUInterval]) {
    guard let start = table.column("Start ("), let duration = table.column("Duration ("),
      let name = table.columns.lastIndex(of: "Name")
    else { throw KernelInputError("the table has no Start, Duration or Name column (cuda_gpu_trace expected)") }
    let device = table.column("Device")
    let stream = table.column("Strm")
    var kernels: [KernelMeasurement] = []
    var intervals: [GPUInterval] = []
    for row in table.rows {
      guard let s = MetricQuantity.parse(row.cells[start], unit: table.unit(of: start) ?? "ns"),
        let d = MetricQuantity.parse(row.cells[duration], unit: table.unit(of: duration) ?? "ns")
      else { throw KernelInputError("line \(row.line): Start or Duration is not a number") }
      let label = row.cells[name]
      intervals.append(
        GPUInterval(
          startNS: s.value, durationNS: d.value, device: device.map { row.cells[$0] } ?? "",
          stream: stream.map { row.cells[$0] } ?? "", name: label))
      // Memory operations are printed in brackets: [CUDA memcpy Host-to-Device], [CUDA memset].
      kernels.append(
        KernelMeasurement(name: label, instances: 1, totalNS: d.value, minNS: d.value, maxNS: d.value, line: row.line))
    }
    return (kernels, intervals)
  }
}
