// TemplateImport: an instance read from the spreadsheet templates of Templates.swift (either CSV
// dialect, as Excel writes them), checked by the same validator as an instance file, with every
// problem located by file, line and column instead of a JSON path.
import Foundation
import PlanDomain

public enum TemplateImport {
    /// The instance file (JSON text) of the templates in `folder`, validated. Throws every problem
    /// at once, located in the templates.
    public static func read(_ folder: URL) throws(LocatedProblems) -> String {
        var issues: [LocatedProblems.Issue] = []
        var tables: [String: CSVTable] = [:]
        for name in Templates.fileNames {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                if name != "settings.csv" { issues.append(missing(name, in: folder.path)) }
                continue
            }
            do {
                tables[name] = try CSVTable(Array(data))
            } catch {
                issues.append(.init(file: name, line: error.line, field: nil, message: error.message))
            }
        }
        return try read(tables, issues)
    }

    /// A template that is not there.
    static func missing(_ name: String, in place: String) -> LocatedProblems.Issue {
        .init(file: name, line: 0, field: nil, message: Language.current.say(
            "missing in \(place) (a header row is enough for an empty list)", "absent de \(place) (une ligne d'en-tête suffit pour une liste vide)"))
    }

    /// The instance of the templates' tables (by file name), validated; `issues` found reading them.
    static func read(_ tables: [String: CSVTable], _ issues: [LocatedProblems.Issue]) throws(LocatedProblems) -> String {
        var issues = issues
        guard issues.isEmpty else { throw LocatedProblems(issues: issues) }
        var document = TemplateDocument()
        document.readSettings(tables["settings.csv"], &issues)
        for template in Templates.lists { document.readList(template, tables[template.file]!, &issues) }
        guard issues.isEmpty else { throw LocatedProblems(issues: issues) }
        let json = document.json()
        do {
            _ = try Instance.decode(Array(json.utf8))
        } catch {
            throw LocatedProblems(issues: error.issues.map(document.locate))
        }
        return json
    }
}

/// The instance being built from the templates, and where each of its values came from.
private struct TemplateDocument {
    /// Settings rows: key path → JSON text, and key → line.
    var settings: [(column: TemplateColumn, json: String)] = []
    var settingsLines: [String: Int] = [:]
    /// Each list's objects (their members as JSON text), and each object's line.
    var lists: [String: [[(keys: [String], json: String)]]] = [:]
    var lines: [String: [Int]] = [:]
    var headers: [String: [String]] = [:]

    mutating func readSettings(_ table: CSVTable?, _ issues: inout [LocatedProblems.Issue]) {
        guard let table else { return }
        let known = Dictionary(Templates.settings.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for r in table.records {
            guard r.fields.count >= 2 else {
                issues.append(.init(file: "settings.csv", line: r.line, field: nil, message: Language.current.say("expected two fields, key and value", "attendu : deux champs, clé et valeur")))
                continue
            }
            guard let column = known[r.fields[0]] else {
                issues.append(.init(file: "settings.csv", line: r.line, field: "1 (key)", message: Language.current.say("unknown setting '\(r.fields[0])'; expected one of \(Templates.settings.map(\.name).joined(separator: ", "))", "réglage inconnu '\(r.fields[0])' ; réglages possibles : \(Templates.settings.map(\.name).joined(separator: ", "))")))
                continue
            }
            settingsLines[column.name] = r.line
            if let json = jsonValue(r.fields[1], column.kind, comma: table.delimiter == UInt8(ascii: ";")) {
                settings.append((column, json))
            }
        }
    }

    mutating func readList(_ template: TemplateFile, _ table: CSVTable, _ issues: inout [LocatedProblems.Issue]) {
        let known = Dictionary(template.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, name) in table.header.enumerated() where known[name] == nil {
            issues.append(.init(file: template.file, line: 1, field: "\(k + 1) (\(name))", message: Language.current.say("unknown column; expected \(template.columns.map(\.name).joined(separator: ", "))", "colonne inconnue ; colonnes possibles : \(template.columns.map(\.name).joined(separator: ", "))")))
        }
        var objects: [[(keys: [String], json: String)]] = []
        var rowLines: [Int] = []
        let comma = table.delimiter == UInt8(ascii: ";")
        for r in table.records {
            guard table.hasHeaderWidth(r, file: template.file, &issues) else { continue }
            var members: [(keys: [String], json: String)] = []
            for (k, name) in table.header.enumerated() {
                guard let column = known[name], let json = jsonValue(r.fields[k], column.kind, comma: comma) else { continue }
                members.append((column.keys, json))
            }
            if template.list == "sessions", !members.contains(where: { $0.keys.first == "capacity" }) {
                members.append((["capacity"], "{}"))
            }
            objects.append(members)
            rowLines.append(r.line)
        }
        lists[template.list] = objects
        lines[template.list] = rowLines
        headers[template.list] = table.header
    }

    /// The JSON text of the whole instance, settings first, one list object per line.
    func json() -> String {
        var top = nest(settings.map { ($0.column.keys, $0.json) })
        for template in Templates.lists {
            let items = (lists[template.list] ?? []).map { "    " + nest($0).text() }
            top.append(items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]", key: template.list)
        }
        return top.text(indent: "  ") + "\n"
    }

    /// A JSON issue located in the templates: `learners[12].assigned.session` is learners.csv, the
    /// line of its 13th row, the column assigned_session.
    func locate(_ issue: InstanceIssue) -> LocatedProblems.Issue {
        let path = issue.path
        for template in Templates.lists where path.hasPrefix(template.list + "[") {
            let rest = path.dropFirst(template.list.count + 1)
            guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]),
                  let line = lines[template.list]?[safe: index] else { break }
            let keys = String(rest[rest.index(after: close)...]).split(separator: ".").map { String($0.split(separator: "[")[0]) }
            var field: String?
            if let column = template.columns.first(where: { !keys.isEmpty && Array($0.keys.prefix(keys.count)) == keys }),
               let k = headers[template.list]?.firstIndex(of: column.name) {
                field = "\(k + 1) (\(column.name))"
            }
            return .init(file: template.file, line: line, field: field, message: issue.message)
        }
        if let column = Templates.settings.first(where: { path == $0.keys.joined(separator: ".") || path.hasPrefix($0.name + "[") }) {
            return .init(file: "settings.csv", line: settingsLines[column.name] ?? 0, field: "2 (value)", message: issue.message)
        }
        return .init(file: nil, line: 0, field: nil, message: "\(path): \(issue.message)")
    }
}

/// A cell as JSON text (nil when empty: the key is left to its default).
private func jsonValue(_ cell: String, _ kind: CellKind, comma: Bool) -> String? {
    let text = cell.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { return nil }
    func number(_ s: String) -> String {
        let t = comma ? s.replacingOccurrences(of: ",", with: ".") : s
        if isJSONNumber(t) { return t }
        if let x = Double(t), x.isFinite { return formatNumber(x) }
        return jsonStringLiteral(s)
    }
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    switch kind {
    case .text: return jsonStringLiteral(cell)
    case .number: return number(text)
    case .list: return "[" + words.map(jsonStringLiteral).joined(separator: ", ") + "]"
    case .numberList: return "[" + words.map(number).joined(separator: ", ") + "]"
    case .numberOrNone: return text.lowercased() == "none" ? "null" : number(text)
    case .holidays: return text == "FR" || text == "none" ? jsonStringLiteral(text) : "[" + words.map(jsonStringLiteral).joined(separator: ", ") + "]"
    }
}

/// Whether `s` is a number as JSON writes it (RFC 8259).
private func isJSONNumber(_ s: String) -> Bool {
    s.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
}

/// Members with key paths, nested into a JSON object.
private func nest(_ members: [(keys: [String], json: String)]) -> JSONText {
    var object = JSONText()
    for (keys, json) in members { object.insert(json, at: keys) }
    return object
}

/// A JSON object under construction, keys in first-seen order.
private struct JSONText {
    var keys: [String] = []
    var values: [String: Either] = [:]
    indirect enum Either { case leaf(String), object(JSONText) }

    mutating func append(_ json: String, key: String) {
        if values[key] == nil { keys.append(key) }
        values[key] = .leaf(json)
    }

    mutating func insert(_ json: String, at path: [String]) {
        guard let first = path.first else { return }
        if path.count == 1 { append(json, key: first); return }
        var inner: JSONText
        if case .object(let o)? = values[first] { inner = o } else { inner = JSONText(); if values[first] == nil { keys.append(first) } }
        inner.insert(json, at: Array(path.dropFirst()))
        values[first] = .object(inner)
    }

    func text(indent: String? = nil) -> String {
        let parts = keys.map { key -> String in
            let value: String
            switch values[key]! {
            case .leaf(let json): value = json
            case .object(let o): value = o.text()
            }
            return jsonStringLiteral(key) + ": " + value
        }
        guard let indent else { return "{ " + parts.joined(separator: ", ") + " }" }
        return "{\n" + parts.map { indent + $0 }.joined(separator: ",\n") + "\n}"
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
