// swift-tools-version:6.1
// plan: allocate conseillers numériques to training sessions with an integer program solved by GLPK.
import PackageDescription

let package = Package(
    name: "plan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plan", targets: ["plan"]),
        .library(name: "PlanFormulation", targets: ["PlanFormulation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Domain: instance decoding and validation, calendars, distances, eligibility, plans. No solver.
        .target(name: "PlanDomain"),

        // A solver-neutral mixed-integer linear model.
        .target(name: "LinearModel"),

        // GLPK: the system library, a C shim that turns GLPK's fatal errors into return codes,
        // and the Swift backend.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "GLPKShim", dependencies: ["CGLPK"]),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "GLPKShim", "LinearModel", "NetworkFlow"]),

        // A primal network simplex that keeps its spanning tree (GLPK's warm start).
        .target(name: "NetworkFlow"),

        // The formulation (domain -> model -> plan) and the public `Planner` API; the solver is
        // passed in (any `MILPSolver`), so no backend is a dependency.
        .target(name: "PlanFormulation", dependencies: ["PlanDomain", "LinearModel"]),

        // Excel workbooks (.xlsx) read and written: a zip of XML parts, no Excel needed.
        .target(name: "Workbook", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),

        // CSV and JSON writers for plans, and the spreadsheet templates of an instance.
        .target(name: "PlanWriters", dependencies: ["PlanDomain", "Workbook", .product(name: "Plot", package: "Plot")]),

        // Synthetic instances with real French geography (`plan generate`).
        .target(name: "PlanGenerator", dependencies: ["PlanDomain"]),

        // A second opinion on a written plan folder (`plan check`); shares no code with the formulation.
        .target(name: "PlanCheck", dependencies: ["PlanDomain"]),

        // The command-line front end.
        .executableTarget(name: "plan", dependencies: [
            "PlanDomain", "PlanFormulation", "PlanWriters", "PlanGenerator", "PlanCheck", "GLPKSolver", "LinearModel", "Workbook",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests, by kind; PlanTestSupport is what several of them share (the planner with GLPK).
        .target(name: "PlanTestSupport", dependencies: ["GLPKSolver", "LinearModel", "PlanDomain", "PlanFormulation"],
                path: "Tests/Support"),
        .testTarget(name: "PlanDomainTests", dependencies: ["PlanDomain", "PlanTestSupport"], exclude: ["FuzzCorpus"]),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel", "GLPKSolver", "GLPKShim", "CGLPK"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "GLPKShim", "CGLPK", "LinearModel"]),
        .testTarget(name: "PlanFormulationTests", dependencies: ["PlanFormulation", "PlanDomain", "LinearModel",
                                                                 "GLPKSolver", "PlanTestSupport", "PlanWriters", "PlanCheck"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook"], exclude: ["Fixtures"]),
        .testTarget(name: "PlanWritersTests", dependencies: ["PlanWriters", "PlanFormulation", "PlanDomain", "PlanTestSupport", "Workbook"],
                    exclude: ["Golden"]),
        .testTarget(name: "PlanCLITests", dependencies: ["plan"]),
        .testTarget(name: "PlanGeneratorTests", dependencies: ["PlanGenerator", "PlanDomain"]),
        .testTarget(name: "PlanCheckTests", dependencies: ["PlanCheck", "PlanDomain", "PlanFormulation", "PlanWriters",
                                                           "PlanTestSupport"]),
        .testTarget(name: "NetworkFlowTests", dependencies: ["NetworkFlow", "CGLPK", "PlanTestSupport"]),
    ]
)
