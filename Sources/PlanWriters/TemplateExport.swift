// TemplateExport: an instance file written as the spreadsheet templates of Templates.swift, from
// its JSON as written (so that what was left to its default stays empty), in either CSV dialect.
import PlanDomain

public enum TemplateExport {
    /// The template files of a valid instance file's bytes, by name. Throws when it is invalid.
    public static func render(_ bytes: [UInt8], dialect: CSVDialect = .rfc4180) throws(InvalidInstance)
        -> [(name: String, contents: String)]
    {
        _ = try Instance.decode(bytes)
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        guard let root = try? JSONParser.parse(body), case .object(let members) = root.value else { return [] }
        var files: [(name: String, contents: String)] = []
        var settings = CSVWriter(output: "", dialect: dialect)
        settings.row(["key", "value"])
        for column in Templates.settings {
            settings.row([column.name, value(in: members, column.keys).map { cell($0, column.kind, dialect) } ?? ""])
        }
        files.append(("settings.csv", settings.output))
        for template in Templates.lists {
            var csv = CSVWriter(output: "", dialect: dialect)
            csv.row(template.columns.map(\.name))
            guard case .array(let items)? = value(in: members, [template.list]) else { continue }
            for item in items {
                guard case .object(let fields) = item.value else { continue }
                csv.row(template.columns.map { c in value(in: fields, c.keys).map { cell($0, c.kind, dialect) } ?? "" })
            }
            files.append((template.file, csv.output))
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

    /// A JSON value as a cell of `kind`.
    static func cell(_ value: JSON, _ kind: CellKind, _ dialect: CSVDialect) -> String {
        switch value {
        case .null: return kind == .numberOrNone ? "none" : ""
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let text): return dialect == .rfc4180 ? text : text.replacingOccurrences(of: ".", with: ",")
        case .string(let s): return s
        case .array(let items): return items.map { cell($0.value, .text, dialect) }.joined(separator: " ")
        case .object: return ""
        }
    }
}
