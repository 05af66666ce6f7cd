// InstanceInitTests: an Instance built in code has its indexes (sessions by id and by path), so
// eligibility sees its sessions, exactly as for the same instance decoded from JSON.
import PlanDomain
import Testing

@Suite struct InstanceInitTests {
    static func built() -> Instance {
        let days = ["2027-01-04", "2027-01-05", "2027-01-06"].map { Day(iso: $0)! }
        return Instance(
            paths: [21],
            organisations: [Organisation(id: "OF", territories: ["35"])],
            sites: [Site(id: "RENNES", organisation: 0, lat: 48.1113, lon: -1.68)],
            sessions: [Session(id: "S-B", organisation: 0, site: 0, path: 21, days: days, capacityInPerson: 2),
                       Session(id: "S-A", organisation: 0, site: nil, path: 21, days: days, capacityRemote: 3)],
            structures: [Structure(id: "H1", territory: "35", lat: 48.1113, lon: -1.68)],
            learners: [Learner(id: "L1", structure: 0, path: 21)])
    }

    @Test func indexesAreComputedByTheInitialiser() {
        let i = Self.built()
        #expect(i.sessionsByID == [1, 0])
        #expect(i.sessionsByPath[21] == [1, 0])
        #expect(i.eligibleOptions(learner: 0) == [Option(session: 1, mode: .remote), Option(session: 0, mode: .inPerson)])
        #expect(i.sessions[0].hours == [7, 7, 7])
    }

    @Test func aBuiltInstanceEqualsTheDecodedOne() throws {
        let json = """
            { "paths": [21],
              "organisations": [{ "id": "OF", "territories": ["35"] }],
              "sites": [{ "id": "RENNES", "organisation": "OF", "lat": 48.1113, "lon": -1.68 }],
              "sessions": [
                { "id": "S-B", "organisation": "OF", "site": "RENNES", "path": 21, "days": ["2027-01-04", "2027-01-05", "2027-01-06"],
                  "capacity": { "inPerson": 2 } },
                { "id": "S-A", "organisation": "OF", "site": null, "path": 21, "days": ["2027-01-04", "2027-01-05", "2027-01-06"],
                  "capacity": { "remote": 3 } }],
              "structures": [{ "id": "H1", "territory": "35", "lat": 48.1113, "lon": -1.68 }],
              "learners": [{ "id": "L1", "structure": "H1", "path": 21 }] }
            """
        let decoded = try Instance.decode(Array(json.utf8))
        let built = Self.built()
        #expect(decoded.sessionsByID == built.sessionsByID)
        #expect(decoded.eligibleOptions(learner: 0) == built.eligibleOptions(learner: 0))
        #expect(decoded.sessions.map(\.hours) == built.sessions.map(\.hours))
        #expect(decoded.sessions.map(\.trainingWeekdays) == built.sessions.map(\.trainingWeekdays))
    }
}
