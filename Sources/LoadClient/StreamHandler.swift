import LoadGen
import NIOCore
import NIOHTTP1

/// One client connection: reads the HTTP response of the request in flight on it, timestamps each read,
/// and feeds the server-sent events to ``RunState``. Runs on the run's event loop.
final class StreamHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPClientResponsePart

  private let run: RunState
  private var current: Int?
  private var status = 0
  private var keepAlive = true
  private var scanner = SSEScanner()
  private var counter = ChunkCounter()
  private var errorBody = ""

  init(run: RunState) { self.run = run }

  /// A new request goes out on this connection.
  func begin(_ index: Int) {
    current = index
    status = 0
    scanner = SSEScanner()
    counter = ChunkCounter()
    errorBody = ""
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard let i = current else { return }
    let t = LoadRunner.now()
    switch unwrapInboundIn(data) {
    case .head(let head):
      status = Int(head.status.code)
      keepAlive = head.isKeepAlive
      run.firstByte(i, t)
    case .body(let buffer):
      if status == 200 {
        let events = buffer.withUnsafeReadableBytes { scanner.feed($0) }
        run.events(i, events, at: t, counter: &counter)
      } else if errorBody.utf8.count < 1000 {
        errorBody += String(buffer: buffer)
      }
    case .end:
      current = nil
      run.responseEnded(i, status: status, errorBody: errorBody, channel: context.channel, keepAlive: keepAlive)
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    if let i = current {
      current = nil
      run.connectionLost(i, channel: context.channel)
    } else {
      run.closed(context.channel)
    }
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    context.close(promise: nil)
  }
}
