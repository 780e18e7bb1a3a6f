import ProfileMateCore

extension LogReader {
  /// Starts a `--cudagraph-metrics` block (§3). It belongs to the engine whose stats line
  /// came last: vLLM logs the table right after that engine's stats line.
  func openTableBlock(pid: Int, line: Int, time: Double?) {
    closeTable()
    let s = model.engines.isEmpty ? slot(forEngine: 0) : lastStatsSlot
    openTable = OpenTable(slot: s, pid: pid, table: CudaGraphTable(line: line, time: time))
  }

  /// Ends the open block, keeping it when it had settings or rows.
  func closeTable() {
    guard let open = openTable else { return }
    openTable = nil
    if !open.table.rows.isEmpty || open.table.mode != nil {
      model.engines[open.slot].cudagraphTables.append(open.table)
    }
  }

  /// Reads one line of an open block; nil when the message is not part of a table.
  func tableLine(_ c: inout ByteCursor, line: Int) -> LineKind? {
    guard openTable != nil else { return nil }
    if c.isAtEnd { return .cudagraphTable }
    if c.hasPrefix("**CUDAGraph Config Settings:**") {
      if let open = openTable, !open.table.rows.isEmpty {
        let pid = open.pid
        let time = open.table.time
        closeTable()
        openTableBlock(pid: pid, line: line, time: time)
      }
      return .cudagraphTable
    }
    if c.hasPrefix("**CUDAGraph Stats:**") { return .cudagraphTable }
    if c.consume("- Mode: ") {
      openTable?.table.mode = text(c)
      return .cudagraphTable
    }
    if c.consume("- Capture sizes: ") {
      openTable?.table.captureSizes = PythonRepr.intList(text(c))
      return .cudagraphTable
    }
    if c.hasPrefix("|-") { return .cudagraphTable }  // the separator row
    guard c.consume("| ") else { return nil }
    if let first = c.peek(), first &- 0x30 > 9 { return .cudagraphTable }  // header or separator
    guard let unpadded = c.unsigned(), skipCell(&c), let padded = c.unsigned(), skipCell(&c),
      let paddings = c.unsigned(), skipCell(&c)
    else { return .cudagraphTable }
    let modeStart = c.position
    while let ch = c.peek(), ch != 0x20, ch != 0x7C { c.position += 1 }
    let mode = String(
      decoding: UnsafeBufferPointer(start: c.base + modeStart, count: c.position - modeStart),
      as: UTF8.self)
    guard skipCell(&c), let count = c.unsigned() else { return .cudagraphTable }
    openTable?.table.rows.append(
      CudaGraphTable.Row(
        unpaddedTokens: unpadded, paddedTokens: padded, paddings: paddings, runtimeMode: mode, count: count))
    return .cudagraphTable
  }

  private func skipCell(_ c: inout ByteCursor) -> Bool {
    c.skipSpaces()
    guard c.consume("| ") else { return false }
    c.skipSpaces()
    return true
  }

  /// The rest of the cursor's span as text.
  func text(_ c: ByteCursor) -> String {
    String(decoding: UnsafeBufferPointer(start: c.base + c.position, count: max(0, c.remaining)), as: UTF8.self)
  }
}
