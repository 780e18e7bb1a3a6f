/// Every launch of an Nsight Compute CSV.
public struct NCUReport: Sendable, Equatable {
  /// How the file was laid out.
  public var layout: NCULayout
  /// Launches in file order.
  public var launches: [NCULaunch]
  /// The section names seen, in file order.
  public var sections: [String]

  /// Creates a report.
  public init(layout: NCULayout, launches: [NCULaunch], sections: [String]) {
    self.layout = layout
    self.launches = launches
    self.sections = sections
  }
}
