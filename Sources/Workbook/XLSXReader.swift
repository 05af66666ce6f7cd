// XLSXReader: a workbook from an .xlsx file. Reads the workbook part for the sheets' names and
// the date system, the relationships for where each sheet is, the shared strings, the styles (to
// tell dates from other numbers) and each sheet's cells.
import Foundation
import ZIPFoundation

extension Workbook {
    /// Reads the .xlsx file at `url`.
    public static func read(_ url: URL) throws(WorkbookError) -> Workbook {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .notAnArchive("\(error)")
        }
        let parts = Parts(archive)
        guard let workbook = parts.xml("xl/workbook.xml") else {
            throw .noWorkbookPart
        }
        let targets = parts.relationships("xl/_rels/workbook.xml.rels")
        let strings = parts.sharedStrings()
        let dateStyles = parts.dateStyles()
        var sheets: [Sheet] = []
        for s in workbook.first("sheets")?.all("sheet") ?? [] {
            guard let name = s.attribute("name"), let id = s.attribute("id"), let target = targets[id],
                  let sheet = parts.xml(target) else {
                throw .unreadableSheet(s.attribute("name") ?? "?")
            }
            sheets.append(Sheet(name: name, rows: rows(sheet, strings: strings, dateStyles: dateStyles)))
        }
        let dates1904 = ["1", "true"].contains(workbook.first("workbookPr")?.attribute("date1904") ?? "")
        return Workbook(sheets: sheets, dates1904: dates1904)
    }

    /// The rows of a sheet part, placed by their references (`B7`) when given.
    private static func rows(_ sheet: XElement, strings: [String], dateStyles: Set<Int>) -> [[Cell]] {
        var rows: [[Cell]] = []
        for row in sheet.first("sheetData")?.all("row") ?? [] {
            let r = row.attribute("r").flatMap(Int.init).map { $0 - 1 } ?? rows.count
            guard r >= rows.count, r < 1_048_576 else { continue }
            while rows.count < r { rows.append([]) }
            var cells: [Cell] = []
            for c in row.all("c") {
                let column = c.attribute("r").flatMap(columnIndex) ?? cells.count
                guard column >= cells.count, column < 16_384 else { continue }
                while cells.count < column { cells.append(.empty) }
                cells.append(cell(c, strings: strings, dateStyles: dateStyles))
            }
            while cells.last == .empty { cells.removeLast() }
            rows.append(cells)
        }
        return rows
    }

    /// One cell's value by its type (`t`): shared string, inline string, formula string, boolean,
    /// error (empty) or number (a date when its style says so).
    private static func cell(_ c: XElement, strings: [String], dateStyles: Set<Int>) -> Cell {
        let value = c.first("v")?.text
        switch c.attribute("t") {
        case "s": return value.flatMap(Int.init).flatMap { strings.indices.contains($0) ? .text(strings[$0]) : nil } ?? .empty
        case "inlineStr": return c.first("is").map { .text(stringItem($0)) } ?? .empty
        case "str": return value.map { .text(unescape($0)) } ?? .empty
        case "b": return .bool(value == "1")
        case "e": return .empty
        default:
            guard let value, let x = Double(value.trimmingCharacters(in: .whitespaces)) else { return .empty }
            let style = c.attribute("s").flatMap(Int.init) ?? 0
            return .number(x, date: dateStyles.contains(style))
        }
    }

    /// The text of a string item: its `t`, or its rich-text runs' `t` (phonetic runs left out).
    static func stringItem(_ si: XElement) -> String {
        if let t = si.first("t") { return unescape(t.text) }
        return unescape(si.all("r").compactMap { $0.first("t")?.text }.joined())
    }

    /// Excel's escapes of characters XML cannot hold: `_x0001_` is U+0001, `_x005F_` an underscore.
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        let regex = try! NSRegularExpression(pattern: "_x([0-9A-Fa-f]{4})_")
        var out = "", last = s.startIndex
        for m in regex.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            guard let whole = Range(m.range, in: s), let hex = Range(m.range(at: 1), in: s),
                  let u = UInt32(s[hex], radix: 16).flatMap(UnicodeScalar.init) else { continue }
            out += s[last..<whole.lowerBound]
            out.unicodeScalars.append(u)
            last = whole.upperBound
        }
        return out + s[last...]
    }

    /// `A` is 0, `Z` 25, `AA` 26, from a reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int? {
        var n = 0
        var letters = 0
        for u in reference.unicodeScalars {
            guard ("A"..."Z").contains(u) else { break }
            n = n * 26 + Int(u.value - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : n - 1
    }
}

/// The XML parts of an archive.
private struct Parts {
    let archive: Archive

    init(_ archive: Archive) { self.archive = archive }

    func xml(_ path: String) -> XElement? {
        let path = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            return nil
        }
        return XElement.parse(data)
    }

    /// Relationship id → part path, relative targets resolved against `xl/`.
    func relationships(_ path: String) -> [String: String] {
        var out: [String: String] = [:]
        for r in xml(path)?.all("Relationship") ?? [] {
            guard let id = r.attribute("Id"), let target = r.attribute("Target") else { continue }
            out[id] = target.hasPrefix("/") ? target : "xl/" + target
        }
        return out
    }

    func sharedStrings() -> [String] {
        (xml("xl/sharedStrings.xml")?.all("si") ?? []).map(Workbook.stringItem)
    }

    /// The indexes of the cell formats (`cellXfs`) that show a number as a date: the built-in
    /// date formats (14-22, 45-47) and custom ones whose code has a day or a year outside quotes.
    func dateStyles() -> Set<Int> {
        guard let styles = xml("xl/styles.xml") else { return [] }
        var dateFormats = Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])
        for f in styles.first("numFmts")?.all("numFmt") ?? [] {
            guard let id = f.attribute("numFmtId").flatMap(Int.init), let code = f.attribute("formatCode") else { continue }
            let bare = code.replacingOccurrences(of: #""[^"]*"|\[[^\]]*\]"#, with: "", options: .regularExpression).lowercased()
            if bare.contains("d") || bare.contains("y") { dateFormats.insert(id) }
        }
        let formats = styles.first("cellXfs")?.all("xf") ?? []
        return Set(formats.indices.filter { formats[$0].attribute("numFmtId").flatMap(Int.init).map(dateFormats.contains) ?? false })
    }
}
