import MockEngine
import NIOCore
import NIOHTTP1

/// One connection of the mock server: routes `/health`, `/version`, `/v1/models`, `/metrics`,
/// `/v1/completions` and `/v1/chat/completions`, and streams tokens as the engine produces them.
/// Runs on the server's single event loop, like ``EngineDriver``.
final class MockHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  /// Largest request body accepted.
  static let maxBody = 64 << 20

  private let driver: EngineDriver
  private var head: HTTPRequestHead?
  private var body: [UInt8] = []
  private var tooLarge = false
  private var activeID: String?
  private var keepAlive = true

  init(driver: EngineDriver) { self.driver = driver }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let h):
      head = h
      body.removeAll(keepingCapacity: true)
      tooLarge = false
      keepAlive = h.isKeepAlive
    case .body(var buffer):
      if body.count + buffer.readableBytes > Self.maxBody {
        tooLarge = true
      } else if let bytes = buffer.readBytes(length: buffer.readableBytes) {
        body += bytes
      }
    case .end:
      guard let h = head else { return }
      head = nil
      route(h, context: context)
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    if let id = activeID { driver.abort(id) }
    activeID = nil
    context.fireChannelInactive()
  }

  private func route(_ h: HTTPRequestHead, context: ChannelHandlerContext) {
    let path = h.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? h.uri
    let model = driver.options.model
    switch (h.method, path) {
    case (.GET, "/health"): respond(context, .ok, "", type: "application/json")
    case (.GET, "/version"): respond(context, .ok, "{\"version\":\"0.32.0+mock\"}", type: "application/json")
    case (.GET, "/v1/models"):
      let created = Int(ServerLog.epoch())
      respond(
        context, .ok,
        "{\"object\":\"list\",\"data\":[{\"id\":\(ResponseText.quoted(model)),\"object\":\"model\",\"created\":\(created),"
          + "\"owned_by\":\"vllm\",\"root\":\(ResponseText.quoted(model)),\"parent\":null,"
          + "\"max_model_len\":\(driver.options.engine.maxModelLen)}]}", type: "application/json")
    case (.GET, "/metrics"):
      respond(context, .ok, driver.exposition(), type: "text/plain; version=0.0.4; charset=utf-8")
    case (.POST, "/v1/completions"): complete(context, chat: false)
    case (.POST, "/v1/chat/completions"): complete(context, chat: true)
    case (_, "/health"), (_, "/version"), (_, "/v1/models"), (_, "/metrics"), (_, "/v1/completions"),
      (_, "/v1/chat/completions"):
      respond(context, .methodNotAllowed, "{\"detail\":\"Method Not Allowed\"}", type: "application/json")
    default: respond(context, .notFound, "{\"detail\":\"Not Found\"}", type: "application/json")
    }
  }

  private func complete(_ context: ChannelHandlerContext, chat: Bool) {
    if tooLarge {
      return respond(context, .payloadTooLarge, ResponseText.error("request body too large", code: 413), type: json)
    }
    let request: CompletionRequest
    do {
      request = try CompletionRequest.parse(body, chat: chat)
    } catch {
      return respond(context, .badRequest, ResponseText.error(error.description), type: json)
    }
    let model = driver.options.model
    if let asked = request.model, asked != model {
      return respond(
        context, .notFound,
        ResponseText.error("The model `\(asked)` does not exist.", type: "NotFoundError", code: 404),
        type: json)
    }
    let maxLen = driver.options.engine.maxModelLen
    let maxTokens = request.maxTokens ?? (chat ? max(1, maxLen - request.promptTokens) : 16)
    let id = (chat ? "chatcmpl-" : "cmpl-") + String(driver.nextRequestNumber(), radix: 16)
    let created = Int(ServerLog.epoch())
    let prompt = request.promptTokens
    let engineRequest = EngineRequest(id: id, promptTokens: prompt, maxTokens: maxTokens)
    if request.stream {
      let template = ChunkTemplate(id: id, created: created, model: model, chat: chat, prompt: prompt)
      let sink: EngineDriver.Sink = { [self] token in
        var buffer = context.channel.allocator.buffer(capacity: 256)
        template.write(into: &buffer, index: token.index, last: token.last, usage: request.continuousUsage)
        if token.last {
          if request.includeUsage {
            buffer.writeString(
              ResponseText.usageChunk(
                id: id, created: created, model: model, chat: chat,
                usage: ResponseText.usage(prompt: prompt, completion: token.index)))
          }
          buffer.writeStaticString("data: [DONE]\n\n")
        }
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        if token.last { end(context) }
      }
      if let reason = driver.submit(engineRequest, sink: sink) {
        return respond(context, .badRequest, ResponseText.error(reason), type: json)
      }
      activeID = id
      var headers = HTTPHeaders()
      headers.add(name: "content-type", value: "text/event-stream; charset=utf-8")
      headers.add(name: "transfer-encoding", value: "chunked")
      context.write(
        wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
      if chat {
        write(
          context,
          ResponseText.chunk(id: id, created: created, model: model, chat: true, text: nil, finished: false, usage: nil)
        )
      } else {
        context.flush()
      }
    } else {
      let sink: EngineDriver.Sink = { [self] token in
        guard token.last else { return }
        activeID = nil
        respond(
          context, .ok,
          ResponseText.full(
            id: id, created: created, model: model, chat: chat, tokens: token.index,
            usage: ResponseText.usage(prompt: prompt, completion: token.index)), type: json)
      }
      if let reason = driver.submit(engineRequest, sink: sink) {
        return respond(context, .badRequest, ResponseText.error(reason), type: json)
      }
      activeID = id
    }
  }

  private let json = "application/json"

  private func write(_ context: ChannelHandlerContext, _ text: String) {
    let buffer = context.channel.allocator.buffer(string: text)
    context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
  }

  private func end(_ context: ChannelHandlerContext) {
    activeID = nil
    let keep = keepAlive
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
      if !keep { channel.close(promise: nil) }
    }
  }

  private func respond(_ context: ChannelHandlerContext, _ status: HTTPResponseStatus, _ text: String, type: String) {
    var headers = HTTPHeaders()
    headers.add(name: "content-type", value: type)
    headers.add(name: "content-length", value: String(text.utf8.count))
    if !keepAlive { headers.add(name: "connection", value: "close") }
    context.write(
      wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
    if !text.isEmpty {
      context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
    }
    end(context)
  }
}
