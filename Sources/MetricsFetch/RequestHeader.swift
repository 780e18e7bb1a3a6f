/// An extra request header (`--header 'Authorization: Bearer …'`). Its value is a secret: it is sent to the
/// server and nowhere else, and ``description`` hides it.
public struct RequestHeader: Sendable, Equatable, CustomStringConvertible {
  /// The header name as given.
  public let name: String
  /// The value, sent as is.
  public let value: String

  /// Reads `Name: value`.
  /// - Throws: ``FetchError`` (kind `.invalidHeader`) with a message that never repeats the value.
  public init(parsing text: String) throws {
    guard let colon = text.firstIndex(of: ":") else {
      throw FetchError(.invalidHeader, "--header must be written 'Name: value' (no ':' found)")
    }
    let name = String(text[..<colon]).trimmingSpaces()
    let value = String(text[text.index(after: colon)...]).trimmingSpaces()
    let tokenCharacters = "!#$%&'*+-.^_`|~"
    guard !name.isEmpty,
      name.unicodeScalars.allSatisfy({
        $0.isASCII
          && (($0.properties.isAlphabetic || ("0"..."9").contains($0)) || tokenCharacters.unicodeScalars.contains($0))
      })
    else {
      throw FetchError(.invalidHeader, "--header: the name before ':' is not a valid HTTP header name")
    }
    guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
      throw FetchError(.invalidHeader, "--header \(name): the value holds a line break")
    }
    self.name = name
    self.value = value
  }

  /// `Name: <hidden>`.
  public var description: String { "\(name): <hidden>" }

  /// Whether this is an `Authorization` header.
  public var isAuthorization: Bool { name.lowercased() == "authorization" }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
