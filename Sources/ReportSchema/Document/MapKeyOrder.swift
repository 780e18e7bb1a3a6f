/// The order of an ``OrderedMap``'s keys: the keys of ``knownKeys`` first, in that order, then any other key
/// in ``tail(_:_:)``'s order (by default `String`'s `<`).
public protocol MapKeyOrder: Sendable {
  /// The keys that come first, in order.
  static var knownKeys: [String] { get }
  /// The order of keys not in ``knownKeys``.
  static func tail(_ a: String, _ b: String) -> Bool
}

extension MapKeyOrder {
  /// Other keys in `String` order.
  public static func tail(_ a: String, _ b: String) -> Bool { a < b }

  /// Whether key `a` goes before key `b`.
  public static func precedes(_ a: String, _ b: String) -> Bool {
    let known = knownKeys
    switch (known.firstIndex(of: a), known.firstIndex(of: b)) {
    case (let i?, let j?): return i < j
    case (.some, nil): return true
    case (nil, .some): return false
    case (nil, nil): return tail(a, b)
    }
  }
}
