import Foundation
import Testing

/// `report --kernels FILE`: the kernels section joins the run's report (issue 16), listed in the navigation.
@Suite struct ReportKernelsCLITests {
  @Test(.enabled(if: FileManager.default.fileExists(atPath: packageRoot + "/../shared/fixtures/real/nsight")))
  func kernelsSectionIsAddedAndListed() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let nsys =
      packageRoot
      + "/../shared/fixtures/real/nsight/nsys-stats-cuda_gpu_kern_sum-decode-deepseek-ocr-rtx5090-llmperfopt.csv"
    let r = try run([
      "report", packageRoot + "/examples/vllm-cpu-0.32-2048", "--kernels", nsys, "-o", dir + "/r.html", "--quiet",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
    #expect(html.contains("<section id=\"kernels\">"))
    #expect(html.contains("<li><a href=\"#kernels\">Kernels</a></li>"))
    // A file that is no kernel export is refused, naming it.
    let bad = try run([
      "report", packageRoot + "/examples/vllm-cpu-0.32-2048", "--kernels", packageRoot + "/README.md",
      "-o", dir + "/x.html", "--quiet",
    ])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("README.md"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/x.html"))
  }
}
