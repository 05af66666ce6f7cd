// InstanceDecoder: reads an instance file into an `Instance`, reporting every problem at once,
// each located by a JSON path (`learners[12].structure`) and saying what was expected (SPEC §2.4).

/// One problem in an instance file.
public struct InstanceIssue: Sendable, Equatable, CustomStringConvertible {
    /// A JSON path such as `learners[3].availableFrom`, or `$` for the whole document.
    public var path: String
    public var message: String
    /// Where the value stands in the file, when known.
    public var line: Int?
    public var column: Int?

    public var description: String {
        let at = line.map { " (line \($0), column \(column ?? 0))" } ?? ""
        return "\(path)\(at): \(message)"
    }
}

/// An instance file that cannot be used.
public struct InvalidInstance: Error, Sendable, CustomStringConvertible {
    public var issues: [InstanceIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

extension Instance {
    /// Decodes and validates an instance file's bytes.
    public static func decode(_ bytes: [UInt8]) throws(InvalidInstance) -> Instance {
        if bytes.isEmpty { throw InvalidInstance(issues: [InstanceIssue(path: "$", message: "the file is empty; expected a JSON object")]) }
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        if String(validating: body, as: UTF8.self) == nil {
            throw InvalidInstance(issues: [InstanceIssue(path: "$", message: "the file is not valid UTF-8 text")])
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(body)
        } catch {
            throw InvalidInstance(issues: [InstanceIssue(
                path: "$", message: "not valid JSON: \(error.message) at line \(error.position.line), column \(error.position.column)",
                line: error.position.line, column: error.position.column)])
        }
        var decoder = InstanceDecoder()
        let instance = decoder.instance(root)
        if let instance, decoder.issues.isEmpty { return instance }
        throw InvalidInstance(issues: decoder.issues)
    }
}

// MARK: - Reading JSON values with paths

private struct Field {
    var node: JSONNode
    var path: String
}

/// An object's members by key, once unknown and duplicate keys have been reported.
private struct Members {
    var path: String
    var map: [String: JSONNode]
    var position: SourcePosition

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member, nil when absent or null.
    subscript(_ key: String) -> Field? {
        guard let n = map[key] else { return nil }
        if case .null = n.value { return nil }
        return Field(node: n, path: child(key))
    }

    /// True when the key is present, even as null.
    func has(_ key: String) -> Bool { map[key] != nil }
}

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
        "structures[]": ["id", "name", "territory", "lat", "lon", "maxTravelKm", "alternationDays", "maxAbsent"],
        "learners[]": ["id", "name", "structure", "path", "availableFrom", "startBy", "finishBy", "mode", "maxTravelKm",
                       "assigned"],
        "learners[].assigned": ["session", "mode"],
    ]

    /// The keys of one object kind; a missing entry is a programming error.
    static func of(_ kind: String) -> [String] {
        guard let keys = all[kind] else { preconditionFailure("no key list for \(kind)") }
        return keys
    }
}

struct InstanceDecoder {
    var issues: [InstanceIssue] = []

    mutating func report(_ path: String, _ message: String, at position: SourcePosition? = nil) {
        issues.append(InstanceIssue(path: path.isEmpty ? "$" : path, message: message,
                                    line: position?.line, column: position?.column))
    }

    private mutating func object(_ node: JSONNode, _ path: String, keys: [String], what: String) -> Members? {
        guard case .object(let members) = node.value else {
            report(path, "expected an object (\(what)), found \(kind(node))", at: node.position)
            return nil
        }
        var map: [String: JSONNode] = [:]
        for m in members {
            let p = path.isEmpty ? m.key : "\(path).\(m.key)"
            if !keys.contains(m.key) {
                let hint = closest(m.key, in: keys).map { "; did you mean '\($0)'?" } ?? ""
                report(p, "unknown key '\(m.key)'\(hint) (expected one of: \(keys.joined(separator: ", ")))", at: m.keyPosition)
            } else if map[m.key] != nil {
                report(p, "key '\(m.key)' appears twice", at: m.keyPosition)
            } else {
                map[m.key] = m.value
            }
        }
        return Members(path: path, map: map, position: node.position)
    }

    private mutating func required(_ o: Members, _ key: String, _ what: String) -> Field? {
        if let f = o[key] { return f }
        report(o.child(key), o.has(key) ? "must not be null; expected \(what)" : "required key is missing; expected \(what)",
               at: o.has(key) ? o.map[key]!.position : o.position)
        return nil
    }

    private mutating func string(_ f: Field?, _ what: String = "a string") -> String? {
        guard let f else { return nil }
        guard case .string(let s) = f.node.value else {
            report(f.path, "expected \(what), found \(kind(f.node))", at: f.node.position)
            return nil
        }
        return s
    }

    private mutating func id(_ f: Field?) -> String? {
        guard let s = string(f, "a non-empty id string") else { return nil }
        if s.isEmpty { report(f!.path, "expected a non-empty id string", at: f!.node.position); return nil }
        return s
    }

    private mutating func number(_ f: Field?, _ what: String, min: Double? = nil, above: Double? = nil,
                                 max: Double? = nil) -> Double? {
        guard let f else { return nil }
        guard case .number(let v, _) = f.node.value else {
            report(f.path, "expected \(what), found \(kind(f.node))", at: f.node.position)
            return nil
        }
        if let m = min, v < m { report(f.path, "expected \(what), found \(formatNumber(v))", at: f.node.position); return nil }
        if let a = above, v <= a { report(f.path, "expected \(what), found \(formatNumber(v))", at: f.node.position); return nil }
        if let m = max, v > m { report(f.path, "expected \(what), found \(formatNumber(v))", at: f.node.position); return nil }
        return v
    }

    private mutating func whole(_ f: Field?, _ what: String, min: Int = 0) -> Int? {
        guard let f, let v = number(f, what) else { return nil }
        guard v == v.rounded(), abs(v) < 1e12 else {
            report(f.path, "expected \(what) (a whole number), found \(formatNumber(v))", at: f.node.position)
            return nil
        }
        guard Int(v) >= min else {
            report(f.path, "expected \(what), found \(formatNumber(v))", at: f.node.position)
            return nil
        }
        return Int(v)
    }

    private mutating func date(_ f: Field?) -> Day? {
        guard let f, let s = string(f, "a date \"YYYY-MM-DD\"") else { return nil }
        guard let d = Day(iso: s) else {
            report(f.path, "expected a date \"YYYY-MM-DD\", found \"\(s)\"", at: f.node.position)
            return nil
        }
        return d
    }

    private mutating func array(_ f: Field?, _ what: String) -> [Field]? {
        guard let f else { return nil }
        guard case .array(let items) = f.node.value else {
            report(f.path, "expected a list of \(what), found \(kind(f.node))", at: f.node.position)
            return nil
        }
        return items.enumerated().map { Field(node: $1, path: "\(f.path)[\($0)]") }
    }

    private mutating func dates(_ f: Field?) -> [Day]? {
        guard let items = array(f, "dates \"YYYY-MM-DD\"") else { return nil }
        let ds = items.map { date($0) }
        return ds.contains(where: { $0 == nil }) ? nil : ds.map { $0! }
    }

    private mutating func weekdays(_ f: Field?, nonEmpty: Bool = true) -> [Weekday]? {
        guard let f, let items = array(f, "weekdays \"mon\"…\"sun\"") else { return nil }
        var out: [Weekday] = []
        var ok = true
        for item in items {
            guard let s = string(item, "a weekday \"mon\"…\"sun\"") else { ok = false; continue }
            guard let w = Weekday(rawValue: s) else {
                report(item.path, "expected a weekday \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\", found \"\(s)\"",
                       at: item.node.position)
                ok = false
                continue
            }
            if out.contains(w) { report(item.path, "weekday \"\(s)\" is listed twice", at: item.node.position); ok = false }
            out.append(w)
        }
        if ok, nonEmpty, out.isEmpty { report(f.path, "expected at least one weekday", at: f.node.position); return nil }
        return ok ? out : nil
    }

    /// Checks ids are unique; returns id -> index.
    private mutating func index(_ ids: [(String?, Field?)], _ listPath: String) -> [String: Int] {
        var map: [String: Int] = [:]
        for (i, (id, f)) in ids.enumerated() {
            guard let id else { continue }
            if let first = map[id] {
                report(f?.path ?? "\(listPath)[\(i)].id", "duplicate id \"\(id)\" (first at \(listPath)[\(first)])", at: f?.node.position)
            } else {
                map[id] = i
            }
        }
        return map
    }

    private mutating func reference(_ f: Field?, _ map: [String: Int], _ what: String) -> Int? {
        guard let f, let s = id(f) else { return nil }
        guard let i = map[s] else {
            report(f.path, "unknown \(what) \"\(s)\"; expected the id of one of the \(what)s", at: f.node.position)
            return nil
        }
        return i
    }

    // MARK: - The document

    static let topKeys = InstanceKeys.of("$")

    mutating func instance(_ root: JSONNode) -> Instance? {
        guard case .object = root.value else {
            report("$", "expected a JSON object at the top of the file, found \(kind(root))", at: root.position)
            return nil
        }
        guard let top = object(root, "", keys: Self.topKeys, what: "the instance") else { return nil }
        let name = string(top["name"])

        // Paths.
        var paths = [105, 280, 350, 420]
        if let items = array(top["paths"], "path lengths in hours") {
            let values = items.map { whole($0, "a path length in hours >= 1", min: 1) }
            if values.allSatisfy({ $0 != nil }) {
                paths = values.map { $0! }
                for (k, v) in paths.enumerated() where paths[..<k].contains(v) {
                    report(items[k].path, "path \(v) is listed twice", at: items[k].node.position)
                }
            }
        }

        // Calendar.
        var calendar = WorkCalendar(workdays: [.mon, .tue, .wed, .thu, .fri], holidays: .france, closures: [])
        if let f = top["calendar"], let c = object(f.node, f.path, keys: InstanceKeys.of("calendar"), what: "the calendar") {
            if let w = weekdays(c["workdays"]) { calendar.workdays = Set(w) }
            if let h = c["holidays"] {
                switch h.node.value {
                case .string("FR"): calendar.holidays = .france
                case .string("none"): calendar.holidays = .none
                case .array: if let ds = dates(h) { calendar.holidays = .dates(Set(ds)) }
                default: report(h.path, "expected \"FR\", \"none\" or a list of dates, found \(kind(h.node))", at: h.node.position)
                }
            }
            if let ds = dates(c["closures"]) { calendar.closures = Set(ds) }
        }

        // Weights.
        var weights = Weights()
        if let f = top["weights"], let w = object(f.node, f.path, keys: InstanceKeys.of("weights"), what: "the weights") {
            // At most 10^10: larger weights overflow the objective (1e308 km-costs are infinite).
            let what = "a number >= 0 and at most 10000000000"
            let top = InstanceDecoder.maxWeight
            if let v = number(w["unassigned"], what, min: 0, max: top) { weights.unassigned = v }
            if let v = number(w["remote"], what, min: 0, max: top) { weights.remote = v }
            if let v = number(w["perKm"], what, min: 0, max: top) { weights.perKm = v }
            if let v = number(w["perWaitingDay"], what, min: 0, max: top) { weights.perWaitingDay = v }
            if let v = number(w["openSession"], what, min: 0, max: top) { weights.openSession = v }
        }

        // Defaults.
        var maxTravel: Double? = 100
        var hoursPerDay = 7.0
        var trainingWeekdays: [Weekday] = [.mon, .tue, .wed, .thu]
        if let f = top["defaults"], let d = object(f.node, f.path, keys: InstanceKeys.of("defaults"), what: "the defaults") {
            if d.has("maxTravelKm") {
                maxTravel = d["maxTravelKm"] == nil ? nil : number(d["maxTravelKm"], "a distance in km >= 0, or null for no limit", min: 0)
            }
            if let v = number(d["hoursPerDay"], "hours per day, more than 0 and at most 24", above: 0, max: 24) { hoursPerDay = v }
            if let w = weekdays(d["trainingWeekdays"]) { trainingWeekdays = w }
        }

        let orgFields = list(top, "organisations")
        let siteFields = list(top, "sites")
        let sessionFields = list(top, "sessions")
        let structureFields = list(top, "structures")
        let learnerFields = list(top, "learners")

        // Organisations.
        var organisations: [Organisation?] = []
        var orgIDs: [(String?, Field?)] = []
        for f in orgFields ?? [] {
            guard let o = object(f.node, f.path, keys: InstanceKeys.of("organisations[]"), what: "an organisation") else {
                organisations.append(nil); orgIDs.append((nil, nil)); continue
            }
            let oid = id(required(o, "id", "a non-empty id string"))
            orgIDs.append((oid, o["id"]))
            var territories: [String]? = nil
            if let items = array(required(o, "territories", "a list of territory codes such as \"35\""), "territory codes") {
                let ts = items.map { string($0, "a territory code such as \"35\"") }
                if ts.allSatisfy({ $0 != nil }) { territories = ts.map { $0! } }
                for (k, t) in ts.enumerated() where t == "" { report(items[k].path, "expected a non-empty territory code"); territories = nil }
            }
            let maxConc = o["maxConcurrentSessions"].flatMap { whole($0, "a number of sessions >= 0") }
            let closures = o["closures"] == nil ? [] : dates(o["closures"])
            if let oid, let territories, let closures, o["maxConcurrentSessions"] == nil || maxConc != nil {
                organisations.append(Organisation(id: oid, name: string(o["name"]), territories: Set(territories),
                                                  maxConcurrentSessions: maxConc, closures: Set(closures)))
            } else {
                organisations.append(nil)
            }
        }
        let orgIndex = index(orgIDs, "organisations")

        // Sites.
        var sites: [Site?] = []
        var siteIDs: [(String?, Field?)] = []
        for f in siteFields ?? [] {
            guard let o = object(f.node, f.path, keys: InstanceKeys.of("sites[]"), what: "a site") else {
                sites.append(nil); siteIDs.append((nil, nil)); continue
            }
            let sid = id(required(o, "id", "a non-empty id string"))
            siteIDs.append((sid, o["id"]))
            let org = reference(required(o, "organisation", "an organisation id"), orgIndex, "organisation")
            let lat = number(required(o, "lat", "a latitude in degrees"), "a latitude in degrees, from -90 to 90", min: -90, max: 90)
            let lon = number(required(o, "lon", "a longitude in degrees"), "a longitude in degrees, from -180 to 180", min: -180, max: 180)
            let name = string(o["name"])
            if let sid, let org, let lat, let lon {
                sites.append(Site(id: sid, organisation: org, name: name, lat: lat, lon: lon))
            } else {
                sites.append(nil)
            }
        }
        let siteIndex = index(siteIDs, "sites")

        // Sessions.
        var sessions: [Session?] = []
        var sessionIDs: [(String?, Field?)] = []
        for f in sessionFields ?? [] {
            guard let o = object(f.node, f.path, keys: InstanceKeys.of("sessions[]"), what: "a session") else {
                sessions.append(nil); sessionIDs.append((nil, nil)); continue
            }
            let sid = id(required(o, "id", "a non-empty id string"))
            sessionIDs.append((sid, o["id"]))
            sessions.append(session(o, id: sid, orgIndex: orgIndex, siteIndex: siteIndex, organisations: organisations,
                                    sites: sites, paths: paths, calendar: calendar, hoursPerDay: hoursPerDay,
                                    trainingWeekdays: trainingWeekdays))
        }
        let sessionIndex = index(sessionIDs, "sessions")

        // Structures.
        var structures: [Structure?] = []
        var structureIDs: [(String?, Field?)] = []
        for f in structureFields ?? [] {
            guard let o = object(f.node, f.path, keys: InstanceKeys.of("structures[]"), what: "a structure") else {
                structures.append(nil); structureIDs.append((nil, nil)); continue
            }
            let hid = id(required(o, "id", "a non-empty id string"))
            structureIDs.append((hid, o["id"]))
            let territory = string(required(o, "territory", "a territory code such as \"35\""), "a territory code such as \"35\"")
            if territory == "" { report(o.child("territory"), "expected a non-empty territory code") }
            let lat = number(required(o, "lat", "a latitude in degrees"), "a latitude in degrees, from -90 to 90", min: -90, max: 90)
            let lon = number(required(o, "lon", "a longitude in degrees"), "a longitude in degrees, from -180 to 180", min: -180, max: 180)
            let travel = number(o["maxTravelKm"], "a distance in km >= 0", min: 0)
            let alternation = o["alternationDays"] == nil ? [] : weekdays(o["alternationDays"], nonEmpty: false)
            let maxAbsent = o["maxAbsent"].flatMap { whole($0, "a number of learners >= 0") }
            let ok = (o["maxTravelKm"] == nil || travel != nil) && (o["maxAbsent"] == nil || maxAbsent != nil)
            if let hid, let territory, !territory.isEmpty, let lat, let lon, let alternation, ok {
                structures.append(Structure(id: hid, name: string(o["name"]), territory: territory, lat: lat, lon: lon,
                                            maxTravelKm: travel, alternationDays: Set(alternation), maxAbsent: maxAbsent))
            } else {
                structures.append(nil)
            }
        }
        let structureIndex = index(structureIDs, "structures")

        // Learners.
        var learners: [Learner?] = []
        var learnerIDs: [(String?, Field?)] = []
        var pinFields: [Field?] = []
        for f in learnerFields ?? [] {
            guard let o = object(f.node, f.path, keys: InstanceKeys.of("learners[]"), what: "a learner") else {
                learners.append(nil); learnerIDs.append((nil, nil)); pinFields.append(nil); continue
            }
            let lid = id(required(o, "id", "a non-empty id string"))
            learnerIDs.append((lid, o["id"]))
            let structure = reference(required(o, "structure", "a structure id"), structureIndex, "structure")
            let path = pathValue(required(o, "path", "a path length in hours"), paths)
            let from = date(o["availableFrom"]), startBy = date(o["startBy"]), finishBy = date(o["finishBy"])
            var datesOK = (o["availableFrom"] == nil || from != nil) && (o["startBy"] == nil || startBy != nil)
                && (o["finishBy"] == nil || finishBy != nil)
            if let from, let startBy, from > startBy {
                report(o.child("availableFrom"), "availableFrom \(from) is after startBy \(startBy)", at: o["availableFrom"]!.node.position)
                datesOK = false
            }
            if let from, let finishBy, from > finishBy {
                report(o.child("availableFrom"), "availableFrom \(from) is after finishBy \(finishBy)", at: o["availableFrom"]!.node.position)
                datesOK = false
            }
            var mode: ModePreference? = .any
            if let m = o["mode"] {
                let s = string(m, "\"any\", \"inPerson\" or \"remote\"")
                mode = s.flatMap(ModePreference.init(rawValue:))
                if let s, mode == nil { report(m.path, "expected \"any\", \"inPerson\" or \"remote\", found \"\(s)\"", at: m.node.position) }
            }
            let travel = number(o["maxTravelKm"], "a distance in km >= 0", min: 0)
            var pin: Pin?? = .some(nil)
            if let a = o["assigned"] {
                pin = nil
                if let ao = object(a.node, a.path, keys: InstanceKeys.of("learners[].assigned"), what: "a pinned assignment {\"session\", \"mode\"}") {
                    let s = reference(required(ao, "session", "a session id"), sessionIndex, "session")
                    let ms = string(required(ao, "mode", "\"inPerson\" or \"remote\""), "\"inPerson\" or \"remote\"")
                    let m = ms.flatMap(Mode.init(rawValue:))
                    if let ms, m == nil { report(ao.child("mode"), "expected \"inPerson\" or \"remote\", found \"\(ms)\"") }
                    if let s, let m { pin = .some(Pin(session: s, mode: m)) }
                }
            }
            pinFields.append(o["assigned"])
            if let lid, let structure, let path, datesOK, let mode, o["maxTravelKm"] == nil || travel != nil, let pin {
                learners.append(Learner(id: lid, name: string(o["name"]), structure: structure, path: path, availableFrom: from,
                                        startBy: startBy, finishBy: finishBy, mode: mode, maxTravelKm: travel, assigned: pin))
            } else {
                learners.append(nil)
            }
        }
        _ = index(learnerIDs, "learners")

        guard let orgFields, let siteFields, let sessionFields, let structureFields, let learnerFields else { return nil }
        _ = (orgFields, siteFields, sessionFields, structureFields, learnerFields)
        // Pinned assignments must be eligible; checked on every pin whose learner, structure,
        // session, organisation and site decoded, even when other items did not.
        for (k, l) in learners.enumerated() {
            guard let l, let pin = l.assigned, let structure = structures[l.structure], let session = sessions[pin.session],
                  let org = organisations[session.organisation] else { continue }
            let site = session.site.flatMap { sites[$0] }
            if session.site != nil && site == nil { continue }
            var probeSession = session
            probeSession.organisation = 0
            probeSession.site = site == nil ? nil : 0
            var probeLearner = l
            probeLearner.structure = 0
            let probe = Instance(name: nil, paths: paths, calendar: calendar, weights: weights, defaultMaxTravelKm: maxTravel,
                                 defaultHoursPerDay: hoursPerDay, defaultTrainingWeekdays: trainingWeekdays,
                                 organisations: [org], sites: site.map { [$0] } ?? [], sessions: [probeSession],
                                 structures: [structure], learners: [probeLearner])
            if let why = probe.ineligibility(learner: 0, session: 0, mode: pin.mode) {
                report("learners[\(k)].assigned", "the pinned assignment to \(session.id) (\(pin.mode.rawValue)) is not eligible: \(why)",
                       at: pinFields[k]?.node.position)
            }
        }
        guard issues.isEmpty, organisations.allSatisfy({ $0 != nil }), sites.allSatisfy({ $0 != nil }),
              sessions.allSatisfy({ $0 != nil }), structures.allSatisfy({ $0 != nil }), learners.allSatisfy({ $0 != nil }) else {
            return nil
        }
        return Instance(name: name, paths: paths, calendar: calendar, weights: weights, defaultMaxTravelKm: maxTravel,
                                defaultHoursPerDay: hoursPerDay, defaultTrainingWeekdays: trainingWeekdays,
                                organisations: organisations.map { $0! }, sites: sites.map { $0! },
                                sessions: sessions.map { $0! }, structures: structures.map { $0! },
                                learners: learners.map { $0! })
    }

    private mutating func list(_ top: Members, _ key: String) -> [Field]? {
        array(required(top, key, "a list (it may be empty)"), key)
    }

    private mutating func pathValue(_ f: Field?, _ paths: [Int]) -> Int? {
        guard let f, let p = whole(f, "a path length in hours", min: 1) else { return nil }
        guard paths.contains(p) else {
            report(f.path, "path \(p) is not one of the allowed paths \(paths.map(String.init).joined(separator: ", "))", at: f.node.position)
            return nil
        }
        return p
    }

    // MARK: - Sessions and their calendars (SPEC §2.1)

    private mutating func session(_ o: Members, id sid: String?, orgIndex: [String: Int], siteIndex: [String: Int],
                                  organisations: [Organisation?], sites: [Site?], paths: [Int], calendar: WorkCalendar,
                                  hoursPerDay defaultHours: Double, trainingWeekdays: [Weekday]) -> Session? {
        let org = reference(required(o, "organisation", "an organisation id"), orgIndex, "organisation")
        let site = o["site"].flatMap { reference($0, siteIndex, "site") }
        let siteOK = o["site"] == nil || site != nil
        let path = pathValue(required(o, "path", "a path length in hours"), paths)
        let hpd = o["hoursPerDay"].map { number($0, "hours per day, more than 0 and at most 24", above: 0, max: 24) } ?? defaultHours
        let minSize = o["minSize"].map { whole($0, "a number of participants >= 0") } ?? 0
        var capIn: Int? = 0, capRemote: Int? = 0
        if let c = required(o, "capacity", "an object {\"inPerson\", \"remote\"}"),
           let cap = object(c.node, c.path, keys: InstanceKeys.of("sessions[].capacity"), what: "a capacity {\"inPerson\", \"remote\"}") {
            if let f = cap["inPerson"] { capIn = whole(f, "a number of seats >= 0") }
            if let f = cap["remote"] { capRemote = whole(f, "a number of seats >= 0") }
        } else {
            capIn = nil
        }
        // A wrong site is reported, and the calendar is still checked below.
        var consistent = true
        if let org, let site, let s = sites[site], s.organisation != org {
            report(o.child("site"), "site \"\(s.id)\" belongs to another organisation; expected a site of \"\(organisations[org]?.id ?? "")\"",
                   at: o["site"]!.node.position)
            consistent = false
        }
        if o["site"] == nil, let c = capIn, c > 0 {
            report(o.child("capacity.inPerson"), "a session without a site is remote only; expected 0 in-person seats, found \(c)",
                   at: o["capacity"]?.node.position)
            consistent = false
        }
        guard let sid, let org, let path, let hpd else { return nil }
        // No session trains on more days than ten years hold (the calendar walk gives up after
        // ten years), and listing the days of, say, 105 h at 1e-300 h a day would never end.
        if Double(path) / hpd > Double(Self.maxTrainingDays) {
            let field = o["hoursPerDay"] ?? o["path"]!
            let hoursText = hpd >= 0.001 ? formatNumber(hpd) : "\(hpd)"
            let source = o["hoursPerDay"] == nil ? " (defaults.hoursPerDay)" : ""
            report(field.path, "a \(path) h path at \(hoursText) h per day\(source) needs more than \(Self.maxTrainingDays) training days; "
                   + "expected more hours per day", at: field.node.position)
            return nil
        }
        let orgClosures = organisations[org]?.closures ?? []
        let hours = dailyHours(pathHours: path, hoursPerDay: hpd)
        var days: [Day]
        if o["days"] != nil {
            for key in ["start", "weekdays"] where o[key] != nil {
                report(o.child(key), "a session with explicit days must omit \(key)", at: o[key]!.node.position)
            }
            guard let ds = dates(o["days"]) else { return nil }
            days = ds
            guard explicitDaysAreValid(ds, o.child("days"), hours: hours, hoursPerDay: hpd, calendar: calendar,
                                       organisationClosures: orgClosures), o["start"] == nil, o["weekdays"] == nil else { return nil }
        } else {
            let weekdayList = o["weekdays"] == nil ? trainingWeekdays : weekdays(o["weekdays"])
            guard let start = date(required(o, "start", "a start date \"YYYY-MM-DD\" (or explicit \"days\")")),
                  let weekdayList else { return nil }
            let wset = Set(weekdayList)
            if let why = calendar.refusal(of: start, weekdays: wset, organisationClosures: orgClosures, takenInWeek: 0) {
                report(o.child("start"), "the session cannot start on \(start): \(why)", at: o["start"]!.node.position)
                return nil
            }
            guard let generated = calendar.trainingDays(start: start, weekdays: wset, organisationClosures: orgClosures,
                                                         count: hours.count) else {
                report(o.child("weekdays"), "no training day can be found after \(start) for these weekdays", at: o.position)
                return nil
            }
            days = generated
        }
        guard consistent, siteOK, let minSize, let capIn, let capRemote else { return nil }
        return Session(id: sid, organisation: org, site: site, path: path, days: days, hoursPerDay: hpd,
                       capacityInPerson: capIn, capacityRemote: capRemote, minSize: minSize)
    }

    /// The largest weight: beyond it an objective can overflow to infinity.
    static let maxWeight = 1e10

    /// The most training days a session may have: ten years of days.
    static let maxTrainingDays = 3660

    private mutating func explicitDaysAreValid(_ days: [Day], _ path: String, hours: [Double], hoursPerDay: Double,
                                               calendar: WorkCalendar, organisationClosures: Set<Day>) -> Bool {
        var ok = true
        if days.count != hours.count {
            report(path, "expected \(hours.count) training days of \(formatNumber(hoursPerDay)) h (the last possibly shorter) to make the path's hours, found \(days.count)")
            ok = false
        }
        for (k, d) in days.enumerated() {
            let p = "\(path)[\(k)]"
            if k > 0, d <= days[k - 1] { report(p, "expected dates in increasing order; \(d) is not after \(days[k - 1])"); ok = false }
            if !calendar.isWorkday(d) { report(p, "\(d) is not a workday"); ok = false }
            if organisationClosures.contains(d) { report(p, "\(d) is a closure day of the organisation"); ok = false }
        }
        var perWeek: [Int: Int] = [:]
        for d in Set(days) { perWeek[d.isoWeek, default: 0] += 1 }
        for (week, n) in perWeek.sorted(by: { $0.key < $1.key }) where n >= calendar.workdaysInWeek(of: Day(number: week)) {
            report(path, "the week of \(Day(number: week)) has no workday left at the host structure (\(n) training days)")
            ok = false
        }
        return ok
    }
}

private func kind(_ node: JSONNode) -> String {
    switch node.value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number(_, let t): return "the number \(t)"
    case .string(let s): return "the string \"\(s)\""
    case .array: return "a list"
    case .object: return "an object"
    }
}

/// The allowed key closest to a misspelt one (edit distance at most 3).
private func closest(_ key: String, in keys: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var prev = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return a.isEmpty ? b.count : prev[b.count]
    }
    let a = Array(key.lowercased())
    // The distance is at least the difference in length: skip the others (and long keys at once).
    let near = keys.filter { abs($0.count - a.count) <= 3 }
    let best = near.map { ($0, distance(a, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
    return best.flatMap { $0.1 <= 3 ? $0.0 : nil }
}
