// `plan check INSTANCE PLAN_DIR`: a second opinion on a plan folder, hand-edited or not.
// Exit status: 0 when the plan is sound, 1 when it breaks the specification (every violation is
// listed), 65 for an invalid instance.
import ArgumentParser
import Foundation
import PlanCheck
import PlanDomain

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a plan folder against its instance and the specification.",
        discussion: """
            Reads assignments.csv, timetable.csv, sessions.csv and summary.json, and checks their format,
            their agreement with the instance and with each other, the hard rules (capacities, minimum
            sizes, concurrent sessions, absent learners, eligibility, pinned learners) and the objective,
            recomputed independently of the solver. Lists every violation; exits 1 when there is any.
            With --lang fr (or a French locale) the violations are said in French; codes, column and
            file names, keys and ids stay as written. Example:

              plan check instances/bretagne.json plans/bretagne
            """)

    @Argument(help: "The instance file (JSON).")
    var instance: String

    @Argument(help: "The plan folder written by `plan solve`.")
    var plan: String

    @ArgumentParser.Option(help: "For a re-plan: the plan folder it was made knowing (plan solve --previous); the changes are recounted from it.")
    var previous: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.reported { try check() }
    }

    private func check() throws(Failure) {
        let instance = try loadInstance(self.instance)
        let report = PlanChecker.check(instance: instance, folder: URL(fileURLWithPath: plan),
                                         previous: previous.map { URL(fileURLWithPath: $0) })
        for violation in report.violations { print(violation) }
        for note in report.notes where !report.isOK { print(Language.current.say("note: ", "remarque : ") + note) }
        print(report.summaryLine)
        if !report.isOK { throw .violations }
    }
}
