// swift-tools-version:6.0
// kto: client-satisfaction survey (KTO) processing for Dutch municipal social services.
// No package dependencies by design: the toolchain, Foundation and the test frameworks only.
import PackageDescription

let package = Package(
    name: "kto",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KTO", targets: ["KTOCommand"]),
        .executable(name: "kto", targets: ["kto"]),
        .executable(name: "kto-bench", targets: ["kto-bench"]),
        .executable(name: "kto-fuzz", targets: ["kto-fuzz"]),
    ],
    targets: [
        // import: bytes -> records (encodings, dialects, RFC 4180). Knows nothing of surveys.
        .target(name: "KTOImport"),
        // text safety: HTML escaping, Excel-safe CSV cells, anonymisation of open answers.
        .target(name: "KTOText", exclude: ["WordData"]),
        // pure numerics: descriptive statistics, distributions, tests. No survey words.
        .target(name: "KTOStats"),
        // study description (codebook, study file), typed columnar dataset, row ledger.
        .target(name: "KTOModel", dependencies: ["KTOImport"]),
        // results per item x group x meting, comparisons, flags.
        .target(name: "KTOAnalysis", dependencies: ["KTOModel", "KTOStats", "KTOText"]),
        // the report model: sections, tables, findings; Dutch wording.
        .target(name: "KTOReport", dependencies: ["KTOAnalysis", "KTOText"]),
        // one writer per output format; writers format, never compute.
        .target(name: "KTOWriters", dependencies: ["KTOReport", "KTOAnalysis", "KTOText", "KTOImport"]),
        // deterministic generator of the sample study's exports.
        .target(name: "KTOSample", dependencies: ["KTOModel", "KTOImport"]),
        // the commands behind the CLI, reachable from tests.
        .target(name: "KTOCommand", dependencies: [
            "KTOImport", "KTOModel", "KTOStats", "KTOAnalysis", "KTOReport", "KTOWriters", "KTOSample", "KTOText",
        ]),
        .executableTarget(name: "kto", dependencies: ["KTOCommand"]),
        .executableTarget(
            name: "kto-bench",
            dependencies: ["KTOCommand", "KTOImport", "KTOModel", "KTOAnalysis", "KTOReport", "KTOWriters", "KTOSample"],
            exclude: ["peers"]),
        // mutation fuzzer for the parsers and the loader (README, Tests → Fuzzing).
        .executableTarget(name: "kto-fuzz", dependencies: ["KTOImport", "KTOModel", "KTOAnalysis", "KTOCommand"]),

        .testTarget(name: "KTOImportTests", dependencies: ["KTOImport"]),
        .testTarget(name: "KTOTextTests", dependencies: ["KTOText"]),
        .testTarget(name: "KTOStatsTests", dependencies: ["KTOStats"]),
        .testTarget(name: "KTOModelTests", dependencies: ["KTOModel", "KTOImport"]),
        .testTarget(name: "KTOAnalysisTests", dependencies: ["KTOAnalysis", "KTOModel", "KTOStats", "KTOSample"]),
        .testTarget(name: "KTOCommandTests", dependencies: ["KTOCommand", "kto"]),
        .testTarget(name: "KTOWritersTests", dependencies: ["KTOWriters", "KTOReport", "KTOAnalysis", "KTOModel", "KTOStats"]),
        .testTarget(name: "KTOSampleTests", dependencies: ["KTOSample"]),
    ]
)
