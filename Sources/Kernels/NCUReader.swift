/// Reads Nsight Compute CSV exports in both layouts `ncu --csv` writes: one row per (launch, metric)
/// (`--metrics …` or `--page details`, with sections and rule rows) and one row per launch with a units row
/// (`--page raw`). `==PROF==` lines and other chatter before the header are skipped.
public enum NCUReader {
  /// The identity columns of a launch; every other column of a raw-page file is a metric.
  static let identityColumns: Set<String> = [
    "ID", "Process ID", "Process Name", "Host Name", "Kernel Name", "Kernel Time", "Context", "Stream",
    "Block Size", "Grid Size", "Device", "CC", "Section Name", "Function Name", "Demangled Name", "Mangled Name",
  ]

  /// Whether a line is the header of an Nsight Compute CSV.
  static func isHeader(_ line: String) -> Bool {
    line.hasPrefix("\"ID\",") && line.contains("\"Kernel Name\"")
  }

  /// Reads a report.
  /// - Throws: ``KernelInputError`` naming the line for a missing header, column or launch.
  public static func read(_ bytes: [UInt8]) throws -> NCUReport {
    guard let header = TextLines.firstLine(in: bytes, where: isHeader) else {
      throw KernelInputError("no Nsight Compute header (a line starting \"ID\",…,\"Kernel Name\")")
    }
    let records = try CSVParser.records(bytes, start: header.offset, firstLine: header.line)
    guard let head = records.first else { throw KernelInputError("line \(header.line): empty header") }
    let columns = head.fields
    return columns.contains("Metric Name")
      ? try readMetricRows(columns: columns, records: records.dropFirst())
      : try readRawPage(columns: columns, records: records.dropFirst(), headerLine: head.line)
  }

  private static func index(_ name: String, in columns: [String], line: Int) throws -> Int {
    guard let i = columns.firstIndex(of: name) else {
      throw KernelInputError("line \(line): the header has no \"\(name)\" column")
    }
    return i
  }

  private static func readMetricRows(columns: [String], records: ArraySlice<CSVRecord>) throws -> NCUReport {
    let headLine = (records.first?.line ?? 2) - 1
    let id = try index("ID", in: columns, line: headLine)
    let kernel = try index("Kernel Name", in: columns, line: headLine)
    let metric = try index("Metric Name", in: columns, line: headLine)
    let value = try index("Metric Value", in: columns, line: headLine)
    let unit = columns.firstIndex(of: "Metric Unit")
    let section = columns.firstIndex(of: "Section Name")
    let process = columns.firstIndex(of: "Process ID")
    let device = columns.firstIndex(of: "Device")
    let cc = columns.firstIndex(of: "CC")
    let ruleName = columns.firstIndex(of: "Rule Name")
    let ruleType = columns.firstIndex(of: "Rule Type")
    let ruleText = columns.firstIndex(of: "Rule Description")
    let speedup = columns.firstIndex(of: "Estimated Speedup")
    var launches: [NCULaunch] = []
    var position: [String: Int] = [:]
    var sections: [String] = []
    for r in records {
      guard r.fields.count > kernel else {
        throw KernelInputError("line \(r.line): \(r.fields.count) fields, expected \(columns.count)")
      }
      let key = (process.map { r[$0] } ?? "") + "\u{1F}" + r[id]
      let at: Int
      if let p = position[key] {
        at = p
      } else {
        at = launches.count
        position[key] = at
        launches.append(
          NCULaunch(
            id: r[id], kernel: r[kernel], device: device.map { r[$0] }, computeCapability: cc.map { r[$0] },
            line: r.line))
      }
      let sectionName = section.map { r[$0] } ?? ""
      if !sectionName.isEmpty && !sections.contains(sectionName) { sections.append(sectionName) }
      let name = r[metric]
      if !name.isEmpty && launches[at].metrics[name] == nil {
        launches[at].metrics[name] = NCUMetric(
          section: sectionName, unit: unit.map { r[$0] } ?? "", text: r[value], line: r.line)
      }
      if let ruleName, !r[ruleName].isEmpty {
        let rule = NCURule(
          name: r[ruleName], type: ruleType.map { r[$0] } ?? "", text: ruleText.map { r[$0] } ?? "",
          estimatedSpeedupPct: speedup.flatMap { DecimalText(r[$0])?.times(1, over: 1) })
        if !launches[at].rules.contains(rule) { launches[at].rules.append(rule) }
      }
    }
    guard !launches.isEmpty else { throw KernelInputError("line \(headLine): a header but no launches") }
    return NCUReport(layout: .metricRows, launches: launches, sections: sections)
  }

  private static func readRawPage(
    columns: [String], records: ArraySlice<CSVRecord>, headerLine: Int
  ) throws
    -> NCUReport
  {
    let id = try index("ID", in: columns, line: headerLine)
    let kernel = try index("Kernel Name", in: columns, line: headerLine)
    let device = columns.firstIndex(of: "Device")
    let cc = columns.firstIndex(of: "CC")
    var rows = records
    // The units row: the identity columns are empty, metric columns hold units.
    var units = [String](repeating: "", count: columns.count)
    if let first = rows.first, first[id].isEmpty, first[kernel].isEmpty {
      for (i, u) in first.fields.enumerated() where i < units.count { units[i] = u }
      rows = rows.dropFirst()
    }
    let metricColumns = columns.indices.filter { !identityColumns.contains(columns[$0]) && !columns[$0].isEmpty }
    var launches: [NCULaunch] = []
    for r in rows {
      guard r.fields.count > kernel, !r[id].isEmpty else {
        throw KernelInputError("line \(r.line): expected a launch row (ID, …, Kernel Name, metrics)")
      }
      var launch = NCULaunch(
        id: r[id], kernel: r[kernel], device: device.map { r[$0] }, computeCapability: cc.map { r[$0] }, line: r.line)
      for c in metricColumns where c < r.fields.count {
        launch.metrics[columns[c]] = NCUMetric(section: "", unit: units[c], text: r[c], line: r.line)
      }
      launches.append(launch)
    }
    guard !launches.isEmpty else { throw KernelInputError("line \(headerLine): a header but no launches") }
    return NCUReport(layout: .rawPage, launches: launches, sections: [])
  }
}
