// OrganisationDecoder: one item of `organisations` (SPEC §2): the territories it serves, how many
// sessions it may run at once, and its closure days.

/// Reads an organisation.
struct OrganisationDecoder: ObjectDecoder {
    static let list = "organisations"
    static var what: String { tr("an organisation", "un organisme") }

    func decode(_ o: ObjectMembers, id: String?, _ d: inout InstanceDecoder) -> Organisation? {
        let territories = self.territories(o, &d)
        let maxConcurrent = o["maxConcurrentSessions"].flatMap { d.whole($0, tr("a number of sessions >= 0", "un nombre de sessions ≥ 0")) }
        let closures = o["closures"] == nil ? [] : d.dates(o["closures"])
        guard let id, let territories, let closures, o["maxConcurrentSessions"] == nil || maxConcurrent != nil else { return nil }
        return Organisation(id: id, name: d.string(o["name"]), territories: Set(territories),
                            maxConcurrentSessions: maxConcurrent, closures: Set(closures))
    }

    /// The territory codes; nil when one is wrong or empty.
    private func territories(_ o: ObjectMembers, _ d: inout InstanceDecoder) -> [String]? {
        let field = d.required(o, "territories", tr("a list of territory codes such as \"35\"", "une liste de codes de territoire comme \"35\""))
        guard let items = d.array(field, tr("territory codes", "codes de territoire")) else { return nil }
        let codes = items.map { d.string($0, tr("a territory code such as \"35\"", "un code de territoire comme \"35\"")) }
        var territories = codes.allSatisfy({ $0 != nil }) ? codes.map { $0! } : nil
        for (k, t) in codes.enumerated() where t == "" {
            d.report(items[k].path, tr("expected a non-empty territory code", "attendu : un code de territoire non vide"))
            territories = nil
        }
        return territories
    }
}
