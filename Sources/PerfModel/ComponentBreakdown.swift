/// The per-term figures of one component (perf.py's three breakdown dictionaries), in vLLM's key order.
public struct ComponentBreakdown: Sendable, Hashable {
  /// One `(term, value)` pair, e.g. `("qkv_proj", 201326592)`.
  public struct Term: Sendable, Hashable {
    /// vLLM's term key without the component prefix (`qkv_proj`, `dense_up_gate_weights`, …).
    public let key: String
    /// The exact value.
    public let value: Int
  }

  /// FLOPs per term.
  public var flops: [Term] = []
  /// Bytes read per term.
  public var readBytes: [Term] = []
  /// Bytes written per term.
  public var writeBytes: [Term] = []

  /// An empty breakdown.
  public init() {}

  /// Σ FLOPs.
  public var totalFlops: Int { flops.reduce(0) { $0 + $1.value } }
  /// Σ bytes read.
  public var totalReadBytes: Int { readBytes.reduce(0) { $0 + $1.value } }
  /// Σ bytes written.
  public var totalWriteBytes: Int { writeBytes.reduce(0) { $0 + $1.value } }

  /// The value of a FLOPs term, if present.
  public func flops(_ key: String) -> Int? { flops.first { $0.key == key }?.value }
  /// The value of a read term, if present.
  public func readBytes(_ key: String) -> Int? { readBytes.first { $0.key == key }?.value }
  /// The value of a write term, if present.
  public func writeBytes(_ key: String) -> Int? { writeBytes.first { $0.key == key }?.value }
}

/// Collects terms of one breakdown dictionary, applying Python's `int()` and reporting 64-bit overflow.
struct TermCollector {
  private(set) var terms: [ComponentBreakdown.Term] = []
  let component: String

  init(_ component: String) { self.component = component }

  /// Appends `int(value)`, or replaces an existing key (Python dict assignment keeps the first position).
  mutating func set(_ key: String, _ value: PyNumber) throws(PerfModelError) {
    guard let v = value.exactInt() else { throw PerfModelError.overflow(term: "\(component).\(key)") }
    if let i = terms.firstIndex(where: { $0.key == key }) {
      terms[i] = .init(key: key, value: v)
    } else {
      terms.append(.init(key: key, value: v))
    }
  }
}
