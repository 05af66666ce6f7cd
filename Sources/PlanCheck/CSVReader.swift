// CSVReader: an RFC 4180 reader (or with semicolons, for the excel-fr dialect) that accepts CRLF or
// LF line ends, keeps the line on which each record starts, and reports every syntax problem rather
// than guessing silently, in the language of the task.

/// One record of a CSV file.
struct CSVRecord {
    /// The 1-based line where the record starts.
    var line: Int
    var fields: [String]
}

/// A CSV syntax problem.
struct CSVProblem {
    var line: Int
    var message: String
}

enum CSVReader {
    static func parse(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) -> (records: [CSVRecord], problems: [CSVProblem]) {
        var parser = CSVParser(bytes: bytes, delimiter: delimiter)
        parser.run()
        return (parser.records, parser.problems)
    }
}

/// The reader going through the bytes: what it has read, and where it is.
private struct CSVParser {
    static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    let bytes: [UInt8]
    let delimiter: UInt8
    var i = 0
    var records: [CSVRecord] = []
    var problems: [CSVProblem] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var quotedField = false        // the current field started with a quote
    var afterClosingQuote = false
    var quoteLine = 1
    var pending = false            // something has been read since the last record ended

    init(bytes: [UInt8], delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    mutating func run() {
        while i < bytes.count {
            if inQuotes { readQuoted() } else { readUnquoted() }
        }
        if inQuotes {
            problems.append(CSVProblem(line: quoteLine, message: say("a quoted field is never closed",
                                                                    "un champ entre guillemets n'est jamais fermé")))
            pending = true
        }
        if pending || !field.isEmpty || quotedField { endRecord() }
    }

    /// One step inside a quoted field: a doubled quote, the closing quote, or a byte of the field.
    mutating func readQuoted() {
        let c = bytes[i]
        if c == Self.quote {
            if i + 1 < bytes.count, bytes[i + 1] == Self.quote {
                field.append(Self.quote)
                i += 2
                return
            }
            inQuotes = false
            afterClosingQuote = true
            i += 1
            return
        }
        if c == Self.lf { line += 1 }
        field.append(c)
        i += 1
    }

    /// One byte outside quotes: a field or record separator, an opening quote, or a byte of the field.
    mutating func readUnquoted() {
        let c = bytes[i]
        switch c {
        case delimiter:
            endField()
            pending = true
        case Self.cr, Self.lf:
            endLine(c)
        case Self.quote:
            readQuote()
        default:
            if afterClosingQuote {
                problems.append(CSVProblem(line: line, message: say("text after the closing quote of a quoted field",
                                                                        "du texte après le guillemet fermant d'un champ entre guillemets")))
                afterClosingQuote = false
            }
            field.append(c)
            pending = true
        }
        i += 1
    }

    /// A line end (`c` is CR or LF; CR must be followed by LF): the end of a record.
    mutating func endLine(_ c: UInt8) {
        if c == Self.cr {
            if i + 1 < bytes.count, bytes[i + 1] == Self.lf {
                i += 1
            } else {
                problems.append(CSVProblem(line: line, message: say(
                    "a carriage return not followed by a line feed (expected CRLF or LF line ends)",
                    "un retour chariot non suivi d'un saut de ligne (attendu : des fins de ligne CRLF ou LF)")))
            }
        }
        endRecord()
        line += 1
        recordLine = line
    }

    /// A quote outside quotes: it opens a field that starts with it, and is a problem anywhere else.
    mutating func readQuote() {
        if field.isEmpty && !quotedField && !afterClosingQuote {
            inQuotes = true
            quotedField = true
            quoteLine = line
        } else {
            problems.append(CSVProblem(line: line, message: say(
                "a double quote inside a field that is not quoted as a whole (RFC 4180: quote the field and double the quote)",
                "un guillemet dans un champ qui n'est pas entre guillemets d'un bout à l'autre (RFC 4180 : mettre le champ entre guillemets et doubler le guillemet)")))
            field.append(Self.quote)
        }
        pending = true
    }

    mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        quotedField = false
        afterClosingQuote = false
    }

    mutating func endRecord() {
        endField()
        records.append(CSVRecord(line: recordLine, fields: fields))
        fields.removeAll(keepingCapacity: true)
        pending = false
    }
}
