// `plan apply INSTANCE ASSIGNMENTS.csv --out DIR`: rebuilds a whole plan folder from an
// assignments file edited by hand (in Excel: either dialect), after checking every rule, so that
// editing a plan is a supported workflow. Exit 65 when the file cannot be read against the
// instance, 1 when the edited plan breaks a rule (each listed, nothing written).
import ArgumentParser
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters

struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild a plan folder from a hand-edited assignments.csv.",
        discussion: """
            Reads the assignments file (either CSV dialect), checks every rule of the plan it describes,
            and writes the whole plan folder (timetable, sessions, rosters, invitations, summary; with --ics
            calendars/, with --packs packs/) from it.
            The summary's bound is that of the plan it was edited from when its summary.json lies beside
            it (else 0, a bound that always holds); the status is `optimal` when the bound meets the
            objective, else `feasible`. Example:

              plan apply instances/bretagne.json plans/bretagne/assignments.csv --out plans/bretagne-edited
            """)

    @Argument(help: "The instance file (JSON).")
    var instance: String

    @Argument(help: "The edited assignments file.")
    var assignments: String

    @ArgumentParser.Option(help: "Output folder (a plan folder; replaced all or nothing).")
    var out: String

    @ArgumentParser.Option(help: "CSV dialect of the files written: rfc4180 or excel-fr.")
    var csv: CSVDialect = .rfc4180

    @OptionGroup var language: LanguageOption

    @Flag(help: "Also write calendars/.")
    var ics = false

    @Flag(help: "Also write packs/: a folder per organisation and per host structure, with attendance sheets.")
    var packs = false

    func run() throws {
        try language.reported { try apply() }
    }

    private func apply() throws(Failure) {
        let instance = try loadInstance(self.instance)
        let url = URL(fileURLWithPath: assignments)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .io("cannot read \(assignments)") }
        let decisions: [PlanDomain.Option?]
        do {
            decisions = try AssignmentsReader.read(Array(data), for: instance, file: url.lastPathComponent)
        } catch {
            throw .invalidPrevious(path: assignments, error)
        }
        let violations = instance.violations(of: decisions)
        guard violations.isEmpty else { throw .ruleBroken(violations) }
        let objective = instance.objective(of: decisions)
        let bound = Self.bound(besides: url, atMost: objective)
        // A bound that meets the objective proves the edited plan optimal too.
        let status: PlanStatus = objective - bound <= 1e-9 * max(1, abs(objective)) ? .optimal : .feasible
        let plan = Plan(assignments: decisions, reasons: Planner.reasons(instance, assignments: decisions,
                                                  language: language.chosen), status: status,
                        objective: objective, bound: bound, solveSeconds: 0)
        var files = PlanFiles.render(instance, plan, dialect: csv)
        if ics { files += Calendars.render(instance, plan) }
        if packs { files += Packs.render(instance, plan, dialect: csv) }
        do {
            try OutputFolder.write(files, to: URL(fileURLWithPath: out))
        } catch {
            throw .io("\(error)")
        }
        let s = PlanFiles.Summary(instance, plan)
        let t = Language.current
        print(t.say("plan applied: \(s.assigned) assigned (in person \(s.inPerson), remote \(s.remote)), \(s.unassigned) unassigned",
                    "plan appliqué : \(s.assigned) placés (en présentiel \(s.inPerson), à distance \(s.remote)), \(s.unassigned) sans place"))
        print(t.say("objective: \(formatNumber(objective))  bound: \(formatNumber(bound))  gap: \(formatNumber(plan.gap))",
                    "objectif : \(formatNumber(objective))  borne : \(formatNumber(bound))  écart : \(formatNumber(plan.gap))"))
        print(t.say("plan written to ", "plan écrit dans ") + out)
    }

    /// The bound of the plan the file was edited from (its summary.json beside it), when it is
    /// a number not above `objective`; else 0 (every weight is >= 0).
    static func bound(besides file: URL, atMost objective: Double) -> Double {
        let summary = file.deletingLastPathComponent().appendingPathComponent("summary.json")
        guard let data = FileManager.default.contents(atPath: summary.path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let bound = (json["bound"] as? NSNumber)?.doubleValue, bound.isFinite, bound <= objective else { return 0 }
        return bound
    }
}
