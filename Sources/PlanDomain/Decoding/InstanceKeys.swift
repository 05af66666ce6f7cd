// InstanceKeys: the keys each object of an instance file may have (SPEC §2), shared by the
// decoder, which rejects any other key, and by the tests that hold the JSON schema to them.

/// The keys each object of an instance file may have (SPEC §2), by the object's place in the file:
/// `$` is the document, `sessions[]` any session, `sessions[].capacity` a session's capacity.
/// The decoder rejects any other key; `schema/instance.schema.json` lists the same keys (SchemaTests).
public enum InstanceKeys {
    public static let all: [String: [String]] = [
        "$": ["name", "paths", "calendar", "weights", "defaults", "organisations", "sites", "sessions", "structures",
              "learners"],
        "calendar": ["workdays", "holidays", "closures"],
        "weights": ["unassigned", "remote", "perKm", "perWaitingDay", "openSession"],
        "defaults": ["maxTravelKm", "hoursPerDay", "trainingWeekdays"],
        "organisations[]": ["id", "name", "territories", "maxConcurrentSessions", "closures"],
        "sites[]": ["id", "organisation", "name", "lat", "lon"],
        "sessions[]": ["id", "organisation", "site", "path", "start", "weekdays", "hoursPerDay", "days", "capacity",
                       "minSize"],
        "sessions[].capacity": ["inPerson", "remote"],
        "structures[]": ["id", "name", "territory", "lat", "lon", "maxTravelKm", "alternationDays", "maxAbsent", "email",
                         "phone", "manager"],
        "structures[].manager": ["name", "email", "phone"],
        "learners[]": ["id", "name", "structure", "path", "availableFrom", "startBy", "finishBy", "mode", "maxTravelKm",
                       "assigned", "email", "phone"],
        "learners[].assigned": ["session", "mode"],
    ]

    /// The keys of one object kind; a missing entry is a programming error.
    static func of(_ kind: String) -> [String] {
        guard let keys = all[kind] else { preconditionFailure("no key list for \(kind)") }
        return keys
    }
}
