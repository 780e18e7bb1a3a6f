/// One complete (`"ph": "X"`) event, compactly: 40 bytes, names and threads interned.
struct TraceRecord {
  var startNS: Int64
  var durationNS: Int64
  /// Kineto's `args.correlation` (a kernel and the runtime call that launched it share it); 0 when absent.
  var correlation: Int64
  var name: Int32
  var thread: Int32
  var category: TraceCategory
}
