import MockEngine
import NIOCore
import NIOHTTP1
import NIOPosix

/// `profilemate mock`: a GPU-free stand-in for a vLLM server. An OpenAI-compatible HTTP/1.1 server on one
/// event loop (SwiftNIO) in front of ``EngineDriver``; writes a vLLM-format server log.
public final class MockServer: Sendable {
  /// The options it runs with.
  public let options: MockServerOptions
  /// The port it listens on.
  public let port: Int
  private let group: MultiThreadedEventLoopGroup
  private let channel: Channel
  private let driver: EngineDriver

  private init(
    options: MockServerOptions, port: Int, group: MultiThreadedEventLoopGroup, channel: Channel, driver: EngineDriver
  ) {
    self.options = options
    self.port = port
    self.group = group
    self.channel = channel
    self.driver = driver
  }

  /// Binds and starts serving; writes vLLM's start-up lines to the log.
  /// - Throws: ``MockServerError`` for unusable options, an unwritable log or a port that cannot be bound.
  public static func start(_ options: MockServerOptions) async throws(MockServerError) -> MockServer {
    if let problem = options.problem { throw MockServerError(problem) }
    let log = try ServerLog(path: options.logPath)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let loop = group.next()
    let driver = EngineDriver(loop: loop, options: options, log: log)
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 4096)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(MockHTTPHandler(driver: driver))
        }
      }
    let channel: Channel
    do {
      channel = try await bootstrap.bind(host: options.host, port: options.port).get()
    } catch {
      try? await group.shutdownGracefully()
      throw MockServerError("cannot listen on \(options.host):\(options.port): \(error)")
    }
    let port = channel.localAddress?.port ?? options.port
    let server = MockServer(options: options, port: port, group: group, channel: channel, driver: driver)
    try? await loop.submit { server.startUp() }.get()
    return server
  }

  private func startUp() {
    let e = options.engine
    let log = driver.log
    let host = options.host.contains(":") ? "[\(options.host)]" : options.host
    log.info("api_utils.py:347", "vLLM API server version 0.32.0+mock")
    var args = "{'model_tag': '\(options.model)', 'host': '\(options.host)', 'port': \(port), "
    args += "'max_model_len': \(e.maxModelLen), 'block_size': \(e.blockSize), "
    args += "'max_num_batched_tokens': \(e.maxNumBatchedTokens), 'max_num_seqs': \(e.maxNumSeqs), "
    args += "'num_gpu_blocks_override': \(e.numBlocks), 'served_model_name': ['\(options.model)']"
    if options.iterationLines { args += ", 'enable_logging_iteration_details': True" }
    log.info("api_utils.py:286", "non-default args: " + args + "}")
    log.info("model.py:2152", "Using max model len \(e.maxModelLen)")
    if e.chunkedPrefill {
      log.info("scheduler.py:231", "Chunked prefill is enabled with max_num_batched_tokens=\(e.maxNumBatchedTokens).")
    }
    let tokens = e.kvCapacityTokens
    log.info(
      "kv_cache_utils.py:2327",
      "GPU KV cache size: \(grouped(tokens)) tokens, Maximum concurrency for \(grouped(e.maxModelLen)) tokens per "
        + "request: \(VLLMLogFormat.fixed(Double(tokens) / Double(e.maxModelLen), 2))x", process: "EngineCore")
    log.info("entry.py:140", "Starting vLLM server on http://\(host):\(port)")
    driver.startStats()
  }

  /// The `/metrics` text now (what a scrape would get).
  public func metricsText() async -> String {
    (try? await driver.loop.submit { self.driver.exposition() }.get()) ?? ""
  }

  /// Stops listening and shuts the event loop down.
  public func stop() async {
    try? await driver.loop.submit { self.driver.stop() }.get()
    try? await channel.close()
    try? await group.shutdownGracefully()
  }

  private func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out += "," }
      out.append(d)
    }
    return out
  }
}
