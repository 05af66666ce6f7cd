// Checker: the state of one check (the instance, what assignments.csv decides, the violations
// found so far) and the helpers shared by the per-file checks.
import Foundation
import PlanDomain

/// A (session, mode) given to a learner.
struct Seat: Hashable {
    var session: Int
    var mode: Mode
}

/// What assignments.csv decides for a learner.
enum Decision {
    case assigned(Seat)
    case unassigned
}

/// A CSV file read against its expected header.
struct Table {
    var file: String
    /// Data rows (header excluded) with as many fields as the header.
    var rows: [CSVRecord]
    /// Index of each expected column in the rows, when it can be found.
    var columns: [String: Int]

    func value(_ row: CSVRecord, _ column: String) -> String? {
        columns[column].map { row.fields[$0] }
    }
}

struct Checker {
    static var missingMessage: String { say("the file is missing", "le fichier est absent") }

    static let assignmentsHeader = ["learner", "structure", "path_hours", "status", "organisation", "session", "mode", "site",
                                    "start", "end", "travel_km", "waiting_days", "reason"]
    static let timetableHeader = ["date", "learner", "structure", "activity", "session", "organisation", "site", "hours"]
    static let sessionsHeader = ["session", "organisation", "site", "path_hours", "start", "end", "training_days", "status",
                                 "in_person", "in_person_capacity", "remote", "remote_capacity"]

    let instance: Instance
    var violations: [Violation] = []
    var notes: [String] = []
    let learnerIndex: [String: Int]
    let sessionIndex: [String: Int]
    /// Learner indices sorted by id (UTF-8 bytes).
    let learnersByID: [Int]
    /// Session indices sorted by id (UTF-8 bytes).
    let sessionsByID: [Int]
    /// Decision for each learner index, when assignments.csv gives a usable one.
    var decisions: [Int: Decision] = [:]
    /// The assignments.csv line of each learner's (first) row.
    var decisionLine: [Int: Int] = [:]
    /// The CSV dialect of the plan (from assignments.csv): RFC 4180, or French Excel.
    var dialect = CSVDialectFound.rfc4180
    /// Re-plans: each learner's seat in the previous plan, when its folder was given.
    var previousSeats: [String: PreviousSeat]?
    /// Re-plans: summary.json's `today`; sessions that start before it had started (SPEC §6).
    var replanToday: Day?

    init(instance: Instance) {
        self.instance = instance
        var li: [String: Int] = [:]
        for (k, l) in instance.learners.enumerated() { li[l.id] = k }
        var si: [String: Int] = [:]
        for (k, s) in instance.sessions.enumerated() { si[s.id] = k }
        learnerIndex = li
        sessionIndex = si
        learnersByID = instance.learners.indices.sorted { bytesPrecede(instance.learners[$0].id, instance.learners[$1].id) }
        sessionsByID = instance.sessions.indices.sorted { bytesPrecede(instance.sessions[$0].id, instance.sessions[$1].id) }
    }

    /// True when every learner of the instance has a usable decision.
    var decisionsComplete: Bool { decisions.count == instance.learners.count }

    var seats: [Int: Seat] {
        decisions.compactMapValues { if case .assigned(let s) = $0 { return s } else { return nil } }
    }

    mutating func run(_ files: [String: [UInt8]]) {
        dialect = CSVDialectFound(assignments: files["assignments.csv"])
        let assignments = table("assignments.csv", header("assignments.csv", Self.assignmentsHeader), files["assignments.csv"])
        if let assignments {
            checkAssignments(assignments)
            checkPersonColumns(assignments: assignments)
        }
        replanToday = Self.today(inSummary: files["summary.json"])
        checkRules()
        if !decisionsComplete {
            notes.append(say("assignments.csv does not give a valid decision for every learner: the objective and the counts of sessions.csv and summary.json were not compared with it",
                             "assignments.csv ne donne pas de décision valide pour chaque apprenant : l'objectif et les décomptes de sessions.csv et de summary.json n'y ont pas été comparés"))
        }
        if let timetable = table("timetable.csv", header("timetable.csv", Self.timetableHeader), files["timetable.csv"]) {
            checkTimetable(timetable)
            checkPersonColumns(timetable: timetable)
        }
        if let sessions = table("sessions.csv", header("sessions.csv", Self.sessionsHeader), files["sessions.csv"]) {
            checkSessions(sessions)
            checkPersonColumns(sessions: sessions)
        }
        if let text = text("summary.json", files["summary.json"]) { checkSummary(text) }
    }

    /// The `today` of a re-plan's summary.json, when it has one (checked with the summary).
    static func today(inSummary bytes: [UInt8]?) -> Day? {
        guard let bytes, let root = try? JSONParser.parse(bytes), case .object(let members) = root.value,
              let node = members.first(where: { $0.key == "today" })?.value, case .string(let text) = node.value else { return nil }
        return Day(iso: text)
    }

    func report() -> CheckReport {
        let complete = decisionsComplete
        return CheckReport(violations: violations, notes: notes, learners: instance.learners.count, assigned: seats.count,
                           objective: complete ? recomputedObjective() : nil)
    }

    // MARK: Reporting

    /// The rows of a file keyed by an id column (`learner`, `session`): they must be sorted by the
    /// bytes of their ids, one per id, for ids of the instance, and cover `expected` ids. Returns
    /// each first row with its instance index; reports everything else.
    mutating func keyedRows(_ t: Table, key: String, index: [String: Int], expected: [String])
        -> [(row: CSVRecord, index: Int, subject: String)]
    {
        var out: [(row: CSVRecord, index: Int, subject: String)] = []
        var firstLine: [String: Int] = [:]
        var previous: String?
        let fr = KeyNoun(key: key)
        for row in t.rows {
            guard let id = t.value(row, key) else { break }
            let subject = about(key, id)
            if let p = previous, p != id, !bytesPrecede(p, id) {
                fail(t.file, row.line, subject, say("rows are not sorted by \(key) id: \(id) comes after \(p)",
                                                    "les lignes ne sont pas triées par identifiant \(fr.of) : \(id) vient après \(p)"))
            }
            previous = id
            if let first = firstLine[id] {
                fail(t.file, row.line, subject, say("a second row for the \(key) (the first is line \(first)); expected exactly one row per \(key)",
                                                    "une deuxième ligne pour \(fr.the) (la première est la ligne \(first)) ; attendu : une seule ligne par \(fr.plain)"))
                continue
            }
            firstLine[id] = row.line
            guard let k = index[id] else {
                fail(t.file, row.line, subject, say("the \(key) is not in the instance", "\(fr.the) n'est pas dans l'instance"))
                continue
            }
            out.append((row, k, subject))
        }
        for id in expected where firstLine[id] == nil {
            fail(t.file, nil, about(key, id), say("no row for this \(key) of the instance; expected exactly one row per \(key)",
                                                  "aucune ligne pour \(fr.this) de l'instance ; attendu : une seule ligne par \(fr.plain)"))
        }
        return out
    }

    mutating func fail(_ file: String, _ line: Int? = nil, _ subject: String? = nil, _ message: String) {
        violations.append(Violation(file: file, line: line, subject: subject, message: message))
    }

    // MARK: Reading files

    /// The file's text, after checking that it exists, is UTF-8 and has no byte-order mark (or,
    /// for a CSV file of the excel-fr dialect, has one).
    mutating func text(_ file: String, _ bytes: [UInt8]?, csv: Bool = false) -> [UInt8]? {
        guard var bytes else {
            fail(file, nil, nil, Self.missingMessage)
            return nil
        }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { bytes.removeFirst(3) }
        if bom && !(csv && dialect == .excelFR) {
            fail(file, 1, nil, say("the file starts with a UTF-8 byte-order mark; expected plain UTF-8 without one",
                                   "le fichier commence par une marque d'ordre des octets UTF-8 (BOM) ; attendu : de l'UTF-8 simple, sans BOM"))
        } else if !bom && csv && dialect == .excelFR {
            fail(file, 1, nil, say("the file has no UTF-8 byte-order mark, which the excel-fr dialect starts with",
                                   "le fichier ne commence pas par la marque d'ordre des octets UTF-8 (BOM) du dialecte excel-fr"))
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            var line = 1
            var bad = 1
            // Find the first line holding an invalid sequence.
            var start = 0
            for (k, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
                if String(validating: bytes[start..<k], as: UTF8.self) == nil { bad = line; break }
                line += 1
                start = k + 1
                bad = line
            }
            fail(file, bad, nil, say("the file is not valid UTF-8 text", "le fichier n'est pas du texte UTF-8 valide"))
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        return bytes
    }

    /// Reads a CSV file, checking its syntax and header; nil when it cannot be read at all.
    mutating func table(_ file: String, _ header: [String], _ bytes: [UInt8]?) -> Table? {
        guard let bytes = text(file, bytes, csv: true) else { return nil }
        let (records, problems) = CSVReader.parse(bytes, delimiter: dialect.delimiter)
        for p in problems { fail(file, p.line, nil, say("CSV syntax: ", "syntaxe CSV : ") + p.message) }
        guard let first = records.first else {
            fail(file, nil, nil, say("the file is empty; expected the header row ", "le fichier est vide ; attendu : la ligne d'en-tête ")
                 + header.joined(separator: ","))
            return nil
        }
        let found = first.fields
        if found != header {
            if found.count != header.count {
                fail(file, first.line, nil, headerCountProblem(found, header))
            } else {
                for (k, name) in header.enumerated() where found[k] != name {
                    fail(file, first.line, nil, say("header column \(k + 1) is \(shown(found[k])), expected '\(name)'",
                                                    "la colonne \(k + 1) de l'en-tête est \(shown(found[k])), attendu '\(name)'"))
                }
            }
        }
        var columns: [String: Int] = [:]
        for (k, name) in header.enumerated() {
            if let at = found.firstIndex(of: name) {
                columns[name] = at
            } else if found.count == header.count {
                columns[name] = k
            }
        }
        var rows: [CSVRecord] = []
        rows.reserveCapacity(records.count)
        for r in records.dropFirst() {
            if r.fields.count == found.count {
                rows.append(r)
            } else if r.fields == [""] {
                fail(file, r.line, nil, say("an empty line; expected a row of \(found.count) fields",
                                            "une ligne vide ; attendu : une ligne de \(frenchCount(found.count, "champ", "champs"))"))
            } else {
                fail(file, r.line, nil, say("the row has \(r.fields.count) fields, expected \(found.count) like the header",
                                            "la ligne a \(frenchCount(r.fields.count, "champ", "champs")), attendu \(found.count) comme l'en-tête"))
            }
        }
        return Table(file: file, rows: rows, columns: columns)
    }

    /// A header with too many or too few columns: how many, which are missing, which are unexpected.
    private func headerCountProblem(_ found: [String], _ header: [String]) -> String {
        let missing = header.filter { !found.contains($0) }
        let extra = found.filter { !header.contains($0) }
        var detail = ""
        if !missing.isEmpty {
            detail += say("; missing: ", missing.count == 1 ? " ; colonne manquante : " : " ; colonnes manquantes : ")
                + missing.joined(separator: ", ")
        }
        if !extra.isEmpty {
            detail += say("; unexpected: ", extra.count == 1 ? " ; colonne inattendue : " : " ; colonnes inattendues : ")
                + extra.map(shown).joined(separator: ", ")
        }
        return say("the header has \(found.count) columns, expected \(header.count) (\(header.joined(separator: ",")))",
                   "l'en-tête a \(frenchCount(found.count, "colonne", "colonnes")), attendu \(header.count) (\(header.joined(separator: ",")))") + detail
    }

    // MARK: Comparing fields

    /// Checks a text field against its expected value (empty string: must be empty).
    mutating func expect(_ table: Table, _ row: CSVRecord, _ subject: String?, _ column: String, _ expected: String,
                         _ why: @autoclosure () -> String = "") {
        guard let found = table.value(row, column), found != expected else { return }
        let why = why()
        let suffix = why.isEmpty ? "" : " (\(why))"
        let wanted = expected.isEmpty ? say("empty", "vide") : expected
        fail(table.file, row.line, subject, say("\(column) is \(shown(found)), expected \(wanted)\(suffix)",
                                                "\(column) est \(shown(found)), attendu \(wanted)\(suffix)"))
    }

    /// Checks a numeric field: a plain decimal equal to `expected`.
    mutating func expectNumber(_ table: Table, _ row: CSVRecord, _ subject: String?, _ column: String, _ expected: Double,
                               _ why: @autoclosure () -> String = "") {
        guard let found = table.value(row, column) else { return }
        let why = why()
        let suffix = why.isEmpty ? "" : " (\(why))"
        if found == dialect.spelt(plainNumber(expected)) { return }
        guard let value = plainDecimal(dialect.read(found)) else {
            let wanted = dialect.spelt(plainNumber(expected))
            fail(table.file, row.line, subject, say("\(column) is \(shown(found)), expected the plain decimal \(wanted)\(suffix)",
                                                    "\(column) est \(shown(found)), attendu le nombre décimal simple \(wanted)\(suffix)"))
            return
        }
        if abs(value - expected) > 1e-9 * max(1, abs(expected)) {
            let wanted = dialect.spelt(plainNumber(expected))
            fail(table.file, row.line, subject, say("\(column) is \(found), expected \(wanted)\(suffix)",
                                                    "\(column) est \(found), attendu \(wanted)\(suffix)"))
        }
    }
}

/// Whether `a` comes before `b` by the bytes of their UTF-8 encoding (SPEC §5).
func bytesPrecede(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// The value of a plain decimal (`7`, `-3`, `3.5`; no sign `+`, no exponent, no spaces), else nil.
func plainDecimal(_ s: String) -> Double? {
    var digitsBefore = 0, digitsAfter = 0, dot = false
    for (k, c) in s.utf8.enumerated() {
        switch c {
        case UInt8(ascii: "-") where k == 0: continue
        case UInt8(ascii: "0")...UInt8(ascii: "9"): if dot { digitsAfter += 1 } else { digitsBefore += 1 }
        case UInt8(ascii: ".") where !dot: dot = true
        default: return nil
        }
    }
    guard digitsBefore > 0, !dot || digitsAfter > 0 else { return nil }
    return Double(s)
}

/// A number as SPEC §5 writes it, a plain decimal: `7`, `3.5`, `0.25`, `-2`, never an exponent
/// (at most nine decimals).
func plainNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    var text = String(format: "%.9f", x)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
}

/// The two CSV dialects `plan solve` writes: RFC 4180 (commas, decimal points, no byte-order
/// mark) and French Excel (`--csv excel-fr`: a byte-order mark, semicolons, decimal commas).
enum CSVDialectFound: Equatable {
    case rfc4180, excelFR

    /// The dialect of a plan, told by its assignments.csv: a byte-order mark and a semicolon in
    /// the header line make it French Excel.
    init(assignments bytes: [UInt8]?) {
        guard let bytes, bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { self = .rfc4180; return }
        let header = bytes.dropFirst(3).prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        self = header.contains(UInt8(ascii: ";")) ? .excelFR : .rfc4180
    }

    var delimiter: UInt8 { self == .excelFR ? UInt8(ascii: ";") : UInt8(ascii: ",") }
    /// A plain decimal as this dialect writes it (`3,5` in French Excel).
    func spelt(_ number: String) -> String { self == .excelFR ? number.replacingOccurrences(of: ".", with: ",") : number }
    /// A number cell read back as a plain decimal with a point (nil-safe: other text is kept).
    func read(_ cell: String) -> String {
        guard self == .excelFR else { return cell }
        return cell.contains(".") ? cell + "?" : cell.replacingOccurrences(of: ",", with: ".")
    }
}
