/// One row of the pattern table: a class and the lower-case substrings that put a kernel name in it.
public struct KernelPattern: Sendable, Equatable {
  /// The class the patterns select.
  public var kernelClass: KernelClass
  /// Lower-case substrings; any one matching the lower-cased name selects the class.
  public var substrings: [String]

  /// Creates a row.
  public init(_ kernelClass: KernelClass, _ substrings: [String]) {
    self.kernelClass = kernelClass
    self.substrings = substrings
  }
}
