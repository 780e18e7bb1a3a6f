/// One complete (`"ph": "X"`) event, compactly: 32 bytes, names and threads interned.
struct TraceRecord {
  var startNS: Int64
  var durationNS: Int64
  var name: Int32
  var thread: Int32
  var category: TraceCategory
}
