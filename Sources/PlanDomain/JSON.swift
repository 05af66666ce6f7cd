// JSON: a small parser that keeps where every value stands (line, column), so that errors can
// point into the planner's file. RFC 8259; duplicate keys are kept for the validator to report.

/// A position in the source text, 1-based.
public struct SourcePosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
}

/// A parsed JSON value with its position.
public indirect enum JSON: Sendable {
    case null
    case bool(Bool)
    /// The value and its literal text.
    case number(Double, String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
}

public struct JSONNode: Sendable {
    public var value: JSON
    public var position: SourcePosition
}

public struct JSONMember: Sendable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: JSONNode
}

/// A syntax error with its position.
public struct JSONSyntaxError: Error, Sendable {
    public var message: String
    public var position: SourcePosition
}

/// Parses UTF-8 bytes into a JSONNode.
public struct JSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// Columns counted on the current line: byte `counted` is at column `column`.
    private var counted = 0
    private var column = 1
    private var depth = 0
    /// Read on past a comma before `}` or `]` (not JSON), noting where it stands.
    private var lenient = false
    private var trailingCommas: [SourcePosition] = []

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        try parse(bytes, lenient: false).node
    }

    /// Parses, reading on past trailing commas (a frequent slip that would hide every other
    /// problem): the document, and the position of each trailing comma, which is still an error.
    public static func parseReadingOnPastTrailingCommas(_ bytes: [UInt8]) throws(JSONSyntaxError)
        -> (node: JSONNode, trailingCommas: [SourcePosition])
    {
        try parse(bytes, lenient: true)
    }

    private static func parse(_ bytes: [UInt8], lenient: Bool) throws(JSONSyntaxError)
        -> (node: JSONNode, trailingCommas: [SourcePosition])
    {
        var p = JSONParser(bytes: bytes)
        p.lenient = lenient
        p.skipSpace()
        let node = try p.value()
        p.skipSpace()
        if p.i < p.bytes.count { throw p.error(tr("unexpected text after the end of the document", "du texte après la fin du document")) }
        return (node, p.trailingCommas)
    }

    /// After a comma: when reading on past trailing commas and `close` comes next, notes the comma
    /// (at `comma`) and returns true.
    private mutating func trailingComma(at comma: SourcePosition, before close: UInt8) -> Bool {
        guard lenient else { return false }
        skipSpace()
        guard i < bytes.count, bytes[i] == close else { return false }
        trailingCommas.append(comma)
        return true
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// The position of byte `i`. Columns count characters, not bytes: skip UTF-8 continuation
    /// bytes. They are counted on from the last position asked for (`i` only moves forward), so
    /// that a document on one long line is read in linear time.
    private mutating func position() -> SourcePosition {
        if counted < lineStart { counted = lineStart; column = 1 }
        while counted < i { if bytes[counted] & 0xC0 != 0x80 { column += 1 }; counted += 1 }
        return SourcePosition(line: line, column: column)
    }

    private mutating func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position())
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONNode {
        let pos = position()
        guard i < bytes.count else { throw error(tr("unexpected end of the document, expected a value", "fin du document inattendue, une valeur était attendue")) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return JSONNode(value: try object(), position: pos)
        case UInt8(ascii: "["): return JSONNode(value: try array(), position: pos)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try string()), position: pos)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(value: .bool(true), position: pos)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(value: .bool(false), position: pos)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(value: .null, position: pos)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(value: try number(), position: pos)
        default: throw error(tr("unexpected character, expected a value", "caractère inattendu, une valeur était attendue"))
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw error(tr("unexpected character, expected \(word)", "caractère inattendu, \(word) était attendu")) }
            i += 1
        }
    }

    /// The deepest nesting accepted. An instance needs 4 levels; each level is a recursive call,
    /// and 64 of them fit a 512 KB thread stack (a secondary thread on macOS) even in a debug build.
    static let maxDepth = 64

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error(tr("the document nests too deeply (more than \(Self.maxDepth) levels)", "le document s'imbrique trop profondément (plus de \(Self.maxDepth) niveaux)")) }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSON {
        try enter()
        i += 1
        var members: [JSONMember] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error(tr("expected a key in double quotes", "une clé entre guillemets droits était attendue")) }
            let keyPos = position()
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error(tr("expected ':' after the key", "':' était attendu après la clé")) }
            i += 1
            skipSpace()
            let v = try value()
            members.append(JSONMember(key: key, keyPosition: keyPos, value: v))
            skipSpace()
            guard i < bytes.count else { throw error(tr("unexpected end of the document, expected ',' or '}'", "fin du document inattendue, ',' ou '}' était attendu")) }
            if bytes[i] == UInt8(ascii: ",") {
                let comma = position()
                i += 1
                if trailingComma(at: comma, before: UInt8(ascii: "}")) { i += 1; depth -= 1; return .object(members) }
                continue
            }
            if bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
            throw error(tr("expected ',' or '}'", "',' ou '}' était attendu"))
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSON {
        try enter()
        i += 1
        var items: [JSONNode] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw error(tr("unexpected end of the document, expected ',' or ']'", "fin du document inattendue, ',' ou ']' était attendu")) }
            if bytes[i] == UInt8(ascii: ",") {
                let comma = position()
                i += 1
                if trailingComma(at: comma, before: UInt8(ascii: "]")) { i += 1; depth -= 1; return .array(items) }
                continue
            }
            if bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
            throw error(tr("expected ',' or ']'", "',' ou ']' était attendu"))
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw error(tr("unexpected end in a \\u escape", "fin inattendue dans un échappement \\u")) }
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error(tr("bad hex digit in a \\u escape", "chiffre hexadécimal invalide dans un échappement \\u"))
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error(tr("unterminated string", "texte entre guillemets non terminé")) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw error(tr("control character in a string (escape it)", "caractère de contrôle dans un texte (l'échapper)")) }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw error(tr("unterminated string", "texte entre guillemets non terminé")) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw error(tr("lone surrogate in a \\u escape", "demi-caractère isolé dans un échappement \\u"))
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error(tr("lone surrogate in a \\u escape", "demi-caractère isolé dans un échappement \\u")) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error(tr("lone surrogate in a \\u escape", "demi-caractère isolé dans un échappement \\u"))
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
            default: throw error(tr("unknown escape in a string", "échappement inconnu dans un texte"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func number() throws(JSONSyntaxError) -> JSON {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.i
            while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.i += 1 }
            return p.i - s
        }
        guard i < bytes.count else { throw error(tr("bad number", "nombre invalide")) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits(&self) == 0 {
            throw error(tr("bad number", "nombre invalide"))
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits(&self) == 0 { throw error(tr("bad number: digits expected after '.'", "nombre invalide : chiffres attendus après '.'")) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits(&self) == 0 { throw error(tr("bad number: digits expected in the exponent", "nombre invalide : chiffres attendus dans l'exposant")) }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let v = Double(text), v.isFinite else { throw error(tr("number out of range", "nombre hors limites")) }
        return .number(v, text)
    }
}

/// A JSON string literal (quotes, backslashes and control characters escaped).
public func jsonStringLiteral(_ s: String) -> String {
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
        return "\"" + s + "\""
    }
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}
