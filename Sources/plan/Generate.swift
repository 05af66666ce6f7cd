// `plan generate`: writes a synthetic instance with real French geography.
import ArgumentParser
import Foundation
import PlanGenerator

extension Profile: ExpressibleByArgument {}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic instance (real French geography), the same bytes for the same arguments.",
        discussion: """
            Profiles: regional (one region chosen by the seed, cycling through the 13 regions in alphabetical order: 1 Auvergne-Rhône-Alpes, 2 Bourgogne-Franche-Comté, 3 Bretagne, …), national (13 regional organisations and a national remote one; overseas learners are trained remotely), tight (the national geography with scarce seats), coupled (the national geography where the national remote organisation's seats are scarce and shared: a remote session every two weeks per path, 12 to 25 seats, a minimum size on each, at most 5 to 7 running at once, so that every region competes for them; regional organisations offer half the remote seats).

            Examples:
              plan generate --learners 500 --seed 3 --out instances/bretagne-500.json
              plan generate --learners 5000 --profile national --out instances/national.json
            """)

    @ArgumentParser.Option(help: "Number of learners (1 to 200000).")
    var learners: Int

    @ArgumentParser.Option(help: "Random seed (a whole number >= 0).")
    var seed: UInt64 = 1

    @ArgumentParser.Option(help: "regional, national, tight or coupled.")
    var profile: Profile = .regional

    @ArgumentParser.Option(help: "Write the instance to this file (default: standard output).")
    var out: String?

    func validate() throws {
        if !Generator.learnerRange.contains(learners) {
            throw ValidationError("--learners must be between \(Generator.learnerRange.lowerBound) and \(Generator.learnerRange.upperBound)")
        }
        if let out, out.isEmpty { throw ValidationError("--out must be a file path") }
    }

    func run() throws {
        let generated = Generator.build(learners: learners, seed: seed, profile: profile)
        guard let out else {
            FileHandle.standardOutput.write(Data(generated.json.utf8))
            return
        }
        do {
            try Data(generated.json.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            printError("plan: cannot write \(out): \(error.localizedDescription)")
            throw Exit.failure
        }
        let g = generated
        print("wrote \(out): \(g.name)")
        print("  organisations: \(g.organisations)  sites: \(g.sites)  sessions: \(g.sessions) (remote only \(g.remoteOnlySessions))")
        print("  structures: \(g.structures)  learners: \(g.learners) (pinned \(g.pinned))")
        print("  seats: \(g.inPersonSeats) in person + \(g.remoteSeats) remote = \(String(format: "%.2f", g.seatsPerLearner)) per learner")
    }
}
