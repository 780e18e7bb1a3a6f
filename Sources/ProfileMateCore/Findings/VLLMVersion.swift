/// A vLLM release number, for version-dependent advice (`0.15.0`, `0.10.1.1`, `0.5.2.dev1210+g…`).
public struct VLLMVersion: Sendable, Comparable, CustomStringConvertible {
  /// Numeric components, at least three.
  public let components: [Int]

  /// Parses the leading numeric components of a version string; nil when there are none.
  public init?(_ text: String) {
    var parts: [Int] = []
    for piece in text.split(separator: ".", omittingEmptySubsequences: false) {
      let digits = piece.prefix { $0.isNumber }
      guard !digits.isEmpty, let v = Int(digits) else { break }
      parts.append(v)
      if digits.count != piece.count { break }
    }
    guard !parts.isEmpty else { return nil }
    while parts.count < 3 { parts.append(0) }
    components = parts
  }

  /// Creates a version from components.
  public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
    components = [major, minor, patch]
  }

  public var description: String { components.map(String.init).joined(separator: ".") }

  public static func < (a: VLLMVersion, b: VLLMVersion) -> Bool {
    for (x, y) in zip(a.components, b.components) where x != y { return x < y }
    return a.components.count < b.components.count
  }
}
