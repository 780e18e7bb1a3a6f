/// A one-line chart of recent values with the eight block characters `▁▂▃▄▅▆▇█`, scaled from 0 (or the
/// smallest value when negative) to the largest; a missing value is a space.
public enum Sparkline {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The last `width` values as a sparkline.
  public static func render(_ values: [Double?], width: Int) -> String {
    let shown = values.suffix(max(0, width))
    let finite = shown.compactMap { $0 }.filter(\.isFinite)
    guard let top = finite.max() else { return String(repeating: " ", count: shown.count) }
    let bottom = min(0, finite.min() ?? 0)
    let span = top - bottom
    return String(
      shown.map { v -> Character in
        guard let v, v.isFinite else { return " " }
        guard span > 0 else { return blocks[0] }
        let level = Int(saturating: ((v - bottom) / span * Double(blocks.count - 1)).rounded())
        return blocks[min(blocks.count - 1, max(0, level))]
      })
  }
}
