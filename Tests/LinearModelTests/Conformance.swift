// Conformance: one suite every MILPSolver backend passes, as MathOptInterface's tests do for
// JuMP's solvers: optima of linear and integer programs, infeasible and unbounded models, bounds
// and the objective constant, starting points, lazy rows, interruption, and refusals (invalid
// models, starts and options). Run against GLPK and the enumeration mock.
import Foundation
import GLPKSolver
import LinearModel
import Testing

/// The backends under test, by name (Swift Testing shows the name).
enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
    /// GLPK; GLPK with column pricing from the first column (ColumnPricing.swift); a mock.
    case glpk, glpkPricing, enumeration
    var solver: any MILPSolver {
        switch self {
        case .glpk: return GLPKSolver()
        case .glpkPricing:
            var s = GLPKSolver()
            s.pricingFromColumns = 0
            return s
        case .enumeration: return EnumerationSolver()
        }
    }
    var description: String { rawValue }
}

/// max 5a + 4b st 6a + 4b <= 24, a + 2b <= 6, a, b whole in [0, 10]: a = 4, b = 0 (the
/// relaxation's a = 3, b = 1.5 is worth 21), minimised as -20.
func knapsack(integer: Bool = true) -> Model {
    var m = Model(name: "knapsack")
    let a = m.addVariable("a", upper: 10, integer: integer, cost: -5)
    let b = m.addVariable("b", upper: 10, integer: integer, cost: -4)
    m.addRow("r1", [(a, 6), (b, 4)], upper: 24)
    m.addRow("r2", [(a, 1), (b, 2)], upper: 6)
    return m
}

/// Two suppliers (3 and 2 units), two sinks (at most 2 and 4), costs -5, -1 / -4, -3: a network
/// matrix, so the relaxation's optimum is whole (-17).
func transportation(lazyLink: Bool = false) -> Model {
    var m = Model(name: "transportation")
    let x11 = m.addVariable("x11", upper: 3, integer: false, cost: -5)
    let x12 = m.addVariable("x12", upper: 3, integer: false, cost: -1)
    let x21 = m.addVariable("x21", upper: 2, integer: false, cost: -4)
    let x22 = m.addVariable("x22", upper: 2, integer: false, cost: -3)
    m.addRow("supply1", [(x11, 1), (x12, 1)], upper: 3, role: .supply)
    m.addRow("supply2", [(x21, 1), (x22, 1)], upper: 2, role: .supply)
    m.addRow("demand1", [(x11, 1), (x21, 1)], upper: 2, role: .demand)
    m.addRow("demand2", [(x12, 1), (x22, 1)], upper: 4, role: .demand)
    return m
}

@Suite struct Conformance {
    @Test(arguments: Backend.allCases)
    func solvesAnIntegerProgram(backend: Backend) throws {
        let r = try backend.solver.solve(knapsack(), options: SolveOptions(), start: nil)
        #expect(r.termination == .optimal)
        #expect(r.objective == -20)
        #expect(r.values == [4, 0])
        #expect(r.bound == -20)
    }

    @Test(arguments: Backend.allCases)
    func solvesALinearProgramWithWholeVertices(backend: Backend) throws {
        // Sink 1 (2 seats) to supplier 1 (-5 each) beats supplier 2 (-4): x11 = 2, x12 = 1,
        // x22 = 2: -10 - 1 - 6 = -17.
        let r = try backend.solver.solve(transportation(), options: SolveOptions(), start: nil)
        #expect(r.termination == .optimal)
        #expect(abs(r.objective! + 17) < 1e-9)
        #expect(r.bound <= r.objective! + 1e-9)
    }

    @Test(arguments: Backend.allCases)
    func keepsBoundsAndTheObjectiveConstant(backend: Backend) throws {
        var m = Model(name: "bounds")
        m.objectiveConstant = 100
        let a = m.addVariable("a", lower: -3, upper: 3, cost: 1)      // wants -3
        let b = m.addVariable("b", lower: 2, upper: 2, cost: -1)      // fixed at 2
        let c = m.addVariable("c", lower: 0, upper: 5, cost: -2)      // held by the row
        m.addRow("r", [(a, 1), (c, 1)], lower: -1, upper: 1)
        let r = try backend.solver.solve(m, options: SolveOptions(), start: nil)
        // a + c in [-1, 1]: a = -3 needs c <= 4 and c >= 2; best c = 4: 100 - 3 - 2 - 8 = 87.
        #expect(r.termination == .optimal)
        #expect(r.values == [-3, 2, 4])
        #expect(r.objective == 87)
        _ = b
    }

    @Test(arguments: Backend.allCases)
    func reportsInfeasibleAsAStatus(backend: Backend) throws {
        var m = Model(name: "infeasible")
        let a = m.addVariable("a", upper: 1)
        m.addRow("needs two", [(a, 1)], lower: 2)
        let r = try backend.solver.solve(m, options: SolveOptions(), start: nil)
        #expect(r.termination == .infeasible)
        #expect(r.values == nil)
    }

    @Test(arguments: Backend.allCases)
    func reportsUnboundedAsAStatus(backend: Backend) throws {
        var m = Model(name: "unbounded")
        m.addVariable("a", upper: .infinity, integer: false, cost: -1)
        let b = m.addVariable("b", upper: 1, cost: 1)
        m.addRow("r", [(b, 1)], upper: 1)
        let r = try backend.solver.solve(m, options: SolveOptions(), start: nil)
        #expect(r.termination == .unbounded)
        #expect(r.values == nil)
    }

    @Test(arguments: Backend.allCases)
    func startsFromAFeasiblePoint(backend: Backend) throws {
        let r = try backend.solver.solve(knapsack(), options: SolveOptions(), start: [0, 3])
        #expect(r.termination == .optimal)
        #expect(r.objective == -20)
    }

    @Test(arguments: Backend.allCases)
    func lazyRowsDoNotChangeTheOptimum(backend: Backend) throws {
        // y opens both columns; the lazy row x1 + x2 <= 1.5 y... is implied by integrality here:
        // x1, x2 whole in [0, 1], x1 + x2 <= 2y, and the lazy x1 + x2 <= 2y - 0 restated tighter
        // per column (x1 <= y, x2 <= y), which integer points keep.
        var m = Model(name: "lazy")
        let y = m.addVariable("y", upper: 1, cost: 3)
        let x1 = m.addVariable("x1", upper: 1, cost: -2)
        let x2 = m.addVariable("x2", upper: 1, cost: -2)
        m.addRow("open", [(x1, 1), (x2, 1), (y, -2)], upper: 0)
        m.addRow("link1", [(x1, 1), (y, -1)], upper: 0, role: .lazy)
        m.addRow("link2", [(x2, 1), (y, -1)], upper: 0, role: .lazy)
        let r = try backend.solver.solve(m, options: SolveOptions(), start: nil)
        #expect(r.termination == .optimal)
        #expect(r.objective == -1)
        #expect(r.values == [1, 1, 1])
    }

    @Test(arguments: Backend.allCases)
    func stopsWhenAskedAndKeepsTheStart(backend: Backend) throws {
        var options = SolveOptions()
        options.shouldStop = { true }
        let r = try backend.solver.solve(knapsack(), options: options, start: [0, 3])
        #expect(r.termination == .interrupted)
        #expect(r.values == [0, 3])
        #expect(r.objective == -12)
        #expect(r.bound <= -20)
    }

    @Test(arguments: Backend.allCases)
    func refusesAnInvalidModel(backend: Backend) throws {
        var m = Model(name: "NaN")
        m.addVariable("x", upper: 1, cost: .nan)
        #expect(throws: SolverError.self) { try backend.solver.solve(m, options: SolveOptions(), start: nil) }
    }

    @Test(arguments: Backend.allCases)
    func refusesAStartOfTheWrongLength(backend: Backend) throws {
        #expect(throws: SolverError.invalidStart(values: 1, columns: 2)) {
            try backend.solver.solve(knapsack(), options: SolveOptions(), start: [1])
        }
    }

    @Test(arguments: Backend.allCases, [Double.infinity, 0, -1, .nan])
    func refusesATimeLimitThatIsNotAPositiveNumber(backend: Backend, limit: Double) throws {
        #expect(throws: SolverError.self) {
            try backend.solver.solve(knapsack(), options: SolveOptions(timeLimit: limit), start: nil)
        }
    }
}
