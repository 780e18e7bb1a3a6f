/// The registry and the threshold table written out for people and scripts: `profilemate rules` (text and
/// JSON) and the generated tables of docs/findings.md. Pure: it returns strings.
public enum RuleCatalog {
  /// A threshold's default as written in lists (`20`, `0.5`, `1000`).
  public static func value(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }

  /// The severities a rule can give, as a range (`info–warning`, `critical`).
  public static func severityRange(_ r: RuleInfo) -> String {
    guard let low = r.severities.min(), let high = r.severities.max() else { return "" }
    return low == high ? low.rawValue : "\(low.rawValue)–\(high.rawValue)"
  }

  /// `name=default unit` for each threshold a rule reads.
  static func thresholdList(_ r: RuleInfo) -> String {
    r.thresholds.map { name in
      guard let t = FindingThresholds.threshold(named: name) else { return name }
      return "\(name)=\(value(t.defaultValue))" + (t.unit == .percent ? "%" : "")
    }.joined(separator: ", ")
  }

  /// The ids of the rules that read a threshold.
  public static func rules(reading threshold: String) -> [String] {
    FindingRegistry.infos.filter { $0.thresholds.contains(threshold) }.map(\.id)
  }

  /// The text listing: one block per rule, then the thresholds.
  public static func text() -> String {
    var out = "Finding rules (\(FindingRegistry.rules.count)), in the order findings of one severity are listed:\n\n"
    for r in FindingRegistry.infos {
      out +=
        "\(r.id)  [\(r.area.rawValue); \(severityRange(r)); \(r.sources.map(\.rawValue).joined(separator: ", "))]\n"
      out += "  \(r.summary)\n"
      if !r.thresholds.isEmpty { out += "  thresholds: \(thresholdList(r))\n" }
    }
    out += "\nThresholds (change one with --threshold NAME=VALUE):\n\n"
    let width = FindingThresholds.all.map(\.name.count).max() ?? 0
    for t in FindingThresholds.all {
      let pad = String(repeating: " ", count: width - t.name.count)
      out += "\(t.name)\(pad)  \(value(t.defaultValue)) \(t.unit.rawValue)\n"
      out += "  \(t.meaning); \(t.unit.range)\n"
    }
    return out
  }

  /// The JSON listing: `{"rules": [...], "thresholds": [...]}` (docs/findings.md describes the members).
  public static func json() -> String {
    func s(_ x: String) -> String { jsonString(x) }
    let ruleRows = FindingRegistry.infos.map { r in
      "    {\"id\": \(s(r.id)), \"area\": \(s(r.area.rawValue)), "
        + "\"sources\": [\(r.sources.map { s($0.rawValue) }.joined(separator: ", "))], "
        + "\"severities\": [\(r.severities.map { s($0.rawValue) }.joined(separator: ", "))], "
        + "\"summary\": \(s(r.summary)), "
        + "\"thresholds\": [\(r.thresholds.map(s).joined(separator: ", "))]}"
    }
    let thresholdRows = FindingThresholds.all.map { t in
      "    {\"name\": \(s(t.name)), \"default\": \(value(t.defaultValue)), \"unit\": \(s(t.unit.rawValue)), "
        + "\"range\": \(s(t.unit.range)), \"meaning\": \(s(t.meaning)), "
        + "\"rules\": [\(rules(reading: t.name).map(s).joined(separator: ", "))]}"
    }
    return "{\n  \"rules\": [\n" + ruleRows.joined(separator: ",\n") + "\n  ],\n  \"thresholds\": [\n"
      + thresholdRows.joined(separator: ",\n") + "\n  ]\n}\n"
  }

  /// The Markdown tables of docs/findings.md (between its `generated` markers).
  public static func markdown() -> String {
    func cell(_ x: String) -> String { String(x.flatMap { $0 == "|" ? ["\\", "|"] : [$0] }) }
    var out = "| id | area | severity | sources | fires when | thresholds |\n|---|---|---|---|---|---|\n"
    for r in FindingRegistry.infos {
      out +=
        "| `\(r.id)` | \(r.area.rawValue) | \(severityRange(r)) | \(r.sources.map(\.rawValue).joined(separator: ", ")) "
        + "| \(cell(r.summary)) | \(r.thresholds.map { "`\($0)`" }.joined(separator: ", ")) |\n"
    }
    out += "\n| threshold | default | unit | meaning | rules |\n|---|---|---|---|---|\n"
    for t in FindingThresholds.all {
      out +=
        "| `\(t.name)` | \(value(t.defaultValue)) | \(t.unit.rawValue) | \(cell(t.meaning)) "
        + "| \(rules(reading: t.name).map { "`\($0)`" }.joined(separator: ", ")) |\n"
    }
    return out
  }

  /// `x` as a JSON string literal.
  static func jsonString(_ x: String) -> String {
    var out = "\""
    for u in x.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
