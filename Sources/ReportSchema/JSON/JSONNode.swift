/// A JSON value under construction. It is a class so that a container handed out by ``NodeEncoder`` can go on
/// filling it in; objects keep their members in the order they were encoded.
final class JSONNode {
  /// What the node holds; `array` and `object` keep their contents in ``elements`` and ``members``.
  enum Kind {
    /// Nothing encoded yet (written as `{}`, as an `Encodable` that encodes nothing).
    case unset
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, already in its JSON spelling.
    case number(String)
    /// A string, not yet quoted.
    case string(String)
    /// An array of ``elements``.
    case array
    /// An object of ``members``.
    case object
  }

  var kind = Kind.unset
  var members: [(key: String, node: JSONNode)] = []
  var elements: [JSONNode] = []

  /// Makes the node an object, keeping the members it has (a type may encode members of a part of it into
  /// its own object: ``ReportDocument/CudaGraphEconomics`` does).
  func becomeObject() {
    if case .object = kind { return }
    kind = .object
    members = []
  }

  /// Makes the node an array, keeping the elements it has.
  func becomeArray() {
    if case .array = kind { return }
    kind = .array
    elements = []
  }

  /// A new member `key`, replacing a member of that name (JSON objects have one value per key).
  func member(_ key: String) -> JSONNode {
    let child = JSONNode()
    if let i = members.firstIndex(where: { $0.key == key }) {
      members[i].node = child
    } else {
      members.append((key, child))
    }
    return child
  }

  /// A new element at the end.
  func element() -> JSONNode {
    let child = JSONNode()
    elements.append(child)
    return child
  }

  /// Whether the node is a number (arrays of numbers are written on one line).
  var isNumber: Bool {
    if case .number = kind { return true }
    return false
  }
}
