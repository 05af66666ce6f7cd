// CSVReader: an RFC 4180 reader that accepts CRLF or LF line ends, keeps the line on which each
// record starts, and reports every syntax problem rather than guessing silently.

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
    static func parse(_ bytes: [UInt8]) -> (records: [CSVRecord], problems: [CSVProblem]) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [CSVRecord] = []
        var problems: [CSVProblem] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false   // the current field started with a quote
        var afterClosingQuote = false
        var quoteLine = 1
        var pending = false       // something has been read since the last record ended

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quotedField = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            records.append(CSVRecord(line: recordLine, fields: fields))
            fields.removeAll(keepingCapacity: true)
            pending = false
        }

        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < n, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                    i += 1
                    continue
                }
                if c == lf { line += 1 }
                field.append(c)
                i += 1
                continue
            }
            switch c {
            case comma:
                endField()
                pending = true
            case cr, lf:
                if c == cr {
                    if i + 1 < n, bytes[i + 1] == lf {
                        i += 1
                    } else {
                        problems.append(CSVProblem(line: line, message: "a carriage return not followed by a line feed (expected CRLF or LF line ends)"))
                    }
                }
                endRecord()
                line += 1
                recordLine = line
            case quote:
                if field.isEmpty && !quotedField && !afterClosingQuote {
                    inQuotes = true
                    quotedField = true
                    quoteLine = line
                } else {
                    problems.append(CSVProblem(line: line, message: "a double quote inside a field that is not quoted as a whole (RFC 4180: quote the field and double the quote)"))
                    field.append(c)
                }
                pending = true
            default:
                if afterClosingQuote {
                    problems.append(CSVProblem(line: line, message: "text after the closing quote of a quoted field"))
                    afterClosingQuote = false
                }
                field.append(c)
                pending = true
            }
            i += 1
        }
        if inQuotes {
            problems.append(CSVProblem(line: quoteLine, message: "a quoted field is never closed"))
            pending = true
        }
        if pending || !field.isEmpty || quotedField { endRecord() }
        return (records, problems)
    }
}
