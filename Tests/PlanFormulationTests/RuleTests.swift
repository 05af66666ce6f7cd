// RuleTests: each hard rule of SPEC §3 alone on a tiny instance where it binds, and each term of
// the objective of SPEC §4 alone.
import PlanTestSupport
import PlanDomain
import PlanFormulation
import Testing

typealias F = RuleFixture

@Suite struct HardRuleTests {
    @Test func inPersonCapacityBinds() throws {
        let i = try F.instance(sessions: [F.session("S", inPerson: 2, remote: 0)], structures: [F.structure("H1")],
                               learners: [F.learner("L1"), F.learner("L2"), F.learner("L3")])
        let plan = try Planner.solve(i)
        #expect(plan.status == .optimal)
        #expect(F.outcome(i, plan) == ["L1": "S/in_person", "L2": "S/in_person", "L3": "-"])
        #expect(plan.objective == 100_000)
        #expect(plan.reasons[2]?.contains("taken by others") == true)
    }

    @Test func remoteCapacityBinds() throws {
        let i = try F.instance(sessions: [F.session("S", inPerson: 0, remote: 1)], structures: [F.structure("H1")],
                               learners: [F.learner("L1"), F.learner("L2")])
        let plan = try Planner.solve(i)
        #expect(F.outcome(i, plan) == ["L1": "S/remote", "L2": "-"])
        #expect(plan.objective == 101_000)
    }

    @Test func minimumSizeCancelsASessionThatCannotFill() throws {
        let i = try F.instance(sessions: [F.session("S", extra: "\"minSize\": 3")], structures: [F.structure("H1")],
                               learners: [F.learner("L1"), F.learner("L2")])
        let plan = try Planner.solve(i)
        #expect(F.outcome(i, plan) == ["L1": "-", "L2": "-"])
        #expect(plan.reasons[0]?.contains("minimum size") == true)
        let three = try F.instance(sessions: [F.session("S", extra: "\"minSize\": 3")], structures: [F.structure("H1")],
                                   learners: [F.learner("L1"), F.learner("L2"), F.learner("L3")])
        #expect(try Planner.solve(three).objective == 0)
    }

    /// Two overlapping sessions, an organisation that runs one at a time: the cheaper one runs.
    @Test func concurrentSessionsBind() throws {
        let i = try F.instance(
            organisation: "\"maxConcurrentSessions\": 1",
            sessions: [F.session("S-A"), F.session("S-B", start: "2027-01-11")],
            structures: [F.structure("H1")],
            learners: [F.learner("L1", extra: "\"startBy\": \"2027-01-04\""),
                       F.learner("L2", extra: "\"availableFrom\": \"2027-01-11\"")])
        let plan = try Planner.solve(i)
        // L2 waits 0 days for S-B; L1 only fits S-A. Only one can run: either way 100 000 is paid once.
        #expect(plan.objective == 100_000)
        #expect(Set(F.outcome(i, plan).values) .contains("-"))
        #expect(i.violations(of: plan.assignments).isEmpty)
        // Without the limit both run.
        let free = try F.instance(sessions: [F.session("S-A"), F.session("S-B", start: "2027-01-11")],
                                  structures: [F.structure("H1")],
                                  learners: [F.learner("L1", extra: "\"startBy\": \"2027-01-04\""),
                                             F.learner("L2", extra: "\"availableFrom\": \"2027-01-11\"")])
        #expect(try Planner.solve(free).objective == 0)
    }

    @Test func maxAbsentBindsOnOverlappingDays() throws {
        let overlapping = try F.instance(
            sessions: [F.session("S-A"), F.session("S-B", start: "2027-01-11")],
            structures: [F.structure("H1", extra: "\"maxAbsent\": 1")],
            learners: [F.learner("L1", extra: "\"startBy\": \"2027-01-04\""),
                       F.learner("L2", extra: "\"availableFrom\": \"2027-01-11\"")])
        let plan = try Planner.solve(overlapping)
        #expect(plan.objective == 100_000)
        // The summary's tally names the binding limit: one learner stopped by the structure's maxAbsent.
        let limits = Planner.bindingLimits(overlapping, assignments: plan.assignments)
        #expect(limits == Competition(absent: 1), "\(limits)")
        #expect(plan.reasons.compactMap { $0 }.first?.contains("more of its structure's learners in training on one day than the structure allows") == true)
        // Sessions that do not overlap: both learners train.
        let apart = try F.instance(
            sessions: [F.session("S-A"), F.session("S-B", start: "2027-03-01")],
            structures: [F.structure("H1", extra: "\"maxAbsent\": 1")],
            learners: [F.learner("L1", extra: "\"startBy\": \"2027-01-04\""),
                       F.learner("L2", extra: "\"availableFrom\": \"2027-03-01\"")])
        #expect(try Planner.solve(apart).objective == 0)
    }

    @Test func pinnedAssignmentIsKeptEvenWhenCostlier() throws {
        let i = try F.instance(sessions: [F.session("S")], structures: [F.structure("H1")],
                               learners: [F.learner("L1", extra: "\"assigned\": {\"session\": \"S\", \"mode\": \"remote\"}")])
        let plan = try Planner.solve(i)
        #expect(F.outcome(i, plan) == ["L1": "S/remote"])
        #expect(plan.objective == 1_000)
    }

    @Test func pinsAboveCapacityAreInfeasible() throws {
        let pin = "\"assigned\": {\"session\": \"S\", \"mode\": \"inPerson\"}"
        let i = try F.instance(sessions: [F.session("S", inPerson: 1)], structures: [F.structure("H1")],
                               learners: [F.learner("L1", extra: pin), F.learner("L2", extra: pin)])
        #expect {
            try Planner.solve(i)
        } throws: { error in
            guard case PlannerError.infeasible(let rule, let learners) = error else { return false }
            return rule.hasPrefix("capacity") && learners == ["L1", "L2"]
        }
    }

    @Test func pinsAboveMaxAbsentAreInfeasible() throws {
        let i = try F.instance(sessions: [F.session("S")], structures: [F.structure("H1", extra: "\"maxAbsent\": 1")],
                               learners: [F.learner("L1", extra: "\"assigned\": {\"session\": \"S\", \"mode\": \"inPerson\"}"),
                                          F.learner("L2", extra: "\"assigned\": {\"session\": \"S\", \"mode\": \"remote\"}")])
        #expect {
            try Planner.solve(i)
        } throws: { error in
            guard case PlannerError.infeasible(let rule, let learners) = error else { return false }
            return rule.hasPrefix("maxAbsent") && learners == ["L1", "L2"]
        }
    }

    @Test func pinnedSessionThatCannotReachItsMinimumIsInfeasible() throws {
        let i = try F.instance(sessions: [F.session("S", extra: "\"minSize\": 3")], structures: [F.structure("H1")],
                               learners: [F.learner("L1", extra: "\"assigned\": {\"session\": \"S\", \"mode\": \"inPerson\"}"),
                                          F.learner("L2")])
        #expect {
            try Planner.solve(i)
        } throws: { error in
            guard case PlannerError.infeasible(let rule, let learners) = error else { return false }
            return rule.hasPrefix("minSize") && learners == ["L1"]
        }
    }

    @Test func pinnedSessionsAboveConcurrencyAreInfeasible() throws {
        let i = try F.instance(
            organisation: "\"maxConcurrentSessions\": 1",
            sessions: [F.session("S-A"), F.session("S-B", start: "2027-01-11")], structures: [F.structure("H1")],
            learners: [F.learner("L1", extra: "\"assigned\": {\"session\": \"S-A\", \"mode\": \"inPerson\"}"),
                       F.learner("L2", extra: "\"assigned\": {\"session\": \"S-B\", \"mode\": \"inPerson\"}")])
        #expect {
            try Planner.solve(i)
        } throws: { error in
            guard case PlannerError.infeasible(let rule, _) = error else { return false }
            return rule.hasPrefix("maxConcurrentSessions")
        }
    }
}

@Suite struct ObjectiveTermTests {
    static let zero = "\"unassigned\": 0, \"remote\": 0, \"perKm\": 0, \"perWaitingDay\": 0, \"openSession\": 0"

    /// Weights with every term at zero but the named ones.
    static func weights(_ terms: [String: Double]) -> String {
        ["unassigned", "remote", "perKm", "perWaitingDay", "openSession"]
            .map { "\"\($0)\": \(terms[$0] ?? 0)" }.joined(separator: ", ")
    }

    @Test func unassignedTerm() throws {
        let i = try F.instance(weights: Self.weights(["unassigned": 7]), sessions: [F.session("S", inPerson: 1, remote: 0)],
                               structures: [F.structure("H1")], learners: [F.learner("L1"), F.learner("L2"), F.learner("L3")])
        #expect(try Planner.solve(i).objective == 14)
    }

    @Test func remoteTerm() throws {
        let i = try F.instance(weights: Self.weights(["unassigned": 1000, "remote": 30]),
                               sessions: [F.session("S", inPerson: 1, remote: 5)],
                               structures: [F.structure("H1")], learners: [F.learner("L1"), F.learner("L2"), F.learner("L3")])
        #expect(try Planner.solve(i).objective == 60)
    }

    /// Vitré is 35 km from the Rennes site (haversine, rounded).
    @Test func perKmTerm() throws {
        let i = try F.instance(weights: Self.weights(["unassigned": 1000, "perKm": 3]), sessions: [F.session("S", remote: 0)],
                               structures: [F.structure("H1", lat: 48.1236, lon: -1.2094)], learners: [F.learner("L1")])
        #expect(i.distanceKm(structure: 0, site: 0) == 35)
        #expect(try Planner.solve(i).objective == 105)
    }

    /// In person costs perKm x km; above the remote weight, remote wins.
    @Test func remoteBeatsAFarSiteWhenCheaper() throws {
        let i = try F.instance(weights: Self.weights(["unassigned": 100_000, "remote": 100, "perKm": 3]),
                               sessions: [F.session("S")],
                               structures: [F.structure("H1", lat: 48.1236, lon: -1.2094)], learners: [F.learner("L1")])
        let plan = try Planner.solve(i)
        #expect(F.outcome(i, plan) == ["L1": "S/remote"])
        #expect(plan.objective == 100)
    }

    /// Waiting counts from availableFrom to the session start, only when availableFrom is given.
    @Test func perWaitingDayTerm() throws {
        let i = try F.instance(weights: Self.weights(["unassigned": 1000, "perWaitingDay": 2]), sessions: [F.session("S")],
                               structures: [F.structure("H1")],
                               learners: [F.learner("L1", extra: "\"availableFrom\": \"2026-12-28\""), F.learner("L2")])
        #expect(try Planner.solve(i).objective == 14)
    }

    /// Two sessions that could each take both learners: with an opening cost, one runs.
    @Test func openSessionTerm() throws {
        let i = try F.instance(weights: Self.weights(["unassigned": 1000, "remote": 1, "perWaitingDay": 1, "openSession": 50]),
                               sessions: [F.session("S-A"), F.session("S-B", start: "2027-01-11")],
                               structures: [F.structure("H1")],
                               learners: [F.learner("L1", extra: "\"availableFrom\": \"2027-01-04\""),
                                          F.learner("L2", extra: "\"availableFrom\": \"2027-01-11\"")])
        // Both in S-A: 50 + 0 + 0 (L2 cannot start before it is available, so S-A is out for L2)
        // -> L1 in S-A, L2 in S-B: 100; or both in S-B: 50 + 7 = 57.
        let plan = try Planner.solve(i)
        #expect(plan.objective == 57)
        #expect(F.outcome(i, plan) == ["L1": "S-B/in_person", "L2": "S-B/in_person"])
    }

    /// Pins that no single check of the pins catches: L1 makes S-A run, S-A needs a second
    /// participant, and the only one who could join (L2) shares a maxAbsent-1 structure with L3,
    /// pinned to an overlapping session. The rules are found by re-solving, and the pins involved.
    @Test func infeasiblePinsNameTheRulesAndTheLearnersInvolved() throws {
        let i = try F.instance(
            sessions: [F.session("S-A", extra: "\"minSize\": 2"), F.session("S-B", start: "2027-01-11")],
            structures: [F.structure("H1", extra: "\"maxAbsent\": 1"), F.structure("H2")],
            learners: [F.learner("L1", structure: "H2", extra: "\"assigned\": {\"session\": \"S-A\", \"mode\": \"inPerson\"}"),
                       F.learner("L2", structure: "H1"),
                       F.learner("L3", structure: "H1", extra: "\"assigned\": {\"session\": \"S-B\", \"mode\": \"inPerson\"}"),
                       F.learner("L4", structure: "H2", extra: "\"availableFrom\": \"2027-01-11\"")])
        #expect {
            try Planner.solve(i)
        } throws: { error in
            guard case PlannerError.infeasible(let rule, let learners) = error else { return false }
            return rule.hasPrefix("maxAbsent or minSize") && learners == ["L1", "L3"]
        }
    }
}
