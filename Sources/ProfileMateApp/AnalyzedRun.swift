import PerfModel
import ProfileMateCore
import PromMetrics
import Render

/// A run read and analysed for `analyze` and `report`, with what the renderers need beside the analysis.
public struct AnalyzedRun: Sendable {
  /// The input read.
  public var run: LoadedRun
  /// The analysis (a run directory's parts joined).
  public var analysis: RunAnalysis
  /// The GPU, when given.
  public var gpu: GPUSpec?
  /// The perf model of `--model`, when given.
  public var costModel: PerfStepCostModel?

  /// The path analysed (the bundled example's when none was given).
  public var path: String
  /// roofline.csv, when made with the analysis (``AnalyzeRequest/csv``).
  public var rooflineCSV: (name: String, contents: String)?

  /// Creates the result.
  public init(run: LoadedRun, analysis: RunAnalysis, gpu: GPUSpec?, costModel: PerfStepCostModel?, path: String) {
    self.run = run
    self.analysis = analysis
    self.gpu = gpu
    self.costModel = costModel
    self.path = path
  }

  /// The CSV files of `analyze --csv`: the run's series, a run directory's tables and, with a model and a GPU,
  /// every step against its roofline bounds.
  public var csvFiles: [(name: String, contents: String)] {
    var files = CSVExport.files(run.model) + CSVExport.runDirectoryFiles(analysis)
    files.append(CSVExport.reportFile(ReportPage(analysis)))
    if let rooflineCSV {
      files.append(rooflineCSV)
    } else if let costModel, let gpu {
      files.append(
        CSVExport.rooflineFile(
          run.model, gpu: gpu, costModel: costModel, overheadFactor: analysis.roofline?.overheadFactor ?? 4))
    }
    return files
  }

  /// A run directory's `/metrics` recording over time, for the charts of the HTML report.
  public var timeline: MetricsTimeline? { run.runDirectory?.timeline }

  /// A run directory's server-side TTFT and inter-token histograms, for the HTML report.
  public var serverHistograms: ServerLatencyHistograms? {
    run.runDirectory?.metrics.map { m in
      ServerLatencyHistograms(
        ttft: m.window.histograms[.timeToFirstToken], itl: m.window.histograms[.interTokenLatency],
        seconds: run.runDirectory?.sources.metricsSeconds)
    }
  }
}
