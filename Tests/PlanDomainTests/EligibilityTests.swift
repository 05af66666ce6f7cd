// Distances (SPEC §2.2) and eligibility (SPEC §2.3), one condition at a time.
import Foundation
import Testing
@testable import PlanDomain

@Suite struct DistanceTests {
    @Test func rennesToBrest() {
        // The brief said "about 208 km"; the SPEC formula (haversine, R = 6371.0) gives 210.06 km.
        #expect(haversineKm(lat1: 48.1113, lon1: -1.6800, lat2: 48.3904, lon2: -4.4861) == 210)
        #expect(haversineKm(lat1: 48.3904, lon1: -4.4861, lat2: 48.1113, lon2: -1.6800) == 210)
    }

    @Test func knownDistances() {
        #expect(haversineKm(lat1: 48.1236, lon1: -1.2094, lat2: 48.1113, lon2: -1.6800) == 35)    // Vitré–Rennes, 34.96
        #expect(haversineKm(lat1: 48.1236, lon1: -1.2094, lat2: 47.6582, lon2: -2.7608) == 127)   // Vitré–Vannes, 126.72
        #expect(haversineKm(lat1: 0, lon1: 0, lat2: 0, lon2: 180) == 20015)                       // half the equator
        #expect(haversineKm(lat1: 90, lon1: 0, lat2: -90, lon2: 0) == 20015)                      // pole to pole
        #expect(haversineKm(lat1: 0, lon1: 179.5, lat2: 0, lon2: -179.5) == 111)                  // across the antimeridian
    }

    @Test(arguments: [(48.1113, -1.68), (0.0, 0.0), (-33.9, 151.2), (90.0, 45.0)])
    func zeroDistance(lat: Double, lon: Double) {
        #expect(haversineKm(lat1: lat, lon1: lon, lat2: lat, lon2: lon) == 0)
    }

    /// The raw haversine distance along the equator, computed as SPEC §2.2 says.
    func raw(_ lon: Double) -> Double {
        let rad = Double.pi / 180
        let s = (lon * rad / 2).sinValue
        return 6371.0 * 2 * ((s * s).squareRoot()).asinValue
    }

    @Test(arguments: [
        // Longitudes (on the equator, from 0) whose distance is, in Double arithmetic, exactly a half.
        (0.004496608029593653, 0.5, 1),
        (0.013489824088780957, 1.5, 2),
        (0.022483040147968265, 2.5, 3),
    ])
    func halvesRoundAwayFromZero(lon: Double, half: Double, expected: Int) {
        #expect(raw(lon) == half, "fixture: the raw distance is \(raw(lon)), not exactly \(half)")
        #expect(haversineKm(lat1: 0, lon1: 0, lat2: 0, lon2: lon) == expected)
        #expect(haversineKm(lat1: 0, lon1: lon, lat2: 0, lon2: 0) == expected)
    }

    @Test func justBelowAndAboveAHalf() {
        #expect(haversineKm(lat1: 0, lon1: 0, lat2: 0, lon2: 0.0044) == 0)     // 0.489 km
        #expect(haversineKm(lat1: 0, lon1: 0, lat2: 0, lon2: 0.0046) == 1)     // 0.512 km
        #expect(haversineKm(lat1: 0, lon1: 0, lat2: 0, lon2: 0.0224) == 2)     // 2.491 km
        #expect(haversineKm(lat1: 0, lon1: 0, lat2: 0, lon2: 0.0226) == 3)     // 2.513 km
    }

    @Test func distanceKmUsesStructureAndSite() throws {
        let instance = try decodeValid(baseDoc())
        #expect(instance.distanceKm(structure: 0, site: 0) == 35)
        #expect(instance.distanceKm(structure: 0, site: 1) == 127)
    }
}

private extension Double {
    var sinValue: Double { sin(self) }
    var asinValue: Double { asin(self) }
}

@Suite struct EligibilityTests {
    /// The reasons learner 0 may not join session 0 in person and remotely.
    func reasons(_ change: (inout J) -> Void) throws -> (inPerson: Ineligibility?, remote: Ineligibility?) {
        let instance = try decodeValid(doc(change))
        return (instance.ineligibility(learner: 0, session: 0, mode: .inPerson),
                instance.ineligibility(learner: 0, session: 0, mode: .remote))
    }

    /// Moves structure H1 to Brest (territory 29, 210 km from the Rennes site).
    func toBrest(_ d: inout J) {
        d["structures"][0]["territory"] = "29"
        d["structures"][0]["lat"] = 48.3904
        d["structures"][0]["lon"] = -4.4861
    }

    @Test func baseLearnerIsEligibleBothWays() throws {
        let r = try reasons { _ in }
        #expect(r.inPerson == nil)
        #expect(r.remote == nil)
    }

    @Test func pathMismatch() throws {
        let r = try reasons { $0["learners"][0]["path"] = 280 }
        #expect(r.inPerson == .path(session: 105, learner: 280))
        #expect(r.remote == .path(session: 105, learner: 280))
    }

    @Test func territoryNotCovered() throws {
        let r = try reasons { $0["structures"][0]["territory"] = "56" }
        #expect(r.inPerson == .territory("56"))
        #expect(r.remote == .territory("56"))
    }

    @Test(arguments: [
        ("availableFrom", "2027-01-05", Ineligibility.startsBeforeAvailable(day("2027-01-05"))),
        ("availableFrom", "2027-01-04", nil),
        ("availableFrom", "2026-11-02", nil),
        ("startBy", "2027-01-03", Ineligibility.startsAfterStartBy(day("2027-01-03"))),
        ("startBy", "2027-01-04", nil),
        ("finishBy", "2027-01-26", Ineligibility.endsAfterFinishBy(day("2027-01-26"))),
        ("finishBy", "2027-01-27", nil),
    ] as [(String, String, Ineligibility?)])
    func learnerDates(key: String, date: String, expected: Ineligibility?) throws {
        // S1 runs from 2027-01-04 to 2027-01-27.
        let r = try reasons { $0["learners"][0][key] = .str(date) }
        #expect(r.inPerson == expected)
        #expect(r.remote == expected)
    }

    @Test(arguments: [
        (["wed"], Ineligibility.alternationDay(.wed)),
        (["sat", "tue"], .alternationDay(.tue)),
        (["fri"], nil),        // S1 never trains on Friday
        ([], nil),
    ] as [([String], Ineligibility?)])
    func alternationDays(days: [String], expected: Ineligibility?) throws {
        let r = try reasons { $0["structures"][0]["alternationDays"] = .arr(days.map(J.str)) }
        #expect(r.inPerson == expected)
        #expect(r.remote == expected)
    }

    @Test func alternationDayOnlyCountsActualTrainingDays() throws {
        // A session with weekdays mon–fri never actually trains on Friday in these weeks (the rule keeps
        // it free), so a structure whose alternation day is Friday may use it.
        let r = try reasons {
            $0["sessions"][0]["weekdays"] = ["mon", "tue", "wed", "thu", "fri"]
            $0["structures"][0]["alternationDays"] = ["fri"]
        }
        #expect(r.inPerson == nil)
    }

    @Test func modeNotAllowed() throws {
        let remoteOnly = try reasons { $0["learners"][0]["mode"] = "remote" }
        #expect(remoteOnly.inPerson == .modeNotAllowed(.remote))
        #expect(remoteOnly.remote == nil)
        let inPersonOnly = try reasons { $0["learners"][0]["mode"] = "inPerson" }
        #expect(inPersonOnly.inPerson == nil)
        #expect(inPersonOnly.remote == .modeNotAllowed(.inPerson))
    }

    @Test func noSiteForInPerson() throws {
        let r = try reasons {
            $0["sessions"][0]["site"] = nil
            $0["sessions"][0]["capacity"] = ["inPerson": 0, "remote": 3]
        }
        #expect(r.inPerson == .noSite)
        #expect(r.remote == nil)
    }

    @Test func noInPersonSeats() throws {
        let r = try reasons { $0["sessions"][0]["capacity"]["inPerson"] = 0 }
        #expect(r.inPerson == .noInPersonSeats)
        #expect(r.remote == nil)
    }

    @Test func noRemoteSeats() throws {
        let r = try reasons { $0["sessions"][0]["capacity"]["remote"] = 0 }
        #expect(r.inPerson == nil)
        #expect(r.remote == .noRemoteSeats)
        let absent = try reasons { $0["sessions"][0]["capacity"] = ["inPerson": 2] }
        #expect(absent.remote == .noRemoteSeats)
    }

    @Test func tooFarWithTheDefaultLimit() throws {
        let r = try reasons(toBrest)
        #expect(r.inPerson == .tooFar(km: 210, limit: 100))
        #expect(r.remote == nil)    // distance does not matter remotely
    }

    @Test(arguments: [
        // (defaults.maxTravelKm: absent = -1 / null = nil, structure override, learner override, expected)
        (-1.0, nil, nil, Ineligibility.tooFar(km: 210, limit: 100)),
        (-1.0, 250.0, nil, nil),                                             // structure beats default
        (-1.0, 250.0, 200.0, Ineligibility.tooFar(km: 210, limit: 200)),     // learner beats structure
        (-1.0, 50.0, 300.0, nil),                                            // learner beats structure
        (-1.0, nil, 210.0, nil),                                             // limit is inclusive
        (-1.0, nil, 209.0, Ineligibility.tooFar(km: 210, limit: 209)),
        (300.0, nil, nil, nil),                                              // default raised
        (300.0, 100.0, nil, Ineligibility.tooFar(km: 210, limit: 100)),      // structure beats default
        (nil, nil, nil, nil),                                                // default null: no limit
        (nil, 150.0, nil, Ineligibility.tooFar(km: 210, limit: 150)),        // an override still applies
        (0.0, nil, nil, Ineligibility.tooFar(km: 210, limit: 0)),
    ] as [(Double?, Double?, Double?, Ineligibility?)])
    func travelLimits(defaultLimit: Double?, structure: Double?, learner: Double?, expected: Ineligibility?) throws {
        let r = try reasons {
            toBrest(&$0)
            if let defaultLimit {
                if defaultLimit >= 0 { $0["defaults"] = ["maxTravelKm": .num("\(defaultLimit)")] }
            } else {
                $0["defaults"] = ["maxTravelKm": nil]
            }
            if let structure { $0["structures"][0]["maxTravelKm"] = .num("\(structure)") }
            if let learner { $0["learners"][0]["maxTravelKm"] = .num("\(learner)") }
        }
        #expect(r.inPerson == expected)
        #expect(r.remote == nil)
    }

    @Test func nullOverridesInherit() throws {
        let r = try reasons {
            toBrest(&$0)
            $0["structures"][0]["maxTravelKm"] = nil
            $0["learners"][0]["maxTravelKm"] = nil
        }
        #expect(r.inPerson == .tooFar(km: 210, limit: 100))
    }

    @Test func travelLimitOfLearner() throws {
        let i = try decodeValid(doc {
            $0["structures"].append(["id": "H2", "territory": "35", "lat": 48, "lon": -1.5, "maxTravelKm": 40])
            $0["learners"].append(["id": "L2", "structure": "H2", "path": 105])
            $0["learners"].append(["id": "L3", "structure": "H2", "path": 105, "maxTravelKm": 70])
        })
        #expect(i.travelLimit(of: i.learners[0]) == 100)
        #expect(i.travelLimit(of: i.learners[1]) == 40)
        #expect(i.travelLimit(of: i.learners[2]) == 70)
    }

    @Test func eligibleOptionsSortedBySessionIdThenMode() throws {
        let i = try decodeValid(doc {
            // "S0" sorts before "S1" but comes second in the file; remote only.
            $0["sessions"].append(["id": "S0", "organisation": "OF-A", "path": 105, "start": "2027-02-01",
                                   "capacity": ["inPerson": 0, "remote": 4]])
            $0["sessions"].append(["id": "S2", "organisation": "OF-B", "site": "VANNES", "path": 105, "start": "2027-02-01",
                                   "capacity": ["inPerson": 4, "remote": 4]])
        })
        #expect(i.sessionsByID == [1, 0, 2])
        #expect(i.eligibleOptions(learner: 0) == [
            Option(session: 1, mode: .remote),
            Option(session: 0, mode: .inPerson),
            Option(session: 0, mode: .remote),
        ])
    }

    @Test func travelAndWaiting() throws {
        let i = try decodeValid(doc {
            $0["learners"][0]["availableFrom"] = "2026-12-28"
            $0["learners"].append(["id": "L2", "structure": "H1", "path": 105])
        })
        #expect(i.travelKm(learner: 0, option: Option(session: 0, mode: .inPerson)) == 35)
        #expect(i.travelKm(learner: 0, option: Option(session: 0, mode: .remote)) == nil)
        #expect(i.waitingDays(learner: 0, session: 0) == 7)
        #expect(i.waitingDays(learner: 1, session: 0) == nil)
    }

    @Test func descriptionsAreInPlainWords() {
        #expect(Ineligibility.tooFar(km: 210, limit: 100).description.contains("210 km"))
        #expect(Ineligibility.noRemoteSeats.description.contains("remote"))
        #expect(Ineligibility.path(session: 105, learner: 280).description.contains("280"))
    }
}
