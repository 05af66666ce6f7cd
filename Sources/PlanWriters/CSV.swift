// CSV: an RFC 4180 writer (CRLF line ends, fields quoted only when they hold a delimiter, a quote
// or a line break). Small and fast on purpose: timetables run to hundreds of thousands of rows.

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

    public mutating func row(_ fields: [String]) {
        var line = ""
        for (k, f) in fields.enumerated() {
            if k > 0 { line.append(delimiter) }
            if f.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                line += "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                line += f
            }
        }
        line += lineEnd
        output.write(line)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
