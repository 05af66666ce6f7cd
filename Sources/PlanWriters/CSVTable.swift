// CSVTable: reads back a CSV file that `plan` wrote, in either dialect (RFC 4180, or French Excel:
// a byte-order mark and semicolons), with CRLF or LF line ends. Every record keeps the line where
// it starts, so that a problem is located by file, line and column.
import PlanDomain

/// A CSV file as a header and records.
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        /// The 1-based line where the record starts.
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var records: [Record]
    /// The delimiter found in the header: `;` when it has a semicolon, else `,`.
    public var delimiter: UInt8

    /// A table of these rows (from a spreadsheet's sheet, say).
    public init(header: [String], records: [Record], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.header = header
        self.records = records
        self.delimiter = delimiter
    }

    /// Parses `bytes`. Throws a message with the line when a quoted field never ends, a quote
    /// stands inside an unquoted field, or the file is empty.
    public init(_ bytes: [UInt8]) throws(CSVTableError) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let firstLineEnd = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.count
        delimiter = bytes[start..<firstLineEnd].contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
        var rows = try CSVTable.parse(bytes, from: start, delimiter: delimiter)
        guard !rows.isEmpty else { throw CSVTableError(line: 1, message: Language.current.say("the file is empty (a header row was expected)", "le fichier est vide (une ligne d'en-tête était attendue)")) }
        header = rows.removeFirst().fields
        records = rows
    }

    /// Whether record `r` has as many fields as the header; if not, the problem is added to `issues`.
    public func hasHeaderWidth(_ r: Record, file: String, _ issues: inout [LocatedProblems.Issue]) -> Bool {
        guard r.fields.count != header.count else { return true }
        issues.append(.init(file: file, line: r.line, field: nil, message: Language.current.say("\(r.fields.count) fields where the header has \(header.count)", "\(r.fields.count) champs alors que l'en-tête en a \(header.count)")))
        return false
    }

    /// The index of each column name.
    public func columns() -> [String: Int] {
        Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func parse(_ bytes: [UInt8], from start: Int, delimiter: UInt8) throws(CSVTableError) -> [Record] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var inQuotes = false, quoted = false, pending = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if inQuotes {
                if c == quote {
                    if i < bytes.count, bytes[i] == quote { field.append(quote); i += 1 } else { inQuotes = false }
                } else {
                    if c == lf { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case quote:
                guard field.isEmpty, !quoted else { throw CSVTableError(line: line, message: Language.current.say("a quote inside an unquoted field", "un guillemet dans un champ sans guillemets")) }
                inQuotes = true
                quoted = true
                pending = true
            case delimiter:
                endField()
                pending = true
            case cr, lf:
                if c == cr, i < bytes.count, bytes[i] == lf { i += 1 }
                if pending || !field.isEmpty || !fields.isEmpty {
                    endField()
                    records.append(Record(line: recordLine, fields: fields))
                    fields.removeAll(keepingCapacity: true)
                }
                pending = false
                line += 1
                recordLine = line
            default:
                if quoted { throw CSVTableError(line: line, message: Language.current.say("text after a closing quote", "du texte après un guillemet fermant")) }
                field.append(c)
                pending = true
            }
        }
        if inQuotes { throw CSVTableError(line: recordLine, message: Language.current.say("a quoted field never ends", "un champ entre guillemets ne se termine jamais")) }
        if pending || !field.isEmpty || !fields.isEmpty {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}

/// A CSV syntax problem, with its line.
public struct CSVTableError: Error, Sendable {
    public var line: Int
    public var message: String
}
