// Failure: every way a command fails, printed for the planner on stderr and mapped to its exit
// status in this one place (SPEC §5: 65 invalid instance, 3 infeasible, 1 anything else; bad
// usage, 64, is swift-argument-parser's).
import ArgumentParser
import Foundation
import PlanDomain
import PlanFormulation
import PlanWriters

enum Failure: Error {
    /// The instance file is invalid: every problem, located (65).
    case invalidInstance(path: String, InvalidInstance)
    /// A previous plan folder cannot be read, or cannot be used with this instance (65).
    case invalidPrevious(path: String?, LocatedProblems)
    /// Spreadsheet templates that do not make a valid instance (65).
    case invalidTemplates(path: String, LocatedProblems)
    /// The planner gave no plan: infeasible pins (3), or anything else (1).
    case planner(PlannerError)
    /// A file or folder could not be read or written (1).
    case io(String)
    /// `plan check` found violations, already listed (1).
    case violations
    /// A plan made by hand breaks rules, each listed (1).
    case ruleBroken([String])

    var exitCode: ExitCode {
        switch self {
        case .invalidInstance, .invalidPrevious, .invalidTemplates: return ExitCode(65)
        case .planner(.infeasible): return ExitCode(3)
        case .planner, .io, .violations, .ruleBroken: return ExitCode(1)
        }
    }

    /// What the planner reads on stderr.
    var message: String {
        let t = Language.current
        switch self {
        case .invalidInstance(let path, let error):
            return path + t.say(": invalid instance, ", " : instance invalide, ") + problems(error.issues.count, t) + t.say(":", " :") + "\n"
                + error.issues.map { "  \($0)" }.joined(separator: "\n")
        case .invalidPrevious(let path, let error):
            let head = path.map { $0 + t.say(": cannot be read as a plan", " : illisible comme plan") }
                ?? t.say("plan: the previous plan cannot be used", "plan : le plan précédent est inutilisable")
            return "\(head), \(problems(error.issues.count, t))" + t.say(":", " :") + "\n"
                + error.issues.map { "  \(PlanFolderReader.located($0))" }.joined(separator: "\n")
        case .invalidTemplates(let path, let error):
            return path + t.say(": the templates do not make a valid instance, ", " : les modèles ne font pas une instance valide, ")
                + problems(error.issues.count, t) + t.say(":", " :") + "\n" + error.issues.map { "  \($0)" }.joined(separator: "\n")
        case .planner(let error): return "plan: \(error)"
        case .io(let text): return "plan: \(text)"
        case .violations: return ""
        case .ruleBroken(let rules):
            let n = t.count(rules.count, ("rule", "rules"), ("règle", "règles"))
            return t.say("plan: the plan breaks \(n); nothing written:\n", "plan : le plan enfreint \(n) ; rien n'est écrit :\n")
                + rules.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// Runs `body`; a failure is printed and becomes its exit status.
    static func reported<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as Failure {
            if !failure.message.isEmpty { printError(failure.message) }
            throw failure.exitCode
        }
    }
}

private func problems(_ n: Int, _ t: Language) -> String { t.count(n, ("problem", "problems"), ("problème", "problèmes")) }

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Reads and validates an instance.
func loadInstance(_ path: String) throws(Failure) -> Instance {
    let bytes: [UInt8]
    do {
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
        throw .io("cannot read \(path): \(error.localizedDescription)")
    }
    do {
        return try Instance.decode(bytes)
    } catch {
        throw .invalidInstance(path: path, error)
    }
}

/// Reads a previous plan folder.
func loadPrevious(_ path: String) throws(Failure) -> PlanRecord {
    do {
        return try PlanFolderReader.read(URL(fileURLWithPath: path))
    } catch {
        throw .invalidPrevious(path: path, error)
    }
}
