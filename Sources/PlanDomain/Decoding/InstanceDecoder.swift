// InstanceDecoder: reads an instance file into an `Instance`, reporting every problem at once,
// each located by a JSON path (`learners[12].structure`) and saying what was expected (SPEC §2.4).
// This file holds the entry point, the issue types and the outline of the document; the other
// files of Decoding/ read its values, settings and lists.

/// One problem in an instance file.
public struct InstanceIssue: Sendable, Equatable, CustomStringConvertible {
    /// A JSON path such as `learners[3].availableFrom`, or `$` for the whole document.
    public var path: String
    public var message: String
    /// Where the value stands in the file, when known.
    public var line: Int?
    public var column: Int?
    /// The id of the list item the path is in (`L-00026` for `learners[25].structure`), when it has one.
    public var subject: String?

    public init(path: String, message: String, line: Int? = nil, column: Int? = nil, subject: String? = nil) {
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        self.subject = subject
    }

    /// `learners[25].structure (L-00026, line 3, column 5): …`
    public var description: String {
        var place = [subject].compactMap { $0 }
        if let line { place.append(tr("line \(line), column \(column ?? 0)", "ligne \(line), colonne \(column ?? 0)")) }
        return path + (place.isEmpty ? "" : " (\(place.joined(separator: ", ")))") + tr(": ", " : ") + message
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
        if bytes.isEmpty { throw InvalidInstance(issues: [InstanceIssue(path: "$", message: tr("the file is empty; expected a JSON object", "le fichier est vide ; attendu : un objet JSON"))]) }
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        if String(validating: body, as: UTF8.self) == nil {
            throw InvalidInstance(issues: [InstanceIssue(path: "$", message: tr("the file is not valid UTF-8 text", "le fichier n'est pas du texte UTF-8 valide"))])
        }
        let root: JSONNode
        var commas: [InstanceIssue] = []
        do {
            let parsed = try JSONParser.parseReadingOnPastTrailingCommas(body)
            root = parsed.node
            commas = parsed.trailingCommas.map {
                InstanceIssue(path: "$", message: tr("not valid JSON: a comma before a closing bracket at line \($0.line), column \($0.column) (remove it)",
                                                     "JSON invalide : une virgule avant un crochet fermant, ligne \($0.line), colonne \($0.column) (l'enlever)"),
                              line: $0.line, column: $0.column)
            }
        } catch {
            throw InvalidInstance(issues: [InstanceIssue(
                path: "$", message: tr("not valid JSON: \(error.message) at line \(error.position.line), column \(error.position.column)",
                                       "JSON invalide : \(error.message), ligne \(error.position.line), colonne \(error.position.column)"),
                line: error.position.line, column: error.position.column)])
        }
        var decoder = InstanceDecoder()
        // A trailing comma is an error, but what else is wrong is reported with it.
        if let instance = decoder.instance(root), commas.isEmpty { return instance }
        throw InvalidInstance(issues: commas + decoder.issues.map { named($0, in: root) })
    }

    /// The issue with the id of the list item its path is in, so that a planner finds it by name.
    private static func named(_ issue: InstanceIssue, in root: JSONNode) -> InstanceIssue {
        guard case .object(let members) = root.value, let open = issue.path.firstIndex(of: "["),
              let close = issue.path.firstIndex(of: "]"), let k = Int(issue.path[issue.path.index(after: open)..<close]) else { return issue }
        let list = String(issue.path[..<open])
        guard case .array(let items)? = members.first(where: { $0.key == list })?.value.value, items.indices.contains(k),
              case .object(let fields) = items[k].value,
              case .string(let id)? = fields.first(where: { $0.key == "id" })?.value.value, !id.isEmpty else { return issue }
        var out = issue
        out.subject = id
        return out
    }
}

/// Reads an instance document into an `Instance`, collecting every issue it finds. Its readers
/// of JSON objects and values are in JSONObjects.swift and JSONValues.swift, the settings in
/// SettingsDecoder.swift, the lists in ListDecoder.swift with a decoder for each kind of object.
struct InstanceDecoder {
    var issues: [InstanceIssue] = []

    /// Records an issue; an empty path is the whole document, `$`.
    mutating func report(_ path: String, _ message: String, at position: SourcePosition? = nil) {
        issues.append(InstanceIssue(path: path.isEmpty ? "$" : path, message: message,
                                    line: position?.line, column: position?.column))
    }

    /// The instance, or nil when the document has issues (then in `issues`, in the order of
    /// reading: the top keys, the name, the settings, the five lists, then each list's items).
    mutating func instance(_ root: JSONNode) -> Instance? {
        guard case .object = root.value else {
            report("$", expected(tr("a JSON object at the top of the file", "un objet JSON en haut du fichier"), found: kind(root)), at: root.position)
            return nil
        }
        guard let top = object(root, "", keys: InstanceKeys.of("$"), what: tr("the instance", "l'instance")) else { return nil }
        let name = string(top["name"])
        let settings = self.settings(top)
        let items = listItems(top)
        let lists = decodeLists(items, settings)
        // Pinned assignments are checked only when no list is missing.
        guard items.count == Self.listKeys.count else { return nil }
        checkPins(lists, settings)
        guard issues.isEmpty else { return nil }
        return lists.instance(name: name, settings: settings)
    }

    /// Decodes the lists in order, each knowing the lists it refers to.
    private mutating func decodeLists(_ items: [String: [JSONField]], _ settings: InstanceSettings) -> DecodedLists {
        let organisations = decodeList(OrganisationDecoder(), in: items)
        let sites = decodeList(SiteDecoder(organisations: organisations.index), in: items)
        let sessions = decodeList(SessionDecoder(organisations: organisations, sites: sites, settings: settings), in: items)
        let structures = decodeList(StructureDecoder(), in: items)
        let learners = decodeList(LearnerDecoder(structures: structures.index, sessions: sessions.index, paths: settings.paths),
                                  in: items)
        return DecodedLists(organisations: organisations, sites: sites, sessions: sessions, structures: structures,
                            learners: learners)
    }
}

/// The document's five lists, as decoded.
struct DecodedLists {
    var organisations: DecodedList<Organisation>
    var sites: DecodedList<Site>
    var sessions: DecodedList<Session>
    var structures: DecodedList<Structure>
    var learners: DecodedList<Learner>

    /// The instance of these objects; nil when one did not decode.
    func instance(name: String?, settings: InstanceSettings) -> Instance? {
        guard let organisations = organisations.all, let sites = sites.all, let sessions = sessions.all,
              let structures = structures.all, let learners = learners.all else { return nil }
        return settings.instance(name: name, organisations: organisations, sites: sites, sessions: sessions,
                                 structures: structures, learners: learners)
    }
}
