import Kernels
import PerfModel
import ProfileMateCore
import ProfileMateIO

/// Reading the files of `profilemate kernels`: each one detected by content and read (a trace streamed), with
/// the analytic step model of `--model` for traces whose steps carry vLLM's detailed labels.
public enum KernelsInput {
  /// The report of every path, in order.
  /// - Parameters:
  ///   - gpu: the device whose datasheet bandwidth the shares use.
  ///   - model: a Hugging Face `config.json` for the step-model join, if any; `tp` its tensor-parallel size.
  /// - Throws: ``AppError`` naming the file for content that is not a kernel file or cannot be parsed,
  ///   ``InputError`` for a file that cannot be read, ``ConfigError`` for an unusable config (all exit 2).
  public static func reports(
    paths: [String], gpu: GPUSpec?, model: String?, tp: Int = 1
  ) throws
    -> [(path: String, report: KernelReport)]
  {
    let costModel = try model.map {
      try PerfStepCostModel(
        config: try ModelConfigInput.load($0, tp: tp, pp: 1), deployment: Deployment(tensorParallelSize: tp))
    }
    return try paths.map { path in
      do {
        return (path, try KernelFiles.report(path: path, gpu: gpu, costModel: costModel))
      } catch let error as KernelInputError {
        throw AppError("\(path): \(error.description)")
      }
    }
  }
}
