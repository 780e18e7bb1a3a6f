import Foundation
import Kernels
import Render
import Testing

/// The kernels section for the HTML report: self-contained, escaped, one bar per class.
@Suite struct KernelsHTMLTests {
  /// The nsys prefill fixture, from this file's path (`Tests/RenderTests/…` → `../shared/fixtures/…`).
  static let nsys: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
      + "/../shared/fixtures/real/nsight/nsys-stats-cuda_gpu_kern_sum-prefill-deepseek-ocr-rtx5090-llmperfopt.csv"
  }()

  @Test func sectionFromTheNsysPrefillFixture() throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.nsys)))
    let r = try KernelInput.report(bytes)
    let html = KernelsHTML.section([("prefill.csv", r)], top: 5)
    #expect(html.hasPrefix("<section id=\"kernels\">") && html.hasSuffix("</section>\n"))
    // One bar per class present, each with a hover title; no script, no external reference.
    #expect(html.components(separatedBy: "<rect class=\"bar").count - 1 == r.classes.count)
    #expect(!html.contains("<script") && !html.contains("http"))
    // Kernel names are escaped: C++ templates never open a tag.
    #expect(html.contains("cutlass::Kernel2&lt;cutlass_80_wmma_tensorop_bf16_s161616gemm"))
    #expect(!html.contains("Kernel2<cutlass"))
    // Five rows in the table and a pointer to the rest (97 kernels in the file).
    #expect(html.components(separatedBy: "<tr><td>").count - 1 == 5)
    #expect(html.contains("92 more kernels"))
  }
}
