/// One `name="value"` pair, its value unescaped.
public struct Label: Sendable, Hashable {
  /// The label name.
  public var name: String
  /// The unescaped value.
  public var value: String

  /// Creates a label.
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

/// A sample's labels in the order they were written (prometheus_client writes them sorted).
public struct Labels: Sendable, Hashable, CustomStringConvertible {
  /// The pairs, in input order.
  public var pairs: [Label]

  /// Creates a label set.
  public init(_ pairs: [Label] = []) { self.pairs = pairs }

  /// The value of label `name`, if present.
  public subscript(name: String) -> String? {
    for p in pairs where p.name == name { return p.value }
    return nil
  }

  /// Whether the set is empty.
  public var isEmpty: Bool { pairs.isEmpty }

  /// The same labels without the named ones (`le`, `quantile`), sorted by name so equal sets compare equal.
  public func removing(_ names: Set<String>) -> Labels {
    Labels(pairs.filter { !names.contains($0.name) }.sorted { $0.name < $1.name })
  }

  /// The same labels without `name`, sorted by name: ``removing(_:)-(Set<String>)`` for one name, without
  /// building a set or sorting pairs already in order.
  func removing(_ name: String) -> Labels {
    var kept: [Label] = []
    kept.reserveCapacity(pairs.count)
    var ordered = true
    for p in pairs where p.name != name {
      if let last = kept.last, !(last.name < p.name) { ordered = false }
      kept.append(p)
    }
    return Labels(ordered ? kept : kept.sorted { $0.name < $1.name })
  }

  /// `{a="1",b="2"}` with values escaped again; `{}` when empty.
  public var description: String {
    var out = "{"
    for (i, p) in pairs.enumerated() {
      if i > 0 { out += "," }
      out += p.name + "=\""
      for ch in p.value.unicodeScalars {
        switch ch {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(ch)
        }
      }
      out += "\""
    }
    return out + "}"
  }
}
