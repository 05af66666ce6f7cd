// TemplateExport: an instance file written as the spreadsheet templates of Templates.swift, from
// its JSON as written (so that what was left to its default stays empty): CSV files in either
// dialect, or one workbook (TemplateWorkbook.swift) from the same cells.
import PlanDomain

/// A cell of a template before it is written: a number keeps its JSON text.
enum TemplateCell {
    case none
    case number(String)
    case text(String)

    /// As CSV text: a decimal comma in the excel-fr dialect.
    func csv(_ dialect: CSVDialect) -> String {
        switch self {
        case .none: return ""
        case .number(let text): return dialect == .rfc4180 ? text : text.replacingOccurrences(of: ".", with: ",")
        case .text(let s): return s
        }
    }
}

public enum TemplateExport {
    /// The template files of a valid instance file's bytes, by name. Throws when it is invalid.
    public static func render(_ bytes: [UInt8], dialect: CSVDialect = .rfc4180) throws(InvalidInstance)
        -> [(name: String, contents: String)]
    {
        try tables(bytes).map { file in
            var csv = CSVWriter(output: "", dialect: dialect)
            for row in file.rows { csv.row(row.map { $0.csv(dialect) }) }
            return (file.name, csv.output)
        }
    }

    /// Each template's rows, header first, by file name (settings.csv, then the lists').
    static func tables(_ bytes: [UInt8]) throws(InvalidInstance) -> [(name: String, rows: [[TemplateCell]])] {
        _ = try Instance.decode(bytes)
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        guard let root = try? JSONParser.parse(body), case .object(let members) = root.value else { return [] }
        var settings: [[TemplateCell]] = [[.text("key"), .text("value")]]
        for column in Templates.settings {
            settings.append([.text(column.name), value(in: members, column.keys).map { cell($0, column.kind) } ?? .none])
        }
        var files = [(name: "settings.csv", rows: settings)]
        for template in Templates.lists {
            var rows: [[TemplateCell]] = [template.columns.map { .text($0.name) }]
            guard case .array(let items)? = value(in: members, [template.list]) else { continue }
            for item in items {
                guard case .object(let fields) = item.value else { continue }
                rows.append(template.columns.map { c in value(in: fields, c.keys).map { cell($0, c.kind) } ?? .none })
            }
            files.append((template.file, rows))
        }
        return files
    }

    /// The value at `keys` below an object's members (nil when absent).
    static func value(in members: [JSONMember], _ keys: [String]) -> JSON? {
        guard let first = keys.first, let node = members.last(where: { $0.key == first })?.value else { return nil }
        if keys.count == 1 { return node.value }
        guard case .object(let inner) = node.value else { return nil }
        return value(in: inner, Array(keys.dropFirst()))
    }

    /// A JSON value as a cell of `kind`: lists as words separated by spaces.
    static func cell(_ value: JSON, _ kind: CellKind) -> TemplateCell {
        switch value {
        case .null: return kind == .numberOrNone ? .text("none") : .none
        case .bool(let b): return .text(b ? "true" : "false")
        case .number(_, let text): return .number(text)
        case .string(let s): return .text(s)
        case .array(let items):
            return .text(items.map { cell($0.value, .text) }.map { c -> String in
                if case .text(let s) = c { return s }
                if case .number(let t) = c { return t }
                return ""
            }.joined(separator: " "))
        case .object: return .none
        }
    }
}
