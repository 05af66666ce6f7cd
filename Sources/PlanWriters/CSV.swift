// CSV: an RFC 4180 writer (CRLF line ends, fields quoted only when they hold a delimiter, a quote
// or a line break), and the French Excel dialect. Small and fast on purpose: timetables run to
// hundreds of thousands of rows.
import Foundation
import PlanDomain

/// How CSV files are spelt.
public enum CSVDialect: String, CaseIterable, Sendable {
    /// RFC 4180: commas, CRLF, decimal points, no byte-order mark.
    case rfc4180
    /// French Excel: semicolons, CRLF, decimal commas, a UTF-8 byte-order mark (so that accents
    /// and columns open right).
    case excelFR = "excel-fr"

    public var delimiter: Character { self == .rfc4180 ? "," : ";" }
    /// What starts each file.
    public var preamble: String { self == .rfc4180 ? "" : "\u{FEFF}" }

    /// A number as a plain decimal in this dialect: `3.5`, or `3,5` for French Excel.
    public func number(_ x: Double) -> String {
        let text = formatNumber(x)
        return self == .rfc4180 ? text : text.replacingOccurrences(of: ".", with: ",")
    }
}

/// Writes rows of fields to a text stream.
public struct CSVWriter<Output: TextOutputStream> {
    public var output: Output
    public let delimiter: Character
    public let lineEnd: String

    public init(output: Output, delimiter: Character = ",", lineEnd: String = "\r\n") {
        self.output = output
        self.delimiter = delimiter
        self.lineEnd = lineEnd
    }

    /// A writer for a dialect; the dialect's preamble (byte-order mark) is written first.
    public init(output: Output, dialect: CSVDialect) {
        self.init(output: output, delimiter: dialect.delimiter)
        self.output.write(dialect.preamble)
    }

    public mutating func row(_ fields: [String]) {
        var line = ""
        // The characters that force quotes are all ASCII: look at bytes, not at grapheme clusters
        // (the per-character walk was the writers' hot spot on timetables).
        let d = delimiter.asciiValue ?? UInt8(ascii: ",")
        for (k, f) in fields.enumerated() {
            if k > 0 { line.append(delimiter) }
            if f.utf8.contains(where: { $0 == d || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                line += "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                line += f
            }
        }
        line += lineEnd
        output.write(line)
    }
}

