/// The findings of `profilemate kernels`, evaluated in the Kernels module (its thresholds are
/// `KernelThresholds` there; docs/kernels.md, "Findings"). One rule per finding id.
package struct KernelFileRule: FindingRule {
  package let info: RuleInfo

  /// The rule for one id.
  package init(id: String, severities: [Severity], summary: String) {
    info = RuleInfo(id: id, area: .kernels, sources: [.kernels], severities: severities, summary: summary)
  }

  /// One kernel class (not `other`) takes at least half of the kernel time.
  package static let classDominant = KernelFileRule(
    id: "kernel_class_dominant", severities: [.info], summary: "one kernel class (not other) takes ≥ 50% of kernel time"
  )
  /// Communication kernels take a large share.
  package static let communicationShare = KernelFileRule(
    id: "communication_share", severities: [.warning], summary: "communication kernels take ≥ 20% of kernel time")
  /// Runtime copies and sets take a large share.
  package static let memcpyShare = KernelFileRule(
    id: "memcpy_share", severities: [.warning], summary: "memcpy/memset take ≥ 10% of kernel time")
  /// A streaming attention kernel far below the memory roofline.
  package static let attentionLowBandwidth = KernelFileRule(
    id: "attention_low_bandwidth", severities: [.warning],
    summary: "an attention kernel with ≥ 5% of time and ≥ 1 MB per launch reaches < 50% of DRAM peak")
  /// Kernels that keep neither DRAM nor the SMs busy.
  package static let lowUtilisation = KernelFileRule(
    id: "kernel_low_utilisation", severities: [.info],
    summary: "kernels with ≥ 10% of time (attention 5%) below 40% of both DRAM and SM peak")
  /// Names the class table does not know.
  package static let unclassified = KernelFileRule(
    id: "kernels_unclassified", severities: [.info], summary: "kernel names matching no class take ≥ 5% of time")
  /// Tensor-op counters that read zero on tensor-core kernels.
  package static let tensorCountersZero = KernelFileRule(
    id: "tensor_counters_zero", severities: [.info],
    summary: "GEMM/attention kernels whose sm__ops_path_tensor_* counters all read 0 (not collected)")
  /// No CUDA-graph launches in an nsys API summary.
  package static let noGraphLaunches = KernelFileRule(
    id: "no_cuda_graph_launches", severities: [.info],
    summary: "an nsys API summary with kernel launches and no cudaGraphLaunch")
  /// The device idle between activities on a timeline.
  package static let gpuIdle = KernelFileRule(
    id: "gpu_idle_gaps", severities: [.warning], summary: "the device is idle ≥ 15% of a timeline's span")
  /// Step time outside operators in a torch trace.
  package static let stepGaps = KernelFileRule(
    id: "trace_step_gaps", severities: [.warning],
    summary: "≥ 30% of ProfilerStep time in a torch trace is outside any top-level operator")
  /// A torch trace without device activity.
  package static let cpuOnly = KernelFileRule(
    id: "trace_cpu_only", severities: [.info], summary: "a torch trace with operators but no kernels, copies or sets")

  /// Every kernel rule, in the order their findings of equal severity keep.
  package static let all: [KernelFileRule] = [
    classDominant, communicationShare, memcpyShare, attentionLowBandwidth, lowUtilisation, unclassified,
    tensorCountersZero, noGraphLaunches, gpuIdle, stepGaps, cpuOnly,
  ]
}
