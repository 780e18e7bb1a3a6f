// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ProfileMate",
  // macOS: the code keeps to POSIX calls available there (Linux-only ones, such as MAP_POPULATE, are behind `#if`),
  // but only Linux is built and tested (CI); a macOS build has not been tried.
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "profilemate", targets: ["profilemate"]),
    .library(name: "ProfileMateCore", targets: ["ProfileMateCore"]),
    .library(name: "VLLMLog", targets: ["VLLMLog"]),
    .library(name: "Render", targets: ["Render"]),
    .library(name: "PerfModel", targets: ["PerfModel"]),
    .library(name: "PromMetrics", targets: ["PromMetrics"]),
    .library(name: "MetricsFetch", targets: ["MetricsFetch"]),
    .library(name: "RunJoin", targets: ["RunJoin"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0")
  ],
  targets: [
    // Pure model, analyses, findings and the hardware table. No I/O.
    .target(name: "ProfileMateCore"),
    // A strict JSON value and a byte-level parser: linear in any shape, nesting bounded, errors with line and
    // column. No I/O; depends on nothing of ProfileMate's.
    .target(name: "StrictJSON"),
    // Pure byte-level reader of vLLM server logs into the run model.
    .target(name: "VLLMLog", dependencies: ["ProfileMateCore"]),
    // Pure reader of Prometheus /metrics text and the vLLM metric analyses on top. No I/O.
    .target(name: "PromMetrics", dependencies: ["ProfileMateCore"]),
    // Pure join of a run directory: benchmark JSON reader, metrics span, cross-checks and their findings.
    .target(name: "RunJoin", dependencies: ["ProfileMateCore", "PromMetrics", "StrictJSON"]),
    // Pure report document: the `analyze --json` schema as Codable types, its builder from an analysis, the
    // encoder that writes it, and the figures a saved report gives back.
    .target(name: "ReportSchema", dependencies: ["ProfileMateCore"]),
    // Pure renderers: text, JSON, Markdown, CSV, HTML; also the perf-model, KV-plan and roofline tables.
    .target(name: "Render", dependencies: ["ProfileMateCore", "PromMetrics", "ReportSchema", "PerfModel"]),
    // Pure analytic model of vLLM's perf.py (FLOPs and bytes per step), HF config reader, KV planner, roofline.
    .target(name: "PerfModel", dependencies: ["ProfileMateCore", "StrictJSON"]),
    // zlib, for reading .gz logs.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
    // File and stream I/O: chunked reads, gzip, atomic writes.
    .target(name: "ProfileMateIO", dependencies: ["CZlib", "VLLMLog", "ProfileMateCore", "ReportSchema"]),
    // Scraping /metrics over HTTP (URLSession) and reading / writing recordings of scrapes. Not pure.
    .target(name: "MetricsFetch", dependencies: ["ProfileMateCore", "PromMetrics", "ProfileMateIO"]),
    // The application library between the CLI and the modules: reading every input (one input detector),
    // model-config loading, the KV budget, the roofline table, metrics windows and the watch loop. Each command
    // calls one function here; tests call the same functions.
    .target(
      name: "ProfileMateApp",
      dependencies: [
        "ProfileMateCore", "ProfileMateIO", "PerfModel", "PromMetrics", "MetricsFetch", "RunJoin", "Render",
        "StrictJSON",
      ]
    ),
    .executableTarget(
      name: "profilemate",
      dependencies: [
        "ProfileMateApp", "ProfileMateCore", "Render", "PromMetrics", "MetricsFetch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Release-mode benchmark, run on demand (scripts/bench): it times the built `profilemate` binary.
    .executableTarget(name: "profilemate-bench"),
    // Fuzz target over the log reader: built with -sanitize=fuzzer and -DFUZZING by scripts/fuzz;
    // a plain build is a replayer that runs saved inputs through the same entry point.
    // Replays saved inputs through a fuzz target's entry point (the plain build of each fuzz target).
    .target(name: "FuzzReplay"),
    .executableTarget(
      name: "profilemate-fuzz", dependencies: ["VLLMLog", "ProfileMateCore", "Render", "FuzzReplay"]),
    // Release-mode benchmark of the /metrics parser against Python's prometheus_client, and of one watch cycle
    // (scripts/bench-metrics).
    .executableTarget(
      name: "profilemate-prom-bench", dependencies: ["PromMetrics", "MetricsFetch", "Render", "ProfileMateCore"]),
    // Fuzz target over the /metrics parser and the analyses behind it (scripts/fuzz-metrics); a plain build
    // replays saved inputs.
    .executableTarget(
      name: "profilemate-prom-fuzz", dependencies: ["PromMetrics", "ProfileMateCore", "Render", "FuzzReplay"]),
    .testTarget(name: "ProfileMateCoreTests", dependencies: ["ProfileMateCore"]),
    .testTarget(
      name: "ProfileMateAppTests",
      dependencies: ["ProfileMateApp", "ProfileMateCore", "ProfileMateIO", "PerfModel", "MetricsFetch"]),
    .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"]),
    .testTarget(name: "VLLMLogTests", dependencies: ["VLLMLog", "ProfileMateCore", "ProfileMateIO"]),
    .testTarget(name: "RenderTests", dependencies: ["Render", "ProfileMateCore", "VLLMLog"]),
    .testTarget(
      name: "ReportSchemaTests",
      dependencies: [
        "ReportSchema", "ProfileMateCore", "ProfileMateIO", "VLLMLog", "RunJoin", "MetricsFetch", "PromMetrics",
      ], exclude: ["SavedReports"]),
    .testTarget(name: "PerfModelTests", dependencies: ["PerfModel", "ProfileMateCore"]),
    .testTarget(name: "PromMetricsTests", dependencies: ["PromMetrics", "ProfileMateCore", "Render"]),
    .testTarget(name: "ProfileMateIOTests", dependencies: ["ProfileMateIO", "VLLMLog", "ProfileMateCore"]),
    .testTarget(name: "MetricsFetchTests", dependencies: ["MetricsFetch", "PromMetrics", "Render"]),
    .testTarget(
      name: "RunJoinTests",
      dependencies: ["RunJoin", "ProfileMateCore", "PromMetrics", "ProfileMateIO", "MetricsFetch", "Render"]),
    // Runs the built `profilemate` binary end to end (the dependency makes sure it is built).
    .testTarget(name: "ProfileMateCLITests", dependencies: ["profilemate", "ReportSchema"], exclude: ["Goldens"]),
  ],
  swiftLanguageModes: [.v6]
)
