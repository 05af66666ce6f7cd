// GLPKSolverTests: the GLPK backend on small hand-solvable models, and its sharp edges (faults
// become errors, invalid models never reach GLPK, infeasible is a status).
import CGLPK
import GLPKShim
import GLPKSolver
import LinearModel
import Testing
import Foundation

@Suite struct GLPKSolverTests {
    /// max 5a + 4b st 6a + 4b <= 24, a + 2b <= 6, a,b integer >= 0: optimum a=4, b=0 -> 20
    /// (LP optimum is fractional: a=3, b=1.5 -> 21), minimised as -20.
    @Test func solvesASmallIntegerProgram() throws {
        var m = Model(name: "small")
        let a = m.addVariable("a", upper: 10, cost: -5)
        let b = m.addVariable("b", upper: 10, cost: -4)
        m.addRow("r1", [(a, 6), (b, 4)], upper: 24)
        m.addRow("r2", [(a, 1), (b, 2)], upper: 6)
        let r = try GLPKSolver().solve(m, options: SolveOptions(), start: nil)
        #expect(r.termination == .optimal)
        #expect(r.objective == -20)
        #expect(r.values == [4, 0])
        #expect(r.bound == -20)
    }

    @Test func usesTheObjectiveConstantAndAStartingPoint() throws {
        var m = Model(name: "start")
        m.objectiveConstant = 100
        let a = m.addVariable("a", upper: 3, cost: -1)
        let b = m.addVariable("b", upper: 3, cost: -2)
        m.addRow("pick", [(a, 1), (b, 1)], upper: 3)
        let r = try GLPKSolver().solve(m, options: SolveOptions(), start: [3, 0])
        #expect(r.termination == .optimal)
        #expect(r.objective == 94)
    }

    @Test func reportsInfeasibleAsAStatus() throws {
        var m = Model(name: "infeasible")
        let a = m.addVariable("a", upper: 1)
        m.addRow("needs two", [(a, 1)], lower: 2)
        let r = try GLPKSolver().solve(m, options: SolveOptions(), start: nil)
        #expect(r.termination == .infeasible)
        #expect(r.values == nil)
    }

    static func defective(_ name: String) -> Model {
        var m = Model(name: name)
        switch name {
        case "NaN cost": m.addVariable("x", upper: 1, cost: .nan)
        case "inverted bounds": m.addVariable("x", lower: 2, upper: 1)
        case "unknown column": m.addRow("r", [(7, 1)], upper: 1)
        default: let x = m.addVariable("x", upper: 1); m.addRow("r", [(x, .infinity)], upper: 1)
        }
        return m
    }

    @Test(arguments: ["NaN cost", "inverted bounds", "unknown column", "infinite coefficient"])
    func rejectsAnInvalidModelBeforeGLPKSeesIt(name: String) throws {
        let m = Self.defective(name)
        #expect(!m.validationIssues().isEmpty)
        #expect(throws: SolverError.self) { try GLPKSolver().solve(m, options: SolveOptions(), start: nil) }
    }

    /// A GLPK fatal error would abort the process; through the shim it becomes a return code and
    /// GLPK keeps working afterwards on this thread.
    @Test func aGLPKFaultBecomesAnErrorNotAnAbort() throws {
        glpk_shim_capture_output(0)
        #expect(glpk_shim_provoke_fault() == SHIM_FAULT)
        #expect(String(cString: glpk_shim_last_error()).contains("fault provoked on purpose"))
        // A bad matrix index is another GLPK fatal error.
        let p = glp_create_prob()!
        glp_add_rows(p, 1)
        glp_add_cols(p, 1)
        let ia: [Int32] = [0, 1], ja: [Int32] = [0, 5], ar: [Double] = [0, 1]
        #expect(glpk_shim_load_matrix(p, 1, ia, ja, ar) == SHIM_FAULT)
        #expect(String(cString: glpk_shim_last_error()).contains("out of range"))
        // The environment was freed with the problem; GLPK still works.
        var m = Model(name: "after")
        let x = m.addVariable("x", upper: 2, cost: -1)
        m.addRow("r", [(x, 1)], upper: 1)
        #expect(try GLPKSolver().solve(m, options: SolveOptions(), start: nil).objective == -1)
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
