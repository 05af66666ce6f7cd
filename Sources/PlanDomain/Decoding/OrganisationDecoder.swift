// OrganisationDecoder: one item of `organisations` (SPEC §2): the territories it serves, how many
// sessions it may run at once, and its closure days.

/// Reads an organisation.
struct OrganisationDecoder: ObjectDecoder {
    static let list = "organisations"
    static let what = "an organisation"

    func decode(_ o: ObjectMembers, id: String?, _ d: inout InstanceDecoder) -> Organisation? {
        let territories = self.territories(o, &d)
        let maxConcurrent = o["maxConcurrentSessions"].flatMap { d.whole($0, "a number of sessions >= 0") }
        let closures = o["closures"] == nil ? [] : d.dates(o["closures"])
        guard let id, let territories, let closures, o["maxConcurrentSessions"] == nil || maxConcurrent != nil else { return nil }
        return Organisation(id: id, name: d.string(o["name"]), territories: Set(territories),
                            maxConcurrentSessions: maxConcurrent, closures: Set(closures))
    }

    /// The territory codes; nil when one is wrong or empty.
    private func territories(_ o: ObjectMembers, _ d: inout InstanceDecoder) -> [String]? {
        let field = d.required(o, "territories", "a list of territory codes such as \"35\"")
        guard let items = d.array(field, "territory codes") else { return nil }
        let codes = items.map { d.string($0, "a territory code such as \"35\"") }
        var territories = codes.allSatisfy({ $0 != nil }) ? codes.map { $0! } : nil
        for (k, t) in codes.enumerated() where t == "" {
            d.report(items[k].path, "expected a non-empty territory code")
            territories = nil
        }
        return territories
    }
}
