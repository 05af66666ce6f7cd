// The `plan` command: its subcommands (solve in Solve.swift, check, diff, generate) and `plan
// validate`. Each parses arguments, calls the library and prints; exit statuses are set in one
// place, Failure.swift (0 done, 65 invalid instance, 3 infeasible, 64 bad usage, 1 anything else).
import ArgumentParser
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters

@main
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Allocate conseillers numériques to training sessions, optimally.",
        subcommands: [Solve.self, Validate.self, Check.self, Diff.self, Apply.self, Import.self, Export.self, Generate.self])
}

/// Exit statuses of SPEC §5 (see Failure.swift for which failure gives which).
enum Exit {
    static let failure = ExitCode(1)
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an instance file and count what it offers.",
        discussion: "Prints every problem at once, each with its JSON path; exits 65 when the instance is invalid, 3 when its pinned learners break a rule together.")

    @Argument(help: "The instance file (JSON).")
    var instance: String

    @OptionGroup var language: LanguageOption

    func run() throws {
        let chosen = language.chosen
        try Language.$current.withValue(chosen) { try validate(chosen) }
    }

    private func validate(_ t: Language) throws {
        let instance = try Failure.reported { try loadInstance(self.instance) }
        var triples = 0
        var stranded: [(String, String)] = []
        for l in instance.learners.indices {
            let options = instance.eligibleOptions(learner: l)
            triples += options.count
            if options.isEmpty && instance.learners[l].assigned == nil {
                stranded.append((instance.learners[l].id, instance.reasonWithoutOptions(l, language: t)))
            }
        }
        print(self.instance + t.say(": valid", " : valide"))
        print(t.say("  learners: ", "  apprenants : ") + "\(instance.learners.count)")
        print(t.say("  sessions: ", "  sessions : ") + "\(instance.sessions.count)")
        print(t.say("  eligible (learner, session, mode): ", "  possibilités (apprenant, session, modalité) : ") + "\(triples)")
        print(t.say("  learners with no eligible seat: ", "  apprenants sans aucune place possible : ") + "\(stranded.count)")
        for (id, why) in stranded.sorted(by: { precedesByBytes($0.0, $1.0) }) { print("    " + id + t.say(": ", " : ") + why) }
        let warnings = instance.warnings()
        if !warnings.isEmpty { print(t.say("  warnings (\(warnings.count)), to check:", "  avertissements (\(warnings.count)), à vérifier :")) }
        for w in warnings { print("    \(w)") }
        try Failure.reported {
            do {
                try Planner.checkPins(instance)
            } catch let error as PlannerError {
                throw Failure.planner(error)
            }
        }
    }
}

/// `--lang en|fr`, shared by every command that prints or writes for people: the language asked,
/// else the locale's, set once for the whole run (`Language.current`).
struct LanguageOption: ParsableArguments {
    @ArgumentParser.Option(help: "Language of what a person reads: en or fr (default: fr when the locale is French, else en). Codes and CSV headers never change.")
    var lang: Language?

    /// The language asked, else the locale's.
    var chosen: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// Runs `body` in the chosen language; a failure is printed (in it) and becomes its exit status.
    func reported<T>(_ body: () throws -> T) throws -> T {
        try Language.$current.withValue(chosen) { try Failure.reported(body) }
    }
}

extension Day {
    /// Today's date where the command runs.
    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// `plans/<file name without extension>`.
func defaultFolder(for instancePath: String) -> String {
    let base = URL(fileURLWithPath: instancePath).deletingPathExtension().lastPathComponent
    return "plans/\(base)"
}

extension Formulation: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}

