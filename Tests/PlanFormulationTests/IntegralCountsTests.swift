// IntegralCountsTests: count columns are continuous where the model keeps them integral; when a
// solver still answers with fractional counts, the planner repairs them and the plan stays optimal.
import PlanTestSupport
import Foundation
import GLPKSolver
import LinearModel
import PlanDomain
import PlanFormulation
import Testing

/// A mock backend: solves with GLPK, then (first call only) moves half a learner between two
/// continuous count columns, as a solver whose cuts cut off integral vertices might.
final class FractionalOnceSolver: MILPSolver, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var calls = 0

    func solve(_ model: Model, options: SolveOptions, start: [Double]?) throws(SolverError) -> SolverResult {
        lock.lock()
        calls += 1
        let first = calls == 1
        lock.unlock()
        var result = try GLPKSolver().solve(model, options: options, start: start)
        guard first, var values = result.values else { return result }
        let continuous = model.variables.indices.filter { !model.variables[$0].isInteger && model.variables[$0].name.hasPrefix("x[") }
        if let a = continuous.first(where: { values[$0] >= 1 }), let b = continuous.first(where: { $0 != a && values[$0] < model.variables[$0].upper }) {
            values[a] -= 0.5
            values[b] += 0.5
            result.values = values
            result.objective = model.objective(of: values)
        }
        return result
    }
}

@Suite struct IntegralCountsTests {
    @Test func fractionalCountsAreRepaired() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let instance = try Instance.decode(Array(try Data(contentsOf: root.appendingPathComponent("instances/tiny.json"))))
        let mock = FractionalOnceSolver()
        let plan = try Planner.solve(instance, options: PlannerOptions(solver: mock, threads: 1))
        #expect(mock.calls >= 2, "the repair must have asked the solver again")
        #expect(plan.status == .optimal)
        #expect(plan.objective == 202_060)
        #expect(instance.violations(of: plan.assignments).isEmpty)
    }

    /// Counts of structures without maxAbsent are continuous in the aggregated model; all are
    /// integer in the per-learner model.
    @Test func countColumnsAreContinuousOnlyWhereSafe() throws {
        let c = try BFCases.make(seed: 1)
        let aggregated = Planner.model(c.instance)
        let perLearner = Planner.model(c.instance, formulation: .perLearner)
        #expect(perLearner.variables.allSatisfy { $0.isInteger || $0.name == "objective_constant" })
        #expect(aggregated.variables.contains { $0.name.hasPrefix("x[") })
        for v in aggregated.variables where v.name.hasPrefix("x[") {
            let learner = String(v.name.dropFirst(2).prefix { $0 != "," && $0 != "+" })
            let l = c.instance.learners.firstIndex { $0.id == learner }!
            let hasMaxAbsent = c.instance.structures[c.instance.learners[l].structure].maxAbsent != nil
            #expect(v.isInteger == hasMaxAbsent, "\(v.name)")
        }
    }
}

/// The library checks its options itself (the command line is not the only caller).
@Suite struct PlannerOptionsTests {
    @Test(arguments: [Double.infinity, -1, 0, .nan])
    func aTimeLimitThatIsNotAPositiveNumberIsRefused(limit: Double) throws {
        let c = try BFCases.make(seed: 1)
        #expect(throws: PlannerError.self) { try Planner.solve(c.instance, options: .glpk(timeLimit: limit)) }
    }

    @Test func aGapOutsideZeroToOneIsRefused() throws {
        let c = try BFCases.make(seed: 1)
        #expect(throws: PlannerError.self) { try Planner.solve(c.instance, options: .glpk(relativeGap: 1.5)) }
    }
}

/// A mock backend that answers the first call with fractional counts (as `FractionalOnceSolver`)
/// and records the time limit of every call.
final class RecordingFractionalSolver: MILPSolver, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var limits: [Double?] = []
    private let inner = FractionalOnceSolver()

    func solve(_ model: Model, options: SolveOptions, start: [Double]?) throws(SolverError) -> SolverResult {
        lock.lock()
        limits.append(options.timeLimit)
        lock.unlock()
        return try inner.solve(model, options: options, start: start)
    }
}

/// A mock backend whose first answer has fractional counts and whose every later call is stopped
/// by the time limit before finding anything.
final class FractionalThenStoppedSolver: MILPSolver, @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    private let inner = FractionalOnceSolver()

    func solve(_ model: Model, options: SolveOptions, start: [Double]?) throws(SolverError) -> SolverResult {
        lock.lock()
        calls += 1
        let first = calls == 1
        lock.unlock()
        if first { return try inner.solve(model, options: options, start: start) }
        return SolverResult(termination: .timeLimit, values: nil, objective: nil, bound: -.infinity, seconds: 0)
    }
}

@Suite struct RepairUnderTimeLimitTests {
    static let tiny: Instance = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! Instance.decode(Array(try! Data(contentsOf: root.appendingPathComponent("instances/tiny.json"))))
    }()

    /// The repair of an answer already found runs without the time limit: a part that was solved
    /// keeps its plan and its optimal status however little time is left.
    @Test func theRepairIsNotCutByTheTimeLimit() throws {
        let mock = RecordingFractionalSolver()
        let plan = try Planner.solve(Self.tiny, options: PlannerOptions(solver: mock, timeLimit: 60, threads: 1))
        #expect(plan.status == .optimal)
        #expect(plan.objective == 202_060)
        #expect(mock.limits.count >= 2)
        #expect(mock.limits.first! != nil)
        #expect(mock.limits[1] == nil, "the repair was given a time limit")
    }

    /// Whatever stops the repairs, the part keeps a plan (the greedy one), honestly labelled.
    @Test func aStoppedRepairStillGivesAPlan() throws {
        let plan = try Planner.solve(Self.tiny, options: PlannerOptions(solver: FractionalThenStoppedSolver(), timeLimit: 60, threads: 1))
        #expect(plan.status == .feasible)
        #expect(Self.tiny.violations(of: plan.assignments).isEmpty)
        #expect(plan.bound <= 202_060)
        #expect(plan.objective >= 202_060)
    }
}
