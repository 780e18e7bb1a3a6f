/// The vLLM command-line flag that sets a capture-size list, in the form the given version accepts
/// (spec §6.2).
public enum CaptureSizeFlag {
  /// The flag for `sizes` (ascending) on `version`; nil version means the current form.
  ///
  /// - v0.11.1 and later: `--compilation-config '{"cudagraph_capture_sizes": [...],
  ///   "max_cudagraph_capture_size": M}'` (M is the last size; vLLM truncates to it anyway).
  /// - v0.9.0 to v0.11.0: `--cuda-graph-sizes s1 s2 …` (several values are taken as the list).
  /// - before v0.9.0: `--compilation-config '{"cudagraph_capture_sizes": [...]}'`.
  public static func text(for sizes: [Int], version: VLLMVersion?) -> String {
    let list = sizes.map(String.init).joined(separator: ", ")
    if let version, version < VLLMVersion(0, 11, 1) {
      if version >= VLLMVersion(0, 9, 0) {
        return "--cuda-graph-sizes " + sizes.map(String.init).joined(separator: " ")
      }
      return "--compilation-config '{\"cudagraph_capture_sizes\": [\(list)]}'"
    }
    let largest = sizes.last.map { ", \"max_cudagraph_capture_size\": \($0)" } ?? ""
    return "--compilation-config '{\"cudagraph_capture_sizes\": [\(list)]\(largest)}'"
  }
}
