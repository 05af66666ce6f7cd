// WarningsTests: a valid instance with a planner's slip in it (swapped coordinates, a structure in
// the wrong place, a territory that is no département, a site far from its organisation) is
// warned about, naming the item; the shipped instances have no warning.
import Foundation
import PlanDomain
import PlanTestSupport
import Testing

@Suite struct WarningsTests {
    static func instance(structures: [Structure], sites: [Site] = []) -> Instance {
        Instance(organisations: [Organisation(id: "OF", territories: ["35", "99"])], sites: sites, sessions: [],
                 structures: structures, learners: [])
    }

    @Test func slipsAreWarnedAbout() {
        let w = Self.instance(structures: [
            Structure(id: "H-OK", territory: "35", lat: 48.12, lon: -1.21),
            Structure(id: "H-SWAP", territory: "35", lat: -1.21, lon: 48.12),
            Structure(id: "H-FAR", territory: "35", lat: 43.30, lon: 5.37),
            Structure(id: "H-99", territory: "99", lat: 48.1, lon: -1.6),
        ], sites: [Site(id: "SITE-FAR", organisation: 0, lat: 43.30, lon: 5.37)]).warnings()
        #expect(w.count == 4, "\(w)")
        #expect(w.contains { $0.hasPrefix("structures[1] (H-SWAP): ") && $0.hasSuffix("latitude and longitude seem swapped") })
        #expect(w.contains { $0.hasPrefix("structures[2] (H-FAR): ") && $0.contains("from Rennes, the prefecture of Ille-et-Vilaine (35); check its coordinates") })
        #expect(w.contains("structures[3] (H-99): territory \"99\" is not a French département code"))
        #expect(w.contains { $0.hasPrefix("sites[0] (SITE-FAR): ") })
    }

    @Test(arguments: ["tiny", "bretagne"])
    func theShippedInstancesHaveNone(name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("instances/\(name).json")
        #expect(try Instance.decode(Array(Data(contentsOf: url))).warnings().isEmpty)
    }
}
