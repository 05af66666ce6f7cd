// TemplateWorkbook: the spreadsheet templates as one Excel workbook (.xlsx), a sheet per template
// named after its list (`learners`, …, and `settings`), read and written through the same column
// map (Templates.swift) and the same validation as the CSV files. What Excel does to typed cells
// is undone: a date cell is read as its date "YYYY-MM-DD", a number as the number, and a
// territory typed as a number (1 for "01") gets its leading zero back.
import Foundation
import PlanDomain
import Workbook

extension TemplateImport {
    /// The instance file (JSON text) of the workbook at `url`, validated; every problem located
    /// by sheet, row and column (`bretagne.xlsx:learners line 12, column 3 (structure)`).
    public static func read(workbook url: URL) throws(LocatedProblems) -> String {
        let book: Workbook
        do {
            book = try Workbook.read(url)
        } catch {
            throw LocatedProblems(issues: [.init(file: url.lastPathComponent, line: 0, field: nil, message: said(error))])
        }
        var tables: [String: CSVTable] = [:]
        var issues: [LocatedProblems.Issue] = []
        for name in Templates.fileNames {
            let list = String(name.dropLast(".csv".count))
            guard let sheet = book.sheet(list) else {
                if name != "settings.csv" {
                    issues.append(.init(file: url.lastPathComponent + ":" + list, line: 0, field: nil, message: Language.current.say(
                        "no sheet of this name (a header row is enough for an empty list)",
                        "aucune feuille de ce nom (une ligne d'en-tête suffit pour une liste vide)")))
                }
                continue
            }
            tables[name] = table(sheet, book)
        }
        do {
            return try read(tables, issues)
        } catch {
            throw LocatedProblems(issues: error.issues.map { issue in
                var out = issue
                if let file = issue.file, file.hasSuffix(".csv") { out.file = url.lastPathComponent + ":" + file.dropLast(".csv".count) }
                return out
            })
        }
    }

    /// Why a workbook cannot be read, in the language of the run.
    static func said(_ error: WorkbookError) -> String {
        guard Language.current == .fr else { return error.description }
        switch error {
        case .notAnArchive(let detail): return "pas un classeur Excel (.xlsx) : " + detail
        case .noWorkbookPart: return "pas un classeur Excel (.xlsx) : il n'a pas de xl/workbook.xml"
        case .unreadableSheet(let name): return "la feuille \(name) est illisible"
        case .cannotWrite: return error.description
        }
    }

    /// A sheet as a table of text: rows numbered as in Excel, blank rows left out, each row as
    /// wide as the header.
    static func table(_ sheet: Sheet, _ book: Workbook) -> CSVTable {
        let header = (sheet.rows.first ?? []).map { text($0, column: "", book) }
        var records: [CSVTable.Record] = []
        for (k, row) in sheet.rows.enumerated().dropFirst() where row.contains(where: { $0 != .empty }) {
            var fields = row.enumerated().map { text($1, column: header.indices.contains($0) ? header[$0] : "", book) }
            if fields.count < header.count { fields += Array(repeating: "", count: header.count - fields.count) }
            records.append(.init(line: k + 1, fields: fields))
        }
        return CSVTable(header: header, records: records)
    }

    /// A cell as the text a CSV template would hold.
    static func text(_ cell: Cell, column: String, _ book: Workbook) -> String {
        switch cell {
        case .empty: return ""
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let x, date: true):
            return Day(number: book.daysSince1970(x)).description
        case .number(let x, date: false):
            if ["territory", "territories"].contains(column), x == x.rounded(), (1...9).contains(x) { return "0" + formatNumber(x) }
            return formatNumber(x)
        }
    }
}

extension TemplateExport {
    /// The templates of a valid instance file's bytes as one workbook: a sheet per template, numbers
    /// as numbers, everything else as text. Throws when the instance is invalid.
    public static func workbook(_ bytes: [UInt8]) throws(InvalidInstance) -> Workbook {
        let files = try tables(bytes)
        return Workbook(sheets: files.map { file in
            Sheet(name: String(file.name.dropLast(".csv".count)), rows: file.rows.map { row in
                row.map { cell -> Cell in
                    switch cell {
                    case .none: return .empty
                    case .number(let text): return Double(text).map { .number($0, date: false) } ?? .text(text)
                    case .text(let s): return s.isEmpty ? .empty : .text(s)
                    }
                }
            })
        })
    }
}
