// The shim's brancher (Sources/GLPKShim/branching.c): GLPK's pseudocost rule with its branches
// tried on a shadow problem. It only chooses where to branch, so the optimum must be GLPK's;
// a stop asked for between its trials ends the search; a fault in a trial is an error, and the
// shadow problem it leaves behind is not freed twice.
@testable import GLPKSolver
import LinearModel
import Testing

@Suite struct BranchingTests {
    /// Sites to open (a fixed cost each, a capacity) serving customers' demand at seeded costs,
    /// x[c,s] <= demand[c] * open[s]; an unserved unit costs 60. Its relaxation opens sites by
    /// halves, so branch-and-cut branches.
    static func model(seed: UInt64, sites: Int = 7, customers: Int = 16) -> Model {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var m = Model(name: "facilities")
        let open = (0..<sites).map { m.addVariable("open[\($0)]", upper: 1, integer: true, cost: Double(40 + next(80))) }
        var served = [[(Int, Double)]](repeating: [], count: sites)
        for c in 0..<customers {
            let demand = Double(1 + next(4))
            var terms: [(Int, Double)] = [(m.addVariable("unserved[\(c)]", upper: demand, integer: false, cost: 60), 1)]
            for s in 0..<sites where next(3) > 0 {
                let x = m.addVariable("x[\(c),\(s)]", upper: demand, integer: false, cost: Double(1 + next(30)))
                terms.append((x, 1))
                served[s].append((x, 1))
                m.addRow("link[\(c),\(s)]", [(x, 1), (open[s], -demand)], upper: 0)
            }
            m.addRow("demand[\(c)]", terms, lower: demand, upper: demand)
        }
        for s in 0..<sites { m.addRow("capacity[\(s)]", served[s] + [(open[s], -Double(6 + next(8)))], upper: 0) }
        return m
    }

    static func solver(lookahead: Int?) -> GLPKSolver {
        var s = GLPKSolver()
        s.branchLookahead = lookahead
        return s
    }

    /// The shim's brancher, all candidates tried or a lookahead, finds GLPK's optimum; on the way
    /// some branches are found infeasible without the shadow's coldest columns and tried again on
    /// the whole node (a copy made inside the callback), and a lookahead of 1 tries fewer.
    @Test func theOptimumIsGLPKsWhicheverBranchingChooses() throws {
        var tried = 0, retried = 0, triedBy: [Int: Int] = [:]
        for seed in UInt64(0)..<24 {
            let m = Self.model(seed: seed)
            let glpk = try Self.solver(lookahead: nil).solve(m, options: SolveOptions(), start: nil)
            for lookahead in [0, 1, 8] {
                let shim = try Self.solver(lookahead: lookahead).solve(m, options: SolveOptions(), start: nil)
                #expect(glpk.termination == .optimal && shim.termination == .optimal)
                #expect(abs(glpk.objective! - shim.objective!) < 1e-6, "seed \(seed): \(glpk.objective!) vs \(shim.objective!)")
                #expect(shim.bound <= shim.objective! + 1e-6)
                #expect(m.violations(of: shim.values!).isEmpty)
                tried += shim.statistics.branchesTried
                triedBy[lookahead, default: 0] += shim.statistics.branchesTried
                retried += shim.statistics.branchesRetried
            }
            #expect(glpk.statistics.branchesTried == 0)
        }
        #expect(tried > 0, "no branch was ever tried: the test does not test the brancher")
        #expect(retried > 0, "no branch was tried again on the whole node")
        // The lookahead stops trying early: fewer branches tried than with all of them tried.
        #expect(triedBy[1]! < triedBy[0]!, "branches tried by lookahead: \(triedBy)")
    }

    /// A seed whose search tries branches (a seeded model whose root relaxation is fractional).
    static func branchingSeed() throws -> UInt64 {
        for seed in UInt64(0)..<50 {
            let r = try Self.solver(lookahead: 0).solve(Self.model(seed: seed), options: SolveOptions(), start: nil)
            if r.statistics.branchesTried >= 4 { return seed }
        }
        throw SolverError.fault("no seed tries four branches")
    }

    /// The stop is checked between candidates: a stop asked for while the first candidate's
    /// branches are tried ends the search before a second candidate is tried (a larger model,
    /// whose root relaxation has several fractional sites).
    @Test func aStopAskedForBetweenTrialsEndsTheSearch() throws {
        let m = Self.model(seed: 8, sites: 14, customers: 40)
        let optimum = try Self.solver(lookahead: 0).solve(m, options: SolveOptions(), start: nil).objective!
        var solver = Self.solver(lookahead: 0)
        solver.stopAfterBranchTrials = 1
        let r = try solver.solve(m, options: SolveOptions(), start: nil)
        #expect(r.termination == .interrupted)
        #expect(r.statistics.branchesTried <= 2, "\(r.statistics.branchesTried) branches tried after the stop")
        #expect(r.bound <= optimum + 1e-6)
        if let values = r.values { #expect(m.violations(of: values).isEmpty) }
    }

    /// A GLPK fault while a branch is tried on the shadow problem (a second GLPK problem on the
    /// thread) is an error; glp_free_env has freed the shadow, which must not be freed again;
    /// the next solves work, with and without the brancher.
    @Test func aFaultInATrialIsAnErrorAndTheNextSolveWorks() throws {
        let m = Self.model(seed: try Self.branchingSeed())
        var solver = Self.solver(lookahead: 0)
        solver.faultInBranchTrial = true
        #expect {
            try solver.solve(m, options: SolveOptions(), start: nil)
        } throws: { error in
            guard case .fault(let message) = error as? SolverError else { return false }
            return message.contains("glp_set_col_bnds")
        }
        let again = try Self.solver(lookahead: 0).solve(m, options: SolveOptions(), start: nil)
        let glpk = try Self.solver(lookahead: nil).solve(m, options: SolveOptions(), start: nil)
        #expect(again.termination == .optimal && again.objective == glpk.objective)
    }
}
