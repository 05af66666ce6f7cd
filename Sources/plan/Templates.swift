// `plan import FOLDER --out INSTANCE.json` and `plan export INSTANCE --out FOLDER`: an instance as
// spreadsheets (one CSV file per list, and settings.csv), so that planners keep their data in Excel.
import ArgumentParser
import Foundation
import PlanDomain
import PlanWriters

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build an instance file from spreadsheet templates (CSV, as Excel writes them).",
        discussion: """
            Reads settings.csv (optional), organisations.csv, sites.csv, sessions.csv, structures.csv and
            learners.csv from the folder (commas or semicolons, with or without a byte-order mark), checks
            everything as plan validate does, and writes the instance file. Every problem is reported at
            once with its file, line and column; nothing is written then (exit 65). Example:

              plan import instances/bretagne-templates --out instances/bretagne.json
            """)

    @Argument(help: "The folder of templates.")
    var folder: String

    @ArgumentParser.Option(help: "The instance file to write.")
    var out: String

    @ArgumentParser.Option(help: "Language of the messages: en or fr (default: the locale's).")
    var lang: Language?

    func run() throws {
        try Language.$current.withValue(Language.chosen(lang)) { try Failure.reported { try importTemplates() } }
    }

    private func importTemplates() throws(Failure) {
        let json: String
        do {
            json = try TemplateImport.read(URL(fileURLWithPath: folder))
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
        abstract: "Write an instance file as spreadsheet templates (one CSV file per list).",
        discussion: """
            Writes settings.csv, organisations.csv, sites.csv, sessions.csv, structures.csv and learners.csv
            into the folder; plan import reads them back to the same instance. Lists in a cell (territories,
            weekdays, dates) are separated by spaces; an empty cell takes the default. Example:

              plan export instances/bretagne.json --out instances/bretagne-templates --csv excel-fr
            """)

    @Argument(help: "The instance file (JSON).")
    var instance: String

    @ArgumentParser.Option(help: "The folder to write the templates into (created if missing).")
    var out: String

    @ArgumentParser.Option(help: "CSV dialect: rfc4180 (commas) or excel-fr (semicolons, decimal commas, a byte-order mark).")
    var csv: CSVDialect = .rfc4180

    func run() throws {
        try Failure.reported { try export() }
    }

    private func export() throws(Failure) {
        guard let data = FileManager.default.contents(atPath: instance) else { throw .io("cannot read \(instance)") }
        let files: [(name: String, contents: String)]
        do {
            files = try TemplateExport.render(Array(data), dialect: csv)
        } catch {
            throw .invalidInstance(path: instance, error)
        }
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for f in files { try StagedFile(f.contents, at: folder.appendingPathComponent(f.name)).commit() }
        } catch {
            throw .io("\(error)")
        }
        print("templates written to \(out): \(files.map(\.name).joined(separator: ", "))")
    }
}
