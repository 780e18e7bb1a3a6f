import LoadGen
import NIOCore
import NIOHTTP1
import NIOPosix

/// The state of one run: records, the slot queue and the idle connections. Confined to the run's single
/// event loop (hence `@unchecked Sendable`).
final class RunState: @unchecked Sendable {
  let plan: LoadPlan
  let bodies: [[UInt8]]
  let loop: EventLoop
  let progress: (@Sendable (LoadRunner.Progress) -> Void)?
  var records: [RequestRecord] = []
  private var startedFlags: [Bool]
  private var start = 0.0
  private var nextDue = 0
  private var pending: [Int] = []
  private var pendingHead = 0
  private var inFlight = 0
  private var started = 0
  private var finished = 0
  private var idle: [Channel] = []
  private var open: [ObjectIdentifier: Channel] = [:]
  private var promise: EventLoopPromise<(records: [RequestRecord], start: Double, end: Double)>?
  private var progressTask: RepeatedTask?
  private var timeoutTask: Scheduled<Void>?

  init(plan: LoadPlan, bodies: [[UInt8]], loop: EventLoop, progress: (@Sendable (LoadRunner.Progress) -> Void)?) {
    self.plan = plan
    self.bodies = bodies
    self.loop = loop
    self.progress = progress
    startedFlags = Array(repeating: false, count: plan.requests.count)
  }

  func begin() -> EventLoopFuture<(records: [RequestRecord], start: Double, end: Double)> {
    let p = loop.makePromise(of: (records: [RequestRecord], start: Double, end: Double).self)
    promise = p
    start = LoadRunner.now()
    records = plan.requests.enumerated().map { i, r in
      let due = start + plan.offsets[i]
      return RequestRecord(
        index: i, intendedInput: r.inputLen, maxTokens: r.outputLen, due: due, eligible: due, start: due)
    }
    if records.isEmpty {
      p.succeed((records, start, start))
      return p.futureResult
    }
    if let progress {
      progressTask = loop.scheduleRepeatedTask(initialDelay: .milliseconds(500), delay: .milliseconds(500)) {
        [self] _ in
        progress(.init(started: started, finished: finished, total: records.count, elapsed: LoadRunner.now() - start))
      }
    }
    timeoutTask = loop.scheduleTask(in: .nanoseconds(Int64(plan.timeout * 1e9))) { [self] in expire() }
    dispatch()
    return p.futureResult
  }

  /// Starts every request now due, then sleeps until the next one is.
  private func dispatch() {
    let now = LoadRunner.now()
    while nextDue < records.count, records[nextDue].due <= now {
      arrive(nextDue)
      nextDue += 1
    }
    guard nextDue < records.count else { return }
    let wait = max(0, records[nextDue].due - LoadRunner.now())
    loop.scheduleTask(in: .nanoseconds(Int64(wait * 1e9))) { [self] in dispatch() }
  }

  private func arrive(_ i: Int) {
    if let cap = plan.maxConcurrency, inFlight >= cap {
      pending.append(i)
      return
    }
    launch(i, eligible: records[i].due)
  }

  private func launch(_ i: Int, eligible: Double) {
    inFlight += 1
    started += 1
    startedFlags[i] = true
    records[i].eligible = eligible
    records[i].start = LoadRunner.now()
    while let channel = idle.popLast() {
      if channel.isActive {
        send(i, on: channel)
        return
      }
    }
    let plan = plan
    ClientBootstrap(group: loop)
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHTTPClientHandlers()
          try channel.pipeline.syncOperations.addHandler(StreamHandler(run: self))
        }
      }
      .connect(host: plan.host, port: plan.port)
      .whenComplete { [self] result in
        switch result {
        case .success(let channel):
          open[ObjectIdentifier(channel)] = channel
          send(i, on: channel)
        case .failure(let error):
          records[i].error = "connection failed: \(error)"
          records[i].connectionError = true
          records[i].end = nil
          complete(i, channel: nil)
        }
      }
  }

  private func send(_ i: Int, on channel: Channel) {
    guard let handler = try? channel.pipeline.syncOperations.handler(type: StreamHandler.self) else {
      records[i].error = "internal: no stream handler"
      complete(i, channel: nil)
      return
    }
    handler.begin(i)
    var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: plan.endpoint)
    head.headers.add(name: "host", value: "\(plan.host):\(plan.port)")
    head.headers.add(name: "content-type", value: "application/json")
    head.headers.add(name: "accept", value: "text/event-stream")
    head.headers.add(name: "content-length", value: String(bodies[i].count))
    for h in plan.headers { head.headers.add(name: h.name, value: h.value) }
    channel.write(HTTPClientRequestPart.head(head), promise: nil)
    channel.write(HTTPClientRequestPart.body(.byteBuffer(channel.allocator.buffer(bytes: bodies[i]))), promise: nil)
    channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
  }

  // Called by StreamHandler.

  func firstByte(_ i: Int, _ t: Double) { if records[i].firstByte == nil { records[i].firstByte = t } }

  /// Records what the events of one read said (``ChunkCounter`` decides what counts).
  func events(_ i: Int, _ events: [SSEScanner.Event], at t: Double, counter: inout ChunkCounter) {
    for e in events where !e.done {
      if let p = e.promptTokens { records[i].promptTokens = p }
      if let c = e.completionTokens {
        records[i].completionTokens = c
        records[i].perChunkUsage = true
      }
      if let tokens = counter.tokens(of: e) {
        records[i].chunkTimes.append(t)
        records[i].chunkTokens.append(tokens)
      }
    }
  }

  func responseEnded(_ i: Int, status: Int, errorBody: String, channel: Channel, keepAlive: Bool) {
    records[i].end = LoadRunner.now()
    if status != 200 {
      records[i].error = "HTTP \(status): \(errorBody.prefix(300))"
    } else if records[i].chunkTimes.isEmpty {
      records[i].error = "the response carried no generated text"
    }
    complete(i, channel: keepAlive ? channel : nil)
    if !keepAlive { channel.close(promise: nil) }
  }

  func connectionLost(_ i: Int, channel: Channel) {
    records[i].error = "the connection closed before the response ended"
    records[i].connectionError = true
    records[i].end = nil
    open[ObjectIdentifier(channel)] = nil
    complete(i, channel: nil)
  }

  func closed(_ channel: Channel) { open[ObjectIdentifier(channel)] = nil }

  private func complete(_ i: Int, channel: Channel?) {
    inFlight -= 1
    finished += 1
    if let channel, channel.isActive { idle.append(channel) }
    if pendingHead < pending.count {
      let next = pending[pendingHead]
      pendingHead += 1
      launch(next, eligible: LoadRunner.now())
    }
    if finished == records.count { finish() }
  }

  private func finish() {
    progressTask?.cancel()
    timeoutTask?.cancel()
    let end = records.compactMap(\.end).max() ?? LoadRunner.now()
    for channel in open.values { channel.close(promise: nil) }
    open.removeAll()
    idle.removeAll()
    promise?.succeed((records, start, max(end, start)))
    promise = nil
  }

  private func expire() {
    for i in records.indices where records[i].end == nil && records[i].error.isEmpty {
      records[i].error = "timed out after \(plan.timeout) s"
      if !startedFlags[i] { records[i].start = LoadRunner.now() }
    }
    let end = LoadRunner.now()
    progressTask?.cancel()
    for channel in open.values { channel.close(promise: nil) }
    open.removeAll()
    promise?.succeed((records, start, end))
    promise = nil
  }
}
