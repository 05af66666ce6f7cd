// RuleFixture: tiny instances built in code, for tests where one rule or one objective term binds.
import PlanDomain
import PlanFormulation

enum RuleFixture {
    /// An instance with one organisation covering "35", a site at Rennes, and the given sessions,
    /// structures and learners (JSON fragments). Weights default to the spec's unless given.
    static func instance(weights: String = "", organisation: String = "", sessions: [String], structures: [String],
                         learners: [String]) throws -> Instance {
        let json = """
            {
              \(weights.isEmpty ? "" : "\"weights\": {\(weights)},")
              "organisations": [{ "id": "OF", "territories": ["35"] \(organisation.isEmpty ? "" : ", " + organisation) }],
              "sites": [{ "id": "RENNES", "organisation": "OF", "lat": 48.1113, "lon": -1.6800 }],
              "sessions": [\(sessions.joined(separator: ",\n"))],
              "structures": [\(structures.joined(separator: ",\n"))],
              "learners": [\(learners.joined(separator: ",\n"))]
            }
            """
        return try Instance.decode(Array(json.utf8))
    }

    /// A session of path 105 at Rennes starting on `start` (a Monday).
    static func session(_ id: String, start: String = "2027-01-04", inPerson: Int = 10, remote: Int = 10,
                        extra: String = "") -> String {
        """
        { "id": "\(id)", "organisation": "OF", "site": "RENNES", "path": 105, "start": "\(start)",
          "capacity": { "inPerson": \(inPerson), "remote": \(remote) } \(extra.isEmpty ? "" : ", " + extra) }
        """
    }

    /// A structure in Rennes (0 km from the site) unless coordinates are given.
    static func structure(_ id: String, lat: Double = 48.1113, lon: Double = -1.6800, extra: String = "") -> String {
        """
        { "id": "\(id)", "territory": "35", "lat": \(lat), "lon": \(lon) \(extra.isEmpty ? "" : ", " + extra) }
        """
    }

    static func learner(_ id: String, structure: String = "H1", extra: String = "") -> String {
        """
        { "id": "\(id)", "structure": "\(structure)", "path": 105 \(extra.isEmpty ? "" : ", " + extra) }
        """
    }

    /// The plan's (session id, mode) per learner id; "-" for unassigned.
    static func outcome(_ instance: Instance, _ plan: Plan) -> [String: String] {
        var out: [String: String] = [:]
        for (l, a) in plan.assignments.enumerated() {
            out[instance.learners[l].id] = a.map { "\(instance.sessions[$0.session].id)/\($0.mode.csvName)" } ?? "-"
        }
        return out
    }
}
