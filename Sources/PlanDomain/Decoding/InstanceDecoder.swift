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

/// Reads an instance document into an `Instance`, collecting every issue it finds. Its readers
/// of JSON objects and values are in JSONObjects.swift and JSONValues.swift.
struct InstanceDecoder {
    var issues: [InstanceIssue] = []

    mutating func report(_ path: String, _ message: String, at position: SourcePosition? = nil) {
        issues.append(InstanceIssue(path: path.isEmpty ? "$" : path, message: message,
                                    line: position?.line, column: position?.column))
    }

    /// Checks ids are unique; returns id -> index.
    private mutating func index(_ ids: [(String?, JSONField?)], _ listPath: String) -> [String: Int] {
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

    // MARK: - The document

    static let topKeys = InstanceKeys.of("$")

    mutating func instance(_ root: JSONNode) -> Instance? {
        guard case .object = root.value else {
            report("$", "expected a JSON object at the top of the file, found \(kind(root))", at: root.position)
            return nil
        }
        guard let top = object(root, "", keys: Self.topKeys, what: "the instance") else { return nil }
        let name = string(top["name"])

        let settings = self.settings(top)

        let lists = listItems(top)
        let organisations = decodeList(OrganisationDecoder(), in: lists)
        let sites = decodeList(SiteDecoder(organisations: organisations.index), in: lists)

        let sessions = decodeList(SessionDecoder(organisations: organisations, sites: sites, settings: settings), in: lists)
        let structures = decodeList(StructureDecoder(), in: lists)

        // Learners.
        var learners: [Learner?] = []
        var learnerIDs: [(String?, JSONField?)] = []
        var pinFields: [JSONField?] = []
        for f in lists["learners"] ?? [] {
            guard let o = object(f.node, f.path, keys: InstanceKeys.of("learners[]"), what: "a learner") else {
                learners.append(nil); learnerIDs.append((nil, nil)); pinFields.append(nil); continue
            }
            let lid = id(required(o, "id", "a non-empty id string"))
            learnerIDs.append((lid, o["id"]))
            let structure = reference(required(o, "structure", "a structure id"), structures.index, "structure")
            let path = pathValue(required(o, "path", "a path length in hours"), settings.paths)
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
                    let s = reference(required(ao, "session", "a session id"), sessions.index, "session")
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

        guard lists.count == Self.lists.count else { return nil }
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
            let probe = settings.instance(name: nil, organisations: [org], sites: site.map { [$0] } ?? [],
                                          sessions: [probeSession], structures: [structure], learners: [probeLearner])
            if let why = probe.ineligibility(learner: 0, session: 0, mode: pin.mode) {
                report("learners[\(k)].assigned", "the pinned assignment to \(session.id) (\(pin.mode.rawValue)) is not eligible: \(why)",
                       at: pinFields[k]?.node.position)
            }
        }
        guard issues.isEmpty, let organisations = organisations.all, let sites = sites.all,
              let sessions = sessions.all, let structures = structures.all, learners.allSatisfy({ $0 != nil }) else {
            return nil
        }
        return settings.instance(name: name, organisations: organisations, sites: sites, sessions: sessions,
                                 structures: structures, learners: learners.map { $0! })
    }
}
