// SettingsDecoder: the document's settings, each optional with SPEC §2's default: the allowed
// path lengths, the calendar, the objective's weights and the defaults of sessions and learners.

/// What an instance file sets for all its objects; SPEC §2's defaults until read.
struct InstanceSettings {
    var paths = [105, 280, 350, 420]
    var calendar = WorkCalendar(workdays: [.mon, .tue, .wed, .thu, .fri], holidays: .france, closures: [])
    var weights = Weights()
    /// nil: no limit.
    var maxTravelKm: Double? = 100
    var hoursPerDay = 7.0
    var trainingWeekdays: [Weekday] = [.mon, .tue, .wed, .thu]

    /// An instance of these settings and these objects (`Instance.init` computes its indexes).
    func instance(name: String?, organisations: [Organisation], sites: [Site], sessions: [Session],
                  structures: [Structure], learners: [Learner]) -> Instance {
        Instance(name: name, paths: paths, calendar: calendar, weights: weights, defaultMaxTravelKm: maxTravelKm,
                 defaultHoursPerDay: hoursPerDay, defaultTrainingWeekdays: trainingWeekdays,
                 organisations: organisations, sites: sites, sessions: sessions, structures: structures, learners: learners)
    }
}

extension InstanceDecoder {
    /// The largest weight: beyond it an objective can overflow to infinity.
    static let maxWeight = 1e10

    /// A session's or the defaults' hours per day.
    static var hoursPerDayWanted: String { tr("hours per day, more than 0 and at most 24", "un nombre d'heures par jour, plus de 0 et au plus 24") }

    /// The settings of the document `top`: what is wrong is reported and keeps its default.
    mutating func settings(_ top: ObjectMembers) -> InstanceSettings {
        var settings = InstanceSettings()
        if let paths = paths(top["paths"]) { settings.paths = paths }
        if let f = top["calendar"], let c = object(f.node, f.path, keys: InstanceKeys.of("calendar"), what: tr("the calendar", "le calendrier")) {
            calendar(c, into: &settings.calendar)
        }
        if let f = top["weights"], let w = object(f.node, f.path, keys: InstanceKeys.of("weights"), what: tr("the weights", "les poids")) {
            weights(w, into: &settings.weights)
        }
        if let f = top["defaults"], let d = object(f.node, f.path, keys: InstanceKeys.of("defaults"), what: tr("the defaults", "les valeurs par défaut")) {
            defaults(d, into: &settings)
        }
        return settings
    }

    /// The allowed path lengths; nil when one is wrong. A length listed twice is reported, and kept.
    private mutating func paths(_ f: JSONField?) -> [Int]? {
        guard let items = array(f, tr("path lengths in hours", "durées de parcours en heures")) else { return nil }
        let values = items.map { whole($0, tr("a path length in hours >= 1", "une durée de parcours en heures ≥ 1"), min: 1) }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        let paths = values.map { $0! }
        for (k, v) in paths.enumerated() where paths[..<k].contains(v) {
            report(items[k].path, tr("path \(v) is listed twice", "le parcours \(v) figure deux fois"), at: items[k].node.position)
        }
        return paths
    }

    /// The work calendar: workdays, holidays ("FR", "none" or dates) and closures.
    private mutating func calendar(_ c: ObjectMembers, into calendar: inout WorkCalendar) {
        if let w = weekdays(c["workdays"]) { calendar.workdays = Set(w) }
        if let h = c["holidays"] {
            switch h.node.value {
            case .string("FR"): calendar.holidays = .france
            case .string("none"): calendar.holidays = .none
            case .array: if let ds = dates(h) { calendar.holidays = .dates(Set(ds)) }
            default:
                report(h.path, expected(tr("\"FR\", \"none\" or a list of dates", "\"FR\", \"none\" ou une liste de dates"), found: kind(h.node)),
                       at: h.node.position)
            }
        }
        if let ds = dates(c["closures"]) { calendar.closures = Set(ds) }
    }

    /// The objective's weights, each from 0 to `maxWeight`.
    private mutating func weights(_ w: ObjectMembers, into weights: inout Weights) {
        // At most 10^10: larger weights overflow the objective (1e308 km-costs are infinite).
        let what = tr("a number >= 0 and at most 10000000000", "un nombre ≥ 0 et au plus 10000000000")
        let most = Self.maxWeight
        if let v = number(w["unassigned"], what, min: 0, max: most) { weights.unassigned = v }
        if let v = number(w["remote"], what, min: 0, max: most) { weights.remote = v }
        if let v = number(w["perKm"], what, min: 0, max: most) { weights.perKm = v }
        if let v = number(w["perWaitingDay"], what, min: 0, max: most) { weights.perWaitingDay = v }
        if let v = number(w["openSession"], what, min: 0, max: most) { weights.openSession = v }
    }

    /// The defaults; `maxTravelKm: null` lifts the travel limit.
    private mutating func defaults(_ d: ObjectMembers, into settings: inout InstanceSettings) {
        if d.has("maxTravelKm") {
            settings.maxTravelKm = d["maxTravelKm"] == nil
                ? nil : number(d["maxTravelKm"], tr("a distance in km >= 0, or null for no limit", "une distance en km ≥ 0, ou null pour aucune limite"), min: 0)
        }
        if let v = number(d["hoursPerDay"], Self.hoursPerDayWanted, above: 0, max: 24) { settings.hoursPerDay = v }
        if let w = weekdays(d["trainingWeekdays"]) { settings.trainingWeekdays = w }
    }
}
