// PlanCheck's own eligibility (SPEC §2.3): a plan that breaks each condition is caught with a
// plain-words message; the re-derived rules agree with the planner's on real instances; and
// PlanCheck calls none of PlanDomain's rule code.
import Foundation
@testable import PlanCheck
import PlanDomain
import Testing

/// OF-A covers 35 (site RENNES); OF-B covers 22 only. S1: 105 h at Rennes from Monday 2027-01-04
/// to Wednesday 2027-01-27, Monday to Thursday; SR: remote only from 2027-01-11; SNOSEAT: no
/// in-person seats; SNOREMOTE: no remote seats; SB: OF-B, remote only. H1 at Rennes (0 km), H2 at
/// Vitré (35 km), HALT at Rennes keeping Wednesdays, HFAR at Saint-Malo (65 km, limit 50 km).
func eligibilityInstance(defaultMaxTravelKm: String = "100") -> Instance {
    Fixtures.instance(json: """
        {
          "defaults": { "maxTravelKm": \(defaultMaxTravelKm) },
          "organisations": [ { "id": "OF-A", "territories": ["35"] }, { "id": "OF-B", "territories": ["22"] } ],
          "sites": [ { "id": "RENNES", "organisation": "OF-A", "lat": 48.1113, "lon": -1.68 } ],
          "sessions": [
            { "id": "S1", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-01-04",
              "capacity": { "inPerson": 9, "remote": 9 } },
            { "id": "S280", "organisation": "OF-A", "site": "RENNES", "path": 280, "start": "2027-03-01",
              "capacity": { "inPerson": 9, "remote": 9 } },
            { "id": "SR", "organisation": "OF-A", "site": null, "path": 105, "start": "2027-01-11",
              "capacity": { "remote": 9 } },
            { "id": "SNOSEAT", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-01-11",
              "capacity": { "inPerson": 0, "remote": 9 } },
            { "id": "SNOREMOTE", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-01-11",
              "capacity": { "inPerson": 9, "remote": 0 } },
            { "id": "SB", "organisation": "OF-B", "site": null, "path": 105, "start": "2027-01-04",
              "capacity": { "remote": 9 } }
          ],
          "structures": [
            { "id": "H1", "territory": "35", "lat": 48.1113, "lon": -1.68 },
            { "id": "H2", "territory": "35", "lat": 48.1236, "lon": -1.2094 },
            { "id": "HALT", "territory": "35", "lat": 48.1113, "lon": -1.68, "alternationDays": ["wed"] },
            { "id": "HFAR", "territory": "35", "lat": 48.6493, "lon": -2.0257, "maxTravelKm": 50 }
          ],
          "learners": [
            { "id": "L-OK", "structure": "H1", "path": 105 },
            { "id": "L-PATH", "structure": "H1", "path": 280 },
            { "id": "L-TERRITORY", "structure": "H1", "path": 105 },
            { "id": "L-AVAILABLE", "structure": "H1", "path": 105, "availableFrom": "2027-01-05" },
            { "id": "L-STARTBY", "structure": "H1", "path": 105, "startBy": "2027-01-08" },
            { "id": "L-FINISHBY", "structure": "H1", "path": 105, "finishBy": "2027-01-20" },
            { "id": "L-ALTERNATION", "structure": "HALT", "path": 105 },
            { "id": "L-REMOTEONLY", "structure": "H1", "path": 105, "mode": "remote" },
            { "id": "L-INPERSONONLY", "structure": "H1", "path": 105, "mode": "inPerson" },
            { "id": "L-FAR-STRUCTURE", "structure": "HFAR", "path": 105 },
            { "id": "L-NEAR-OWN", "structure": "HFAR", "path": 105, "maxTravelKm": 70 },
            { "id": "L-FAR-OWN", "structure": "H2", "path": 105, "maxTravelKm": 30 },
            { "id": "L-AT-LIMIT", "structure": "H2", "path": 105, "maxTravelKm": 35 },
            { "id": "L-FAR-DEFAULT", "structure": "H2", "path": 105 }
          ]
        }
        """)
}

/// A plan that gives one learner one seat, and what PlanCheck must say about it.
struct SeatCase: Sendable, CustomTestStringConvertible {
    var condition: String
    var learner: String
    var session: String
    var mode: Mode
    /// Texts that one violation must all contain (empty: the plan is sound).
    var expected: [String]
    var defaultMaxTravelKm = "100"
    /// The exact number of violations (the seat may also break a capacity).
    var count: Int? = 1

    var testDescription: String { condition }
}

let seatCases: [SeatCase] = [
    SeatCase(condition: "a sound seat passes", learner: "L-OK", session: "S1", mode: .inPerson, expected: []),
    SeatCase(condition: "path", learner: "L-PATH", session: "S1", mode: .remote,
             expected: ["assignments.csv:", "(learner L-PATH)", "may not join S1 remote: the session is a 105 h path, the learner's is 280 h"]),
    SeatCase(condition: "territory", learner: "L-TERRITORY", session: "SB", mode: .remote,
             expected: ["learner L-TERRITORY", "may not join SB remote: the session's organisation OF-B does not cover territory 35 of structure H1"]),
    SeatCase(condition: "availableFrom", learner: "L-AVAILABLE", session: "S1", mode: .remote,
             expected: ["learner L-AVAILABLE", "may not join S1 remote: the session starts on 2027-01-04, before the learner's availableFrom 2027-01-05"]),
    SeatCase(condition: "startBy", learner: "L-STARTBY", session: "SR", mode: .remote,
             expected: ["learner L-STARTBY", "may not join SR remote: the session starts on 2027-01-11, after the learner's startBy 2027-01-08"]),
    SeatCase(condition: "finishBy", learner: "L-FINISHBY", session: "S1", mode: .remote,
             expected: ["learner L-FINISHBY", "may not join S1 remote: the session ends on 2027-01-27, after the learner's finishBy 2027-01-20"]),
    SeatCase(condition: "alternation day", learner: "L-ALTERNATION", session: "S1", mode: .inPerson,
             expected: ["learner L-ALTERNATION", "may not join S1 in_person: the session trains on 4 days that structure HALT keeps for the alternation (wed), the first on 2027-01-06"]),
    SeatCase(condition: "mode remote only", learner: "L-REMOTEONLY", session: "S1", mode: .inPerson,
             expected: ["learner L-REMOTEONLY", "may not join S1 in_person: the learner's mode is remote, so in_person is not allowed"]),
    SeatCase(condition: "mode in person only", learner: "L-INPERSONONLY", session: "S1", mode: .remote,
             expected: ["learner L-INPERSONONLY", "may not join S1 remote: the learner's mode is inPerson, so remote is not allowed"]),
    SeatCase(condition: "in person without a site", learner: "L-OK", session: "SR", mode: .inPerson,
             expected: ["learner L-OK", "may not join SR in_person: the session has no site (remote only), so nobody can join it in person; the session has no in-person seats"], count: 2),
    SeatCase(condition: "in person without in-person seats", learner: "L-OK", session: "SNOSEAT", mode: .inPerson,
             expected: ["learner L-OK", "may not join SNOSEAT in_person: the session has no in-person seats (capacity.inPerson is 0)"], count: 2),
    SeatCase(condition: "remote without remote seats", learner: "L-OK", session: "SNOREMOTE", mode: .remote,
             expected: ["learner L-OK", "may not join SNOREMOTE remote: the session has no remote seats (capacity.remote is 0)"], count: 2),
    SeatCase(condition: "too far for the structure's limit", learner: "L-FAR-STRUCTURE", session: "S1", mode: .inPerson,
             expected: ["learner L-FAR-STRUCTURE", "may not join S1 in_person: the site RENNES is 65 km away, beyond the travel limit of 50 km (the maxTravelKm of structure HFAR)"]),
    SeatCase(condition: "the learner's limit overrides the structure's", learner: "L-NEAR-OWN", session: "S1", mode: .inPerson, expected: []),
    SeatCase(condition: "too far for the learner's own limit", learner: "L-FAR-OWN", session: "S1", mode: .inPerson,
             expected: ["learner L-FAR-OWN", "may not join S1 in_person: the site RENNES is 35 km away, beyond the travel limit of 30 km (the learner's maxTravelKm)"]),
    SeatCase(condition: "a distance equal to the limit passes", learner: "L-AT-LIMIT", session: "S1", mode: .inPerson, expected: []),
    SeatCase(condition: "too far for the default limit", learner: "L-FAR-DEFAULT", session: "S1", mode: .inPerson,
             expected: ["learner L-FAR-DEFAULT", "may not join S1 in_person: the site RENNES is 35 km away, beyond the travel limit of 20 km (defaults.maxTravelKm)"],
             defaultMaxTravelKm: "20"),
    SeatCase(condition: "a null default is no limit", learner: "L-FAR-DEFAULT", session: "S1", mode: .inPerson, expected: [],
             defaultMaxTravelKm: "null"),
    SeatCase(condition: "every broken condition is named", learner: "L-PATH", session: "SB", mode: .remote,
             expected: ["learner L-PATH", "may not join SB remote: the session is a 105 h path, the learner's is 280 h; the session's organisation OF-B does not cover territory 35 of structure H1"]),
]

@Suite struct CheckEligibilityTests {
    @Test(arguments: seatCases)
    func aSeatBreakingAConditionIsCaught(_ c: SeatCase) {
        let instance = eligibilityInstance(defaultMaxTravelKm: c.defaultMaxTravelKm)
        let report = PlanChecker.check(instance: instance, files: Fixtures.render(instance, [c.learner: (c.session, c.mode)]))
        if c.expected.isEmpty {
            expectOK(report)
        } else {
            expectViolation(report, c.expected, count: c.count)
        }
    }

    /// PlanCheck's eligibility and the planner's, written apart, agree on every (learner, session,
    /// mode) of the shipped instances and of the instance above.
    @Test func theTwoOpinionsAgree() {
        for instance in [Fixtures.tiny, Fixtures.bretagne, eligibilityInstance(), eligibilityInstance(defaultMaxTravelKm: "null")] {
            let checker = Checker(instance: instance)
            var disagreements: [String] = []
            for l in instance.learners.indices {
                for s in instance.sessions.indices {
                    for m in Mode.allCases {
                        let mine = checker.eligibilityProblems(learner: l, session: s, mode: m)
                        let planner = instance.ineligibility(learner: l, session: s, mode: m)
                        if mine.isEmpty != (planner == nil) {
                            disagreements.append("\(instance.learners[l].id) \(instance.sessions[s].id) \(m): \(mine) vs \(String(describing: planner))")
                        }
                    }
                }
            }
            #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        }
    }

    @Test func distancesAreHaversineRoundedToTheKilometre() {
        let checker = Checker(instance: eligibilityInstance())
        let h = Dictionary(uniqueKeysWithValues: checker.instance.structures.enumerated().map { ($1.id, $0) })
        #expect(checker.kmBetween(structure: h["H1"]!, site: 0) == 0)
        #expect(checker.kmBetween(structure: h["H2"]!, site: 0) == 35)
        #expect(checker.kmBetween(structure: h["HFAR"]!, site: 0) == 65)
        // Every structure and site of Bretagne: the same whole kilometres as the planner's.
        let bretagne = Checker(instance: Fixtures.bretagne)
        for s in Fixtures.bretagne.structures.indices {
            for t in Fixtures.bretagne.sites.indices {
                #expect(bretagne.kmBetween(structure: s, site: t) == Fixtures.bretagne.distanceKm(structure: s, site: t))
            }
        }
    }

    /// PlanCheck is the second opinion: besides decoding and the calendar of session days, it
    /// calls none of PlanDomain's rule code, and nothing of the formulation or the writers.
    @Test func planCheckCallsNoRuleCodeOfThePlanner() throws {
        let folder = Fixtures.root.appendingPathComponent("Sources/PlanCheck")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(names.count >= 8)
        let forbidden = [
            "ineligibility", "Ineligibility", "eligibleOptions", "distanceKm", "haversineKm", "travelLimit(of",
            "travelKm(learner", "waitingDays(learner", "cost(learner", "objective(of", "violations(of", ".allows(",
            "formatNumber", "precedesByBytes", "csvName", "sessionsByPath", "instance.sessionsByID", "trainingWeekdays",
            "reasonWithoutOptions", "import PlanFormulation", "import PlanWriters",
        ]
        var found: [String] = []
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//")[0]
                for word in forbidden where code.contains(word) { found.append("\(name):\(k + 1): \(word)") }
            }
        }
        #expect(found.isEmpty, "PlanCheck calls the planner's rule code: \(found)")
    }
}
