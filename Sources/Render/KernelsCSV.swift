import Kernels
import ProfileMateCore

/// `profilemate kernels --csv DIR`: `kernels.csv` (one row per file and kernel) and `classes.csv`.
public enum KernelsCSV {
  /// The files to write: name → contents.
  public static func files(_ files: [(path: String, report: KernelReport)]) -> [(name: String, contents: String)] {
    var kernels =
      "file,source,name,class,instances,total_ns,mean_ns,time_share,dram_read_bytes,dram_write_bytes,dram_bytes,"
      + "achieved_gbps,peak_bandwidth_share,reported_dram_peak_pct,sm_pct\n"
    var classes = "file,source,class,kernels,instances,total_ns,time_share,dram_bytes\n"
    func num(_ v: Double?) -> String {
      guard let v, v.isFinite else { return "" }
      return v == v.rounded() && abs(v) < 9e15 ? String(Int64(v)) : "\(v)"
    }
    for (path, r) in files {
      let head = CSVExport.field(path) + "," + r.kind.rawValue + ","
      for k in r.kernels {
        kernels +=
          head + CSVExport.field(k.name) + ",\(k.kernelClass.rawValue),\(k.instances),\(num(k.totalNS)),"
          + "\(Format.fixed(k.meanNS, 1)),\(Format.fixed(k.timeShare, 6)),\(num(k.dramReadBytes)),"
          + "\(num(k.dramWriteBytes)),\(num(k.dramBytes)),\(k.achievedGBps.map { Format.fixed($0, 3) } ?? ""),"
          + "\(k.peakShare(of: r.gpu).map { Format.fixed($0, 4) } ?? ""),"
          + "\(k.reportedDramPeakPct.map { Format.fixed($0, 2) } ?? ""),\(k.smPct.map { Format.fixed($0, 2) } ?? "")\n"
      }
      for c in r.classes {
        classes +=
          head + "\(c.kernelClass.rawValue),\(c.kernels),\(c.instances),\(num(c.totalNS)),"
          + "\(Format.fixed(c.timeShare, 6)),\(num(c.dramBytes))\n"
      }
    }
    return [("kernels.csv", kernels), ("classes.csv", classes)]
  }
}
