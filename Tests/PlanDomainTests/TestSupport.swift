// Shared helpers for the PlanDomain tests: a tiny ordered JSON value to build instance documents
// from a valid base with one change, and shortcuts to decode them.
import Testing
@testable import PlanDomain

/// An ordered JSON value, rendered exactly as written (numbers keep their literal text).
enum J: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
        ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByBooleanLiteral {
    case null
    case bool(Bool)
    /// A number by its literal text (`12`, `12.0`, `-1e3`).
    case num(String)
    case str(String)
    case arr([J])
    case obj([(String, J)])

    init(stringLiteral value: String) { self = .str(value) }
    init(integerLiteral value: Int) { self = .num(String(value)) }
    init(floatLiteral value: Double) { self = .num("\(value)") }
    init(arrayLiteral elements: J...) { self = .arr(elements) }
    init(dictionaryLiteral elements: (String, J)...) { self = .obj(elements) }
    init(nilLiteral: ()) { self = .null }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    static func == (a: J, b: J) -> Bool { a.rendered == b.rendered }

    /// The member for a key: reading an absent key gives null; writing appends or replaces it.
    subscript(key: String) -> J {
        get {
            guard case .obj(let members) = self else { return .null }
            return members.first { $0.0 == key }?.1 ?? .null
        }
        set {
            guard case .obj(var members) = self else { fatalError("not an object: \(rendered)") }
            if let k = members.firstIndex(where: { $0.0 == key }) { members[k].1 = newValue } else { members.append((key, newValue)) }
            self = .obj(members)
        }
    }

    subscript(index: Int) -> J {
        get {
            guard case .arr(let items) = self else { fatalError("not a list: \(rendered)") }
            return items[index]
        }
        set {
            guard case .arr(var items) = self else { fatalError("not a list: \(rendered)") }
            items[index] = newValue
            self = .arr(items)
        }
    }

    /// Removes a key from an object.
    mutating func remove(_ key: String) {
        guard case .obj(let members) = self else { fatalError("not an object: \(rendered)") }
        self = .obj(members.filter { $0.0 != key })
    }

    /// Appends to a list.
    mutating func append(_ item: J) {
        guard case .arr(var items) = self else { fatalError("not a list: \(rendered)") }
        items.append(item)
        self = .arr(items)
    }

    var rendered: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .num(let t): return t
        case .str(let s):
            var out = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out + "\""
        case .arr(let items): return "[" + items.map(\.rendered).joined(separator: ", ") + "]"
        case .obj(let members):
            return "{" + members.map { J.str($0.0).rendered + ": " + $0.1.rendered }.joined(separator: ", ") + "}"
        }
    }

    var bytes: [UInt8] { Array(rendered.utf8) }
}

/// A small valid instance. Organisation OF-A (territories 35, 29) has site RENNES; OF-B (56) has
/// site VANNES. Session S1 (OF-A, RENNES, 105 h, from Monday 2027-01-04, default mon–thu, 7 h/day:
/// 15 days ending Wednesday 2027-01-27), capacity 2 in person + 1 remote. Structure H1 is in Vitré
/// (35), 35 km from Rennes and 127 km from Vannes; learner L1 of H1 on the 105 h path.
func baseDoc() -> J {
    [
        "name": "Test instance",
        "organisations": [
            ["id": "OF-A", "name": "Organisme A", "territories": ["35", "29"]],
            ["id": "OF-B", "territories": ["56"]],
        ],
        "sites": [
            ["id": "RENNES", "organisation": "OF-A", "name": "Rennes", "lat": 48.1113, "lon": -1.6800],
            ["id": "VANNES", "organisation": "OF-B", "lat": 47.6582, "lon": -2.7608],
        ],
        "sessions": [
            ["id": "S1", "organisation": "OF-A", "site": "RENNES", "path": 105, "start": "2027-01-04",
             "capacity": ["inPerson": 2, "remote": 1]],
        ],
        "structures": [
            ["id": "H1", "name": "Mairie de Vitré", "territory": "35", "lat": 48.1236, "lon": -1.2094],
        ],
        "learners": [
            ["id": "L1", "structure": "H1", "path": 105],
        ],
    ]
}

/// The base document after a change.
func doc(_ change: (inout J) -> Void) -> J {
    var d = baseDoc()
    change(&d)
    return d
}

/// The issues of an invalid document; empty when it decodes.
func issues(of bytes: [UInt8]) -> [InstanceIssue] {
    do {
        _ = try Instance.decode(bytes)
        return []
    } catch {
        return error.issues
    }
}

func issues(of d: J) -> [InstanceIssue] { issues(of: d.bytes) }

/// Decodes a document that must be valid; records its issues as a test failure otherwise.
func decodeValid(_ d: J, sourceLocation: SourceLocation = #_sourceLocation) throws -> Instance {
    do {
        return try Instance.decode(d.bytes)
    } catch {
        Issue.record("expected a valid instance, got:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// A date that must exist.
func day(_ text: String) -> Day {
    guard let d = Day(iso: text) else { fatalError("bad test date \(text)") }
    return d
}

/// Dates from their ISO text.
func days(_ texts: String...) -> [Day] { texts.map(day) }

/// The dates of a session as ISO text.
func isoDays(_ session: Session) -> [String] { session.days.map(\.description) }
