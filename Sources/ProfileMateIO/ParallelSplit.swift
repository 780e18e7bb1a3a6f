import Dispatch
import VLLMLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a window of a log on several threads: the reader's thread reads the window's first part
/// line by line while helper threads pre-parse the iteration lines of the rest
/// (``LogPreparser``); the reader then books the rest in order. The split adapts, window by window,
/// so that both sides finish together.
struct ParallelSplit {
  /// Windows smaller than this are read on one thread.
  static let minimumBytes = 256 << 10

  /// Helper threads besides the reader's.
  let helpers: Int
  /// Share of a window the reader's thread reads itself.
  private var readerShare = 0.4
  /// Windows still to read on one thread, after a split window was no faster than one thread.
  private var windowsToSkip = 0
  /// How many windows the next such finding skips (doubling while splitting keeps not paying).
  private var backoff = 2

  /// Whether to split the next window: not while splitting has recently not paid (a busy machine,
  /// or a log whose lines the read-ahead cannot settle); tried again after a while.
  mutating func takesNextWindow() -> Bool {
    guard helpers > 0 else { return false }
    if windowsToSkip > 0 {
      windowsToSkip -= 1
      return false
    }
    return true
  }

  init(helpers: Int) {
    self.helpers = max(0, helpers)
  }

  /// Reads the complete lines of `view` into `reader` and returns the bytes consumed (up to and
  /// including the last newline; 0 when there is none).
  mutating func read(_ view: UnsafeRawBufferPointer, with reader: LogReader, maxLineBytes: Int) -> Int {
    guard let base = view.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
    var end = view.count  // one past the last newline
    while end > 0, base[end - 1] != 0x0A { end -= 1 }
    guard end > 0 else { return 0 }
    // Cut points on line boundaries: [0, cuts[0]) for the reader, then one piece per helper.
    var cuts: [Int] = []
    let own = Int(Double(end) * readerShare)
    let piece = max(1, (end - own) / helpers)
    for k in 0..<helpers {
      let target = own + k * piece
      let from = max(target, cuts.last ?? 0)
      guard from < end, let nl = memchr(base + from, 0x0A, end - from) else { break }
      let cut = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - base + 1
      if cut < end && cut > (cuts.last ?? 0) { cuts.append(cut) }
    }
    cuts.append(end)
    guard cuts.count >= 2 else { return 0 }
    let pieces = cuts.count - 1
    let results = UnsafeMutablePointer<PreparsedSegment?>.allocate(capacity: pieces)
    results.initialize(repeating: nil, count: pieces)
    let seconds = UnsafeMutablePointer<Double>.allocate(capacity: pieces + 1)
    seconds.initialize(repeating: 0, count: pieces + 1)
    defer {
      results.deinitialize(count: pieces)
      results.deallocate()
      seconds.deallocate()
    }
    let job = Job(
      base: base, cuts: cuts, reader: reader, results: results, seconds: seconds, maxLineBytes: maxLineBytes)
    let windowStart = Self.now()
    DispatchQueue.concurrentPerform(iterations: pieces + 1) { i in job.run(i) }
    let bookStart = Self.now()
    for i in 0..<pieces {
      let segment = UnsafeRawBufferPointer(start: base + cuts[i], count: cuts[i + 1] - cuts[i])
      reader.feed(segment, preparsed: results[i] ?? PreparsedSegment())
    }
    let finished = Self.now()
    adapt(
      readerBytes: cuts[0], readerSeconds: seconds[0], helperBytes: end - cuts[0],
      preparseSeconds: (1...pieces).reduce(0) { $0 + seconds[$1] }, bookSeconds: finished - bookStart)
    // Did it pay? One thread would have read the whole window at the reader's own pace.
    if cuts[0] > 0, seconds[0] > 0 {
      let oneThread = Double(end) * seconds[0] / Double(cuts[0])
      if finished - windowStart > 0.95 * oneThread {
        windowsToSkip = backoff
        backoff = min(backoff * 2, 64)
      } else {
        backoff = 2
      }
    }
    return end
  }

  /// Moves the split so that the reader's part plus booking takes as long as a helper's part.
  private mutating func adapt(
    readerBytes: Int, readerSeconds: Double, helperBytes: Int, preparseSeconds: Double, bookSeconds: Double
  ) {
    guard readerBytes > 0, helperBytes > 0, readerSeconds > 0, preparseSeconds > 0 else { return }
    let read = readerSeconds / Double(readerBytes)  // per byte, read line by line
    let pre = preparseSeconds / Double(helperBytes) / Double(helpers)  // per byte of all helpers together
    let book = bookSeconds / Double(helperBytes)  // per byte, booking pre-parsed lines
    // Reader: x·read + (1 − x)·book; helpers: (1 − x)·pre.
    let denominator = read - book + pre
    guard denominator > 0 else { return }
    let target = min(0.9, max(0.05, (pre - book) / denominator))
    readerShare = 0.5 * readerShare + 0.5 * target
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// What the threads of one window share: each index is written by one thread only.
  private final class Job: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let cuts: [Int]
    let reader: LogReader
    let results: UnsafeMutablePointer<PreparsedSegment?>
    let seconds: UnsafeMutablePointer<Double>
    let maxLineBytes: Int

    init(
      base: UnsafePointer<UInt8>, cuts: [Int], reader: LogReader, results: UnsafeMutablePointer<PreparsedSegment?>,
      seconds: UnsafeMutablePointer<Double>, maxLineBytes: Int
    ) {
      self.base = base
      self.cuts = cuts
      self.reader = reader
      self.results = results
      self.seconds = seconds
      self.maxLineBytes = maxLineBytes
    }

    func run(_ i: Int) {
      let start = ParallelSplit.now()
      if i == 0 {
        reader.feed(UnsafeRawBufferPointer(start: base, count: cuts[0]))
      } else {
        let segment = UnsafeRawBufferPointer(start: base + cuts[i - 1], count: cuts[i] - cuts[i - 1])
        results[i - 1] = LogPreparser.preparse(segment, maxLineBytes: maxLineBytes)
      }
      seconds[i] = ParallelSplit.now() - start
    }
  }
}
