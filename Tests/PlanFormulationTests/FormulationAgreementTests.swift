// FormulationAgreementTests: the aggregated model and the per-learner reference model reach the
// same optimum, single-threaded or not, on random small instances and on the shipped ones.
import GLPKSolver
import PlanTestSupport
import Foundation
import PlanDomain
import PlanFormulation
import Testing

@Suite struct FormulationAgreementTests {
    @Test("aggregated and per-learner models agree", arguments: 0..<120)
    func formulationsAgree(seed: Int) throws {
        let c = try BFCases.make(seed: seed)
        let aggregated = Result { try Planner.solve(c.instance, options: .glpk(threads: 2)) }
        let perLearner = Result { try Planner.solve(c.instance, options: .glpk(formulation: .perLearner, threads: 1)) }
        switch (aggregated, perLearner) {
        case (.success(let a), .success(let p)):
            #expect(a.status == .optimal && p.status == .optimal)
            #expect(abs(a.objective - p.objective) <= 1e-6 * max(1, abs(a.objective)), "seed \(seed)")
            #expect(c.instance.violations(of: p.assignments).isEmpty)
        case (.failure(let a), .failure(let p)):
            #expect(a is PlannerError && p is PlannerError)
        default:
            Issue.record("seed \(seed): one formulation found a plan, the other did not")
        }
    }

    @Test(arguments: ["tiny", "bretagne"])
    func shippedInstancesAgree(name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let instance = try Instance.decode(Array(try Data(contentsOf: root.appendingPathComponent("instances/\(name).json"))))
        let a = try Planner.solve(instance)
        let p = try Planner.solve(instance, options: .glpk(formulation: .perLearner))
        #expect(a.status == .optimal && p.status == .optimal)
        #expect(a.objective == p.objective)
    }

    /// The written model is the one solved: same size and, solved by GLPK alone, same optimum.
    @Test func theWholeModelHasTheSameOptimum() throws {
        let feasible = try (0..<20).lazy.map { try BFCases.make(seed: $0) }.first { (try? Planner.solve($0.instance)) != nil }
        let c = try #require(feasible)
        let plan = try Planner.solve(c.instance)
        let model = Planner.model(c.instance)
        #expect(model.validationIssues().isEmpty)
        let result = try GLPKSolver().solve(model, options: .init(), start: nil)
        #expect(abs((result.objective ?? .nan) - plan.objective) < 1e-6)
    }
}
