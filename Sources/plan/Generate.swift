// `plan generate` (placeholder, being written).
import ArgumentParser

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a synthetic instance (not yet available).")
    func run() throws { throw ValidationError("plan generate is not available yet") }
}
