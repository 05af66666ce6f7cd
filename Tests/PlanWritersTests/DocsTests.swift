// DocsTests: the planners' documentation (docs/) stays in step with what plan writes: every column
// of every output file is listed there, every link between its pages resolves, and nothing points
// outside the repository.
import Foundation
import PlanWriters
import Testing

@Suite struct DocsTests {
    static let docs = Repository.root.appendingPathComponent("docs")

    static func page(_ name: String) throws -> String {
        try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
    }

    @Test(arguments: [PlanFiles.assignmentsHeader, PlanFiles.sessionsHeader, PlanFiles.changesHeader,
                      ["date", "learner", "structure", "activity", "session", "organisation", "site", "hours"]])
    func everyColumnIsDocumented(header: [String]) throws {
        let text = try Self.page("sorties.md") + Self.page("replanifier-chaque-semaine.md")
        #expect(text.contains(header.joined(separator: ",")), "\(header.joined(separator: ",")) is not in docs/")
    }

    @Test func linksResolveInsideTheRepository() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.docs.path).filter { $0.hasSuffix(".md") }
        #expect(pages.count >= 5)
        for name in pages {
            let text = try Self.page(name)
            #expect(!text.contains("../shared") && !text.contains("SPEC.md"), "\(name) points outside the repository")
            var rest = text[...]
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                let target = String(after[..<close])
                if !target.hasPrefix("http") {
                    #expect(FileManager.default.fileExists(atPath: Self.docs.appendingPathComponent(target).path),
                            "\(name) links to \(target), which does not exist")
                }
                rest = after[close...]
            }
        }
    }
}

@Suite struct ArchitectureTests {
    /// The README's architecture section names every target of Package.swift (tests aside).
    @Test func theReadmeNamesEveryTarget() throws {
        let package = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## How it works").last)
        var targets: [String] = []
        for line in package.split(separator: "\n") where !line.contains("testTarget") && !line.contains("PlanTestSupport") {
            guard let r = line.range(of: #"\.(target|systemLibrary|executableTarget)\(name: "[A-Za-z]+""#, options: .regularExpression) else { continue }
            targets.append(String(line[r].split(separator: "\"")[1]))
        }
        #expect(targets.count >= 10, "\(targets)")
        for t in targets { #expect(section.contains(t), "the README's architecture does not name \(t)") }
    }
}
