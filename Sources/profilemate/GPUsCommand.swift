import ArgumentParser
import ProfileMateCore
import Render

/// `profilemate gpus`: the built-in hardware table.
struct GPUsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gpus",
    abstract: "List the GPUs ProfileMate knows (dense peak FLOP/s, HBM bandwidth, memory).",
    discussion: "Figures are vendor datasheet peaks; sources are listed in docs/hardware.md."
  )

  func run() async throws {
    var rows = [["name", "memory GB", "HBM TB/s", "BF16 TFLOP/s", "FP8 TFLOP/s", "aliases"]]
    for g in GPUCatalog.all {
      rows.append([
        g.name, Format.fixed(g.memoryBytes / 1e9, 0), Format.fixed(g.memoryBandwidth / 1e12, 2),
        Format.fixed(g.bf16FLOPS / 1e12, 1), g.fp8FLOPS.map { Format.fixed($0 / 1e12, 1) } ?? "—",
        g.aliases.prefix(3).joined(separator: ", "),
      ])
    }
    let widths = (0..<rows[0].count).map { i in rows.map { $0[i].count }.max() ?? 0 }
    for row in rows {
      print(zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  "))
    }
  }
}
