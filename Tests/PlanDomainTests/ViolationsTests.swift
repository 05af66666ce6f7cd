// The independent check of a plan's hard rules (SPEC §3) and its objective (SPEC §4), on
// hand-made assignments.
import Testing
@testable import PlanDomain

@Suite struct ViolationsTests {
    /// Sessions: S1 (index 0, 2027-01-04..01-27), S2 (1, from Tuesday 2027-01-05, overlaps S1),
    /// S3 (2, from 2027-03-01, overlaps neither); all OF-A at Rennes, 105 h, 2 in person + 1 remote.
    /// Learners: L1 and L2 of H1 (Vitré, 35 km), L3 of H2 (18 km).
    func instance(_ change: (inout J) -> Void = { _ in }) throws -> Instance {
        try decodeValid(doc {
            $0["sessions"].append(["id": "S2", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-01-05",
                                   "capacity": ["inPerson": 2, "remote": 1]])
            $0["sessions"].append(["id": "S3", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-03-01",
                                   "capacity": ["inPerson": 2, "remote": 1]])
            $0["structures"].append(["id": "H2", "territory": "35", "lat": 48.0, "lon": -1.5])
            $0["learners"].append(["id": "L2", "structure": "H1", "path": 105])
            $0["learners"].append(["id": "L3", "structure": "H2", "path": 105])
            change(&$0)
        })
    }

    let s1In = Option(session: 0, mode: .inPerson)
    let s1Remote = Option(session: 0, mode: .remote)
    let s2In = Option(session: 1, mode: .inPerson)
    let s2Remote = Option(session: 1, mode: .remote)
    let s3In = Option(session: 2, mode: .inPerson)

    // MARK: Hard rules

    @Test func aFeasiblePlanHasNoViolation() throws {
        let i = try instance()
        #expect(i.violations(of: [s1In, s1In, s1Remote]) == [])
        #expect(i.violations(of: [nil, nil, nil]) == [])
        #expect(i.violations(of: [s1In, s2In, s3In]) == [])
    }

    @Test func wrongNumberOfEntries() throws {
        let i = try instance()
        #expect(i.violations(of: [s1In]).count == 1)
        #expect(i.violations(of: [s1In, nil, nil, nil]).count == 1)
    }

    @Test func inPersonCapacity() throws {
        let i = try instance()
        let v = i.violations(of: [s1In, s1In, s1In])
        #expect(v.count == 1, "\(v)")
        #expect(v.first?.contains("S1") == true && v.first?.contains("in_person") == true, "\(v)")
    }

    @Test func remoteCapacity() throws {
        let i = try instance()
        let v = i.violations(of: [s1Remote, s1Remote, nil])
        #expect(v.count == 1, "\(v)")
        #expect(v.first?.contains("S1") == true && v.first?.contains("remote") == true, "\(v)")
        // Seats are counted per mode: 2 in person and 1 remote fit.
        #expect(i.violations(of: [s1In, s1Remote, s1In]) == [])
    }

    @Test func minimumSize() throws {
        let i = try instance { $0["sessions"][0]["minSize"] = 2 }
        let v = i.violations(of: [s1In, nil, nil])
        #expect(v.count == 1, "\(v)")
        #expect(v.first?.contains("S1") == true, "\(v)")
        #expect(i.violations(of: [s1In, s1Remote, nil]) == [])   // both modes count
        #expect(i.violations(of: [nil, nil, nil]) == [])         // a cancelled session is fine
    }

    @Test func maxConcurrentSessions() throws {
        let i = try instance { $0["organisations"][0]["maxConcurrentSessions"] = 1 }
        let v = i.violations(of: [s1In, s2In, nil])
        #expect(!v.isEmpty)
        #expect(v.allSatisfy { $0.contains("OF-A") }, "\(v)")
        // S1 and S2 share 14 training days (S2 trains 2027-01-05 … 2027-01-28, S1 until 2027-01-27).
        #expect(v.count == 14, "\(v)")
        #expect(i.violations(of: [s1In, s1In, nil]) == [])       // one session, two participants
        #expect(i.violations(of: [s1In, nil, s3In]) == [])       // no common day
        let two = try instance { $0["organisations"][0]["maxConcurrentSessions"] = 2 }
        #expect(two.violations(of: [s1In, s2In, nil]) == [])
        // Sessions of another organisation do not count.
        let zero = try instance { $0["organisations"][1]["maxConcurrentSessions"] = 0 }
        #expect(zero.violations(of: [s1In, s2In, s3In]) == [])
    }

    @Test func maxConcurrentSessionsZero() throws {
        let i = try instance { $0["organisations"][0]["maxConcurrentSessions"] = 0 }
        #expect(i.violations(of: [s3In, nil, nil]).count == 15)
        #expect(i.violations(of: [nil, nil, nil]) == [])
    }

    @Test func maxAbsent() throws {
        let i = try instance { $0["structures"][0]["maxAbsent"] = 1 }
        let v = i.violations(of: [s1In, s1Remote, nil])
        #expect(v.count == 15, "\(v)")                             // every day of S1
        #expect(v.allSatisfy { $0.contains("H1") }, "\(v)")
        let overlap = i.violations(of: [s1In, s2In, nil])
        #expect(overlap.count == 14, "\(overlap)")                  // the days S1 and S2 share
        #expect(i.violations(of: [s1In, s3In, nil]) == [])          // never on the same day
        #expect(i.violations(of: [s1In, nil, s1In]) == [])          // L3 belongs to H2
        let zero = try instance { $0["structures"][0]["maxAbsent"] = 0 }
        #expect(zero.violations(of: [s1In, nil, nil]).count == 15)
        #expect(zero.violations(of: [nil, nil, s1In]) == [])
    }

    @Test func eligibility() throws {
        let i = try instance {
            $0["learners"][0]["mode"] = "remote"
            $0["learners"][1]["availableFrom"] = "2027-01-05"
        }
        let v = i.violations(of: [s1In, s1In, nil])
        #expect(v.count == 2, "\(v)")
        #expect(v.contains { $0.contains("L1") }, "\(v)")
        #expect(v.contains { $0.contains("L2") }, "\(v)")
        #expect(i.violations(of: [s1Remote, s2In, nil]) == [])
    }

    @Test func eligibilityPathAndDistance() throws {
        let i = try instance {
            $0["learners"][2]["path"] = 280
            $0["learners"][1]["maxTravelKm"] = 30
        }
        let v = i.violations(of: [nil, s1In, s3In])
        #expect(v.count == 2, "\(v)")
        #expect(v.contains { $0.contains("L2") && $0.contains("35 km") }, "\(v)")
        #expect(v.contains { $0.contains("L3") }, "\(v)")
        #expect(i.violations(of: [nil, s1Remote, nil]) == [])
    }

    @Test func pinnedAssignmentsAreRespected() throws {
        let i = try instance { $0["learners"][0]["assigned"] = ["session": "S1", "mode": "inPerson"] }
        #expect(i.violations(of: [s1In, nil, nil]) == [])
        let unassigned = i.violations(of: [nil, nil, nil])
        #expect(unassigned.count == 1 && unassigned.first?.contains("L1") == true, "\(unassigned)")
        let otherMode = i.violations(of: [s1Remote, nil, nil])
        #expect(otherMode.count == 1 && otherMode.first?.contains("L1") == true, "\(otherMode)")
        let otherSession = i.violations(of: [s2In, nil, nil])
        #expect(otherSession.count == 1 && otherSession.first?.contains("L1") == true, "\(otherSession)")
    }

    @Test func violationsAreAllReported() throws {
        let i = try instance {
            $0["sessions"][0]["capacity"] = ["inPerson": 1, "remote": 1]
            $0["sessions"][2]["minSize"] = 2
        }
        let v = i.violations(of: [s1In, s1In, s3In])
        #expect(v.count == 2, "\(v)")
        #expect(v.contains { $0.contains("S1") } && v.contains { $0.contains("S3") }, "\(v)")
    }

    // MARK: Objective

    /// Weights: unassigned 100, remote 10, perKm 1, perWaitingDay 3, openSession 1000; L1 available
    /// from 2026-12-28 (7 days before S1, 63 before S3).
    func weighted() throws -> Instance {
        try instance {
            $0["weights"] = ["unassigned": 100, "remote": 10, "perKm": 1, "perWaitingDay": 3, "openSession": 1000]
            $0["learners"][0]["availableFrom"] = "2026-12-28"
        }
    }

    @Test func objectiveOfAnEmptyPlan() throws {
        #expect(try weighted().objective(of: [nil, nil, nil]) == 300)
        #expect(try instance().objective(of: [nil, nil, nil]) == 300_000)
    }

    @Test func objectiveTerms() throws {
        let i = try weighted()
        // L1 in person at S1: 35 km + 7 waiting days x 3; L2 remote: 10; L3 unassigned: 100; 1 session.
        #expect(i.objective(of: [s1In, s1Remote, nil]) == 35 + 21 + 10 + 100 + 1000)
        // Same sessions but L2 waits nothing (no availableFrom) and L3 in person at S1: 18 km.
        #expect(i.objective(of: [s1In, s1Remote, s1In]) == 35 + 21 + 10 + 18 + 1000)
        // Three running sessions.
        #expect(i.objective(of: [s1In, s2Remote, s3In]) == 35 + 21 + 10 + 18 + 3000)
        // L1 at S3: 63 waiting days.
        #expect(i.objective(of: [s3In, nil, nil]) == 35 + 189 + 200 + 1000)
        // Remotely, no distance: only the remote weight and the waiting days.
        #expect(i.objective(of: [s1Remote, nil, nil]) == 10 + 21 + 200 + 1000)
    }

    @Test func objectiveWithDefaultWeights() throws {
        let i = try instance { $0["learners"][0]["availableFrom"] = "2026-12-28" }
        // 2 x 35 km + 10 x 7 days + 2 unassigned x 100000; openSession 0.
        #expect(i.objective(of: [s1In, nil, nil]) == 70 + 70 + 200_000)
        #expect(i.objective(of: [s1Remote, nil, nil]) == 1000 + 70 + 200_000)
    }

    @Test func perWaitingDayOnlyWithAvailableFrom() throws {
        let i = try weighted()
        // L2 has no availableFrom: S3 costs it its distance only.
        #expect(i.objective(of: [nil, s3In, nil]) == 100 + 35 + 100 + 1000)
        #expect(i.cost(learner: 1, option: s3In) == 35)
        #expect(i.cost(learner: 0, option: s3In) == 35 + 189)
        #expect(i.waitingDays(learner: 0, session: 2) == 63)
    }

    @Test func openSessionCountsRunningSessionsOnce() throws {
        let i = try instance { $0["weights"] = ["unassigned": 0, "remote": 0, "perKm": 0, "perWaitingDay": 0, "openSession": 5] }
        #expect(i.objective(of: [nil, nil, nil]) == 0)
        #expect(i.objective(of: [s1In, s1In, s1Remote]) == 5)
        #expect(i.objective(of: [s1In, s2In, s1Remote]) == 10)
        #expect(i.objective(of: [s1In, s2In, s3In]) == 15)
    }

    @Test func planGap() {
        let p = Plan(assignments: [], reasons: [], status: .feasible, objective: 200, bound: 150, solveSeconds: 0)
        #expect(p.gap == 0.25)
        let small = Plan(assignments: [], reasons: [], status: .optimal, objective: 0.5, bound: 0, solveSeconds: 0)
        #expect(small.gap == 0.5)
    }
}
