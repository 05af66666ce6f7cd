// `plan check` (placeholder, being written).
import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a plan folder (not yet available).")
    func run() throws { throw ValidationError("plan check is not available yet") }
}
