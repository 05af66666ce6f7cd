// `plan import FOLDER|WORKBOOK.xlsx --out INSTANCE.json` and `plan export INSTANCE --out
// FOLDER|WORKBOOK.xlsx`: an instance as spreadsheets (one CSV file per list and settings.csv, or
// one Excel workbook with a sheet for each), so that planners keep their data in Excel.
import ArgumentParser
import Foundation
import PlanDomain
import PlanWriters
import Workbook

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build an instance file from spreadsheet templates (CSV files or an Excel workbook).",
        discussion: """
            Reads settings.csv (optional), organisations.csv, sites.csv, sessions.csv, structures.csv and
            learners.csv from the folder (commas or semicolons, with or without a byte-order mark), or the
            sheets of the same names from an .xlsx workbook, checks everything as plan validate does, and
            writes the instance file. Every problem is reported at once with its file (or sheet), line and
            column; nothing is written then (exit 65). Examples:

              plan import instances/bretagne-templates --out instances/bretagne.json
              plan import bretagne.xlsx --out instances/bretagne.json
            """)

    @Argument(help: "The folder of CSV templates, or an .xlsx workbook.")
    var folder: String

    @ArgumentParser.Option(help: "The instance file to write.")
    var out: String

    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.reported { try importTemplates() }
    }

    private func importTemplates() throws(Failure) {
        let json: String
        do {
            let url = URL(fileURLWithPath: folder)
            json = url.pathExtension.lowercased() == "xlsx" ? try TemplateImport.read(workbook: url) : try TemplateImport.read(url)
        } catch {
            throw .invalidTemplates(path: folder, error)
        }
        do {
            try StagedFile(json, at: URL(fileURLWithPath: out)).commit()
        } catch {
            throw .io("\(error)")
        }
        print(Language.current.say("instance written to ", "instance écrite dans ") + out)
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an instance file as spreadsheet templates (one CSV file per list, or an Excel workbook).",
        discussion: """
            Writes settings.csv, organisations.csv, sites.csv, sessions.csv, structures.csv and learners.csv
            into the folder; plan import reads them back to the same instance. Lists in a cell (territories,
            weekdays, dates) are separated by spaces; an empty cell takes the default. With --out ending in
            .xlsx, one workbook with a sheet per file. Examples:

              plan export instances/bretagne.json --out instances/bretagne-templates --csv excel-fr
              plan export instances/bretagne.json --out bretagne.xlsx
            """)

    @Argument(help: "The instance file (JSON).")
    var instance: String

    @ArgumentParser.Option(help: "The folder to write the templates into (created if missing), or an .xlsx workbook.")
    var out: String

    @ArgumentParser.Option(help: "CSV dialect: rfc4180 (commas) or excel-fr (semicolons, decimal commas, a byte-order mark).")
    var csv: CSVDialect = .rfc4180

    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.reported { try export() }
    }

    private func export() throws(Failure) {
        guard let data = FileManager.default.contents(atPath: instance) else { throw .io("cannot read \(instance)") }
        let target = URL(fileURLWithPath: out)
        if target.pathExtension.lowercased() == "xlsx" { return try exportWorkbook(Array(data), to: target) }
        let files: [(name: String, contents: String)]
        do {
            files = try TemplateExport.render(Array(data), dialect: csv)
        } catch {
            throw .invalidInstance(path: instance, error)
        }
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for f in files { try StagedFile(f.contents, at: target.appendingPathComponent(f.name)).commit() }
        } catch {
            throw .io("\(error)")
        }
        print(Language.current.say("templates written to ", "modèles écrits dans ") + out + Language.current.say(": ", " : ")
              + files.map(\.name).joined(separator: ", "))
    }

    /// One workbook, a sheet per template, written all or nothing.
    private func exportWorkbook(_ bytes: [UInt8], to target: URL) throws(Failure) {
        let book: Workbook
        do {
            book = try TemplateExport.workbook(bytes)
        } catch {
            throw .invalidInstance(path: instance, error)
        }
        do {
            try StagedFile(try book.xlsx(), at: target).commit()
        } catch {
            throw .io("\(error)")
        }
        print(Language.current.say("templates written to ", "modèles écrits dans ") + out
              + Language.current.say(": sheets ", " : feuilles ") + book.sheets.map(\.name).joined(separator: ", "))
    }
}
