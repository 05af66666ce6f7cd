// StrengthRowsTests: the rows that tighten the relaxation where structures limit absences.
import LinearModel
import PlanDomain
import PlanFormulation
import PlanTestSupport
import Testing

@Suite struct StrengthRowsTests {
    /// Three two-day sessions that pairwise share a day (Mon-Tue, Tue-Wed, Mon-Wed) but have no day
    /// in common, and a structure with maxAbsent 1: the day rows let the relaxation seat 1.5
    /// learners; the clique row keeps it to one, as every plan does.
    static func triangle() throws -> Instance {
        func session(_ id: String, _ days: [String]) -> String {
            """
            { "id": "\(id)", "organisation": "OF", "site": "RENNES", "path": 14,
              "days": [\(days.map { "\"\($0)\"" }.joined(separator: ", "))], "capacity": { "inPerson": 5 } }
            """
        }
        let json = """
            { "paths": [14],
              "organisations": [{ "id": "OF", "territories": ["35"] }],
              "sites": [{ "id": "RENNES", "organisation": "OF", "lat": 48.1113, "lon": -1.68 }],
              "sessions": [\(session("S-A", ["2027-01-04", "2027-01-05"])), \(session("S-B", ["2027-01-05", "2027-01-06"])),
                           \(session("S-C", ["2027-01-04", "2027-01-06"]))],
              "structures": [{ "id": "H1", "territory": "35", "lat": 48.1113, "lon": -1.68, "maxAbsent": 1 }],
              "learners": [{ "id": "L1", "structure": "H1", "path": 14 }, { "id": "L2", "structure": "H1", "path": 14 },
                           { "id": "L3", "structure": "H1", "path": 14 }] }
            """
        return try Instance.decode(Array(json.utf8))
    }

    @Test func aCliqueWithoutACommonDayGetsItsRow() throws {
        let model = Planner.model(try Self.triangle())
        let cliques = model.rows.filter { $0.name.hasPrefix("absentClique[H1,") }
        #expect(cliques.count == 1)
        #expect(cliques.first?.terms.count == 3)
        #expect(cliques.first?.upper == 1)
        #expect(cliques.first?.role == .lazy)
        // Each count column is bounded by maxAbsent, not only by the group's size.
        #expect(model.variables.filter { $0.name.hasPrefix("x[") }.allSatisfy { $0.upper == 1 })
    }

    @Test func onlyOneLearnerTrains() throws {
        let plan = try Planner.solve(try Self.triangle())
        #expect(plan.status == .optimal)
        #expect(plan.assignments.compactMap { $0 }.count == 1)
        #expect(plan.objective == 200_000)
    }
}
