// GLPKSolverTests: the GLPK backend on small hand-solvable models, and its sharp edges (faults
// become errors, invalid models never reach GLPK, infeasible is a status).
import CGLPK
import GLPKShim
@testable import GLPKSolver
import LinearModel
import Testing
import Foundation

/// max 5a + 4b st 6a + 4b <= 24, a + 2b <= 6, a, b whole: optimum -20 (as minimised).
func knapsack() -> Model {
    var m = Model(name: "small")
    let a = m.addVariable("a", upper: 10, cost: -5)
    let b = m.addVariable("b", upper: 10, cost: -4)
    m.addRow("r1", [(a, 6), (b, 4)], upper: 24)
    m.addRow("r2", [(a, 1), (b, 2)], upper: 6)
    return m
}

@Suite(.serialized) struct GLPKSolverTests {
    /// A GLPK fatal error would abort the process; through the shim it becomes a return code and
    /// GLPK keeps working afterwards on this thread.
    @Test func aGLPKFaultBecomesAnErrorNotAnAbort() throws {
        glpk_shim_capture_output(0)
        #expect(glpk_shim_provoke_fault() == SHIM_FAULT)
        #expect(String(cString: glpk_shim_last_error()).contains("fault provoked on purpose"))
        // The environment was freed; GLPK still works.
        var m = Model(name: "after")
        let x = m.addVariable("x", upper: 2, cost: -1)
        m.addRow("r", [(x, 1)], upper: 1)
        #expect(try GLPKSolver().solve(m, options: SolveOptions(), start: nil).objective == -1)
    }

    /// Each kind of call the shim guards fails cleanly: a bad column index in a setter, a bad
    /// count, a bad matrix index while building.
    @Test(arguments: [1, 2, 3])
    func everyGuardedCallTurnsAFaultIntoAnError(call: Int32) throws {
        glpk_shim_capture_output(0)
        #expect(glpk_shim_claim_thread() == 1)
        let p = glp_create_prob()!
        let fault: Int32
        if call == 3 {
            let lower = [0.0], upper = [1.0], integer: [Int32] = [0], cost = [1.0]
            let rl = [-Double.infinity], ru = [1.0], start: [Int32] = [0, 1], index: [Int32] = [7], value = [1.0]
            fault = glpk_shim_build(p, 1, lower, upper, integer, cost, 0, 1, rl, ru, start, index, value)
        } else {
            fault = glpk_shim_provoke(p, call)
        }
        // After a fault the environment, and the problem with it, is gone: no glp_delete_prob.
        glpk_shim_release_thread()
        #expect(fault == SHIM_FAULT)
        #expect(!String(cString: glpk_shim_last_error()).isEmpty)
        #expect(try GLPKSolver().solve(knapsack(), options: SolveOptions(), start: nil).objective == -20)
    }

    /// A fault raised by a GLPK call inside branch-and-cut's callback comes back through C only
    /// (the callback is C): a clear error, and the next solve works.
    @Test func aFaultInsideTheCallbackIsAnError() throws {
        var solver = GLPKSolver()
        solver.faultInCallback = true
        #expect {
            try solver.solve(knapsack(), options: SolveOptions(), start: nil)
        } throws: { error in
            guard case .fault(let message) = error as? SolverError else { return false }
            return message.contains("glp_ios_branch_upon")
        }
        #expect(try GLPKSolver().solve(knapsack(), options: SolveOptions(), start: nil).objective == -20)
    }

    /// GLPK's memory limit, hit while solving, is a fault: a clear error, and the next solve in
    /// the same process works.
    @Test func runningOutOfMemoryIsAnErrorAndTheNextSolveWorks() throws {
        var big = Model(name: "big")
        for j in 0..<20_000 { big.addVariable("x\(j)", upper: 1, cost: -1) }
        for i in 0..<2_000 { big.addRow("r\(i)", (0..<200).map { ((i * 7 + $0 * 97) % 20_000, 1.0) }, upper: 3) }
        glp_mem_limit(1)
        defer { glp_mem_limit(Int32.max) }
        #expect {
            try GLPKSolver().solve(big, options: SolveOptions(), start: nil)
        } throws: { error in
            guard case .fault(let message) = error as? SolverError else { return false }
            return message.contains("memory")
        }
        glp_mem_limit(Int32.max)
        #expect(try GLPKSolver().solve(knapsack(), options: SolveOptions(), start: nil).objective == -20)
    }

    /// A thread holds one GLPK problem at a time (a fault frees the thread's whole environment).
    @Test func aThreadHoldsOneProblemAtATime() throws {
        #expect(glpk_shim_claim_thread() == 1)
        #expect(glpk_shim_claim_thread() == 0)
        #expect(throws: SolverError.self) { try GLPKSolver().solve(knapsack(), options: SolveOptions(), start: nil) }
        glpk_shim_release_thread()
        #expect(try GLPKSolver().solve(knapsack(), options: SolveOptions(), start: nil).objective == -20)
    }

    @Test func writesTheModelAsMPSAndLP() throws {
        var m = Model(name: "written")
        let x = m.addVariable("x[L-1,S-1,in_person]", upper: 1, cost: -1)
        m.addRow("capacity[S-1,in_person]", [(x, 1)], upper: 1)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glpk-write-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["mps", "lp"] {
            let path = dir.appendingPathComponent("model.\(ext)").path
            try GLPKSolver().write(m, to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("capacity"))
        }
    }
}

/// GLPK keeps one environment per thread: problems solved at once on several threads do not
/// interfere.
@Test func solvesOnSeveralThreadsAtOnce() throws {
    let answers = ResultsBox()
    DispatchQueue.concurrentPerform(iterations: 16) { k in
        var m = Model(name: "thread\(k)")
        let a = m.addVariable("a", upper: 10, cost: -5)
        let b = m.addVariable("b", upper: 10, cost: -4)
        m.addRow("r1", [(a, 6), (b, 4)], upper: 24 + Double(k % 2) * 6)
        m.addRow("r2", [(a, 1), (b, 2)], upper: 6)
        answers.set(k, try? GLPKSolver().solve(m, options: SolveOptions(), start: nil).objective)
    }
    for k in 0..<16 {
        // k even: a=4, b=0 -> -20; k odd (6a + 4b <= 30): a=5, b=0 -> -25.
        #expect(answers.get(k) == (k % 2 == 0 ? -20 : -25))
    }
}

final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Double?] = [:]
    func set(_ k: Int, _ v: Double?) { lock.lock(); values[k] = v; lock.unlock() }
    func get(_ k: Int) -> Double? { lock.lock(); defer { lock.unlock() }; return values[k] ?? nil }
}

/// Column pricing (ColumnPricing.swift) on a model shaped like the planner's: groups (supply rows)
/// choosing seats (demand rows) under a side row, some columns far costlier than others.
@Suite struct ColumnPricingTests {
    /// 30 groups of 1-3 learners, 12 seats rows of 2-6 seats, each group eligible for 8 of them at a
    /// seeded cost (an unassigned learner costs 1,000), and side rows: at most 20 learners placed,
    /// none in the groups' three cheapest seats.
    static func model(seed: UInt64) -> Model {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var m = Model(name: "priced")
        var seatTerms = [[(Int, Double)]](repeating: [], count: 12), all: [(Int, Double)] = []
        var groupRows: [(terms: [(Int, Double)], size: Double)] = []
        var cheapest: [(Int, Double)] = []
        for g in 0..<30 {
            let size = Double(1 + next(3))
            var terms: [(Int, Double)] = []
            var seen = Set<Int>()
            while seen.count < 8 { seen.insert(next(12)) }
            var costs: [(column: Int, cost: Double)] = []
            for s in seen.sorted() {
                let cost = Double(next(900)) - 1000
                let x = m.addVariable("x[\(g),\(s)]", upper: size, integer: false, cost: cost)
                terms.append((x, 1))
                seatTerms[s].append((x, 1))
                all.append((x, 1))
                costs.append((x, cost))
            }
            cheapest += costs.sorted { $0.cost < $1.cost }.prefix(3).map { ($0.column, 1) }
            groupRows.append((terms, size))
        }
        for (g, row) in groupRows.enumerated() { m.addRow("group[\(g)]", row.terms, upper: row.size, role: .supply) }
        for s in 0..<12 { m.addRow("seats[\(s)]", seatTerms[s], upper: Double(2 + next(5)), role: .demand) }
        m.addRow("placed", all, upper: 20)
        // The groups' three cheapest seats, which the network start likes best, closed: the
        // optimum needs columns that pricing left out at first.
        m.addRow("cheapest", cheapest, upper: 0)
        return m
    }

    static func solver(pricing: Bool, slice: Int32? = nil) -> GLPKSolver {
        var s = GLPKSolver()
        s.pricingFromColumns = pricing ? 0 : Int.max
        s.sliceIterations = slice
        return s
    }

    @Test(arguments: 0..<20)
    func pricedOrNotTheOptimumIsTheSame(seed: UInt64) throws {
        let m = Self.model(seed: seed)
        let plain = try Self.solver(pricing: false).solve(m, options: SolveOptions(), start: nil)
        let priced = try Self.solver(pricing: true).solve(m, options: SolveOptions(), start: nil)
        #expect(plain.termination == .optimal && priced.termination == .optimal)
        #expect(abs(plain.objective! - priced.objective!) < 1e-6, "plain \(plain.objective!), priced \(priced.objective!)")
        #expect(priced.statistics.columnsLeftOut > 0, "nothing was left out: the test does not test pricing")
        #expect(m.violations(of: priced.values!).isEmpty)
    }

    /// Stopped after k slices of one iteration, the bound written is never above the optimum,
    /// columns left out or not.
    @Test(arguments: 0..<6)
    func aStoppedRelaxationsBoundIsNeverAboveTheOptimum(seed: UInt64) throws {
        let m = Self.model(seed: seed)
        let optimum = try Self.solver(pricing: false).solve(m, options: SolveOptions(), start: nil).objective!
        for k in 1...120 {
            final class Counter: @unchecked Sendable { var n = 0 }
            let counter = Counter()
            var options = SolveOptions()
            options.shouldStop = { counter.n += 1; return counter.n > k }
            let r = try Self.solver(pricing: true, slice: 1).solve(m, options: options, start: nil)
            #expect(r.bound <= optimum + 1e-6, "seed \(seed), stopped after \(k): bound \(r.bound) above the optimum \(optimum)")
            // Never none: the dual simplex's bound, or (while columns priced back in are being
            // brought in by the primal simplex) the best bound met on the way.
            #expect(r.bound.isFinite, "seed \(seed), stopped after \(k): no bound")
        }
    }
}
