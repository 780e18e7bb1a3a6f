import ProfileMateCore
import ProfileMateIO
import Render

/// Reading and analysing one run for `analyze` and `report`.
public enum Analyze {
  /// Reads and analyses `request`'s input (the bundled example without one).
  /// - Throws: the input's read errors, ``AppError`` for an unknown GPU, the model config's errors (all exit 2).
  public static func run(_ request: AnalyzeRequest, progress: RunInput.Progress? = nil) throws -> AnalyzedRun {
    let path = try request.path ?? BundledExample.path()
    let gpu = try request.gpu.map { name in
      guard let spec = GPUCatalog.lookup(name) else {
        throw AppError("unknown GPU '\(name)'; `profilemate gpus` lists the known ones.")
      }
      return spec
    }
    let run = try RunInput.read(path: path, command: request.command, threads: request.threads, progress: progress)
    let costModel = try request.model.map {
      try ModelConfigInput.stepCostModel(config: $0, log: run.model.config, tp: request.tp)
    }
    var options = AnalysisOptions(gpu: gpu, thresholds: request.thresholds, costModel: costModel)
    // roofline.csv and the report's roofline from one evaluation of every step.
    var rooflineCSV: (name: String, contents: String)?
    if request.csv, let costModel, let gpu {
      let r = CSVExport.roofline(
        run.model, gpu: gpu, costModel: costModel, overheadFactor: request.thresholds.rooflineOverheadFactor)
      rooflineCSV = r.file
      options.evaluatedRoofline = .init(r.analysis)
    }
    let analysis = RunInput.analyze(run, options: options)
    var out = AnalyzedRun(run: run, analysis: analysis, gpu: gpu, costModel: costModel, path: path)
    out.rooflineCSV = rooflineCSV
    return out
  }

  /// `report`'s input: a log or run directory; a saved report is refused (it holds no series to draw).
  public static func forReport(_ request: AnalyzeRequest, progress: RunInput.Progress? = nil) throws -> AnalyzedRun {
    if let path = request.path, try InputDetector.detect(path: path) == .savedReport {
      throw AppError("\(path): a saved JSON report holds no series to draw; pass the log it came from")
    }
    var r = request
    r.command = "report"
    return try run(r, progress: progress)
  }
}
