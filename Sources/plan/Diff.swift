// `plan diff OLD_DIR NEW_DIR`: what changed between two plan folders (SPEC §6), for a person, and
// who must be told; with `--out FILE.csv`, the same as `changes.csv`.
// Exit status: 0, 65 when a folder cannot be read as a plan, 1 when the file cannot be written.
import ArgumentParser
import Foundation
import PlanDomain
import PlanWriters

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what changed between two plan folders, and who must be told.",
        discussion: """
            Compares assignments.csv and sessions.csv of two plan folders (either CSV dialect): learners new,
            withdrawn, moved, who lost or gained a seat, sessions opened or cancelled. Example:

              plan diff plans/bretagne-semaine-1 plans/bretagne-semaine-2 --out changements.csv
            """)

    @Argument(help: "The earlier plan folder.")
    var old: String

    @Argument(help: "The later plan folder.")
    var new: String

    @ArgumentParser.Option(help: "Also write the changes to this CSV file (the columns of changes.csv).")
    var out: String?

    @ArgumentParser.Option(help: "CSV dialect of --out: rfc4180 or excel-fr.")
    var csv: CSVDialect = .rfc4180

    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.reported { try diff() }
    }

    private func diff() throws(Failure) {
        let before = try loadPrevious(old)
        let after = try loadPrevious(new)
        let changes = before.changes(to: after)
        if let out {
            var text = ""
            PlanFiles.writeChanges(changes, dialect: csv, to: &text)
            do {
                try StagedFile(text, at: URL(fileURLWithPath: out)).commit()
            } catch {
                throw .io("\(error)")
            }
        }
        print(ChangeReport.text(changes), terminator: "")
        if let out { print(Language.current.say("changes written to ", "changements écrits dans ") + out) }
    }
}
