// FrenchMessagesTests: with `--lang fr` a planner reads every problem of an instance in French.
// The fuzzer's cases (FuzzTests.swift) are decoded in both languages: the same problems at the
// same places, and no French message with an English phrase of the decoder left in it.
import Foundation
@testable import PlanDomain
import Testing

@Suite struct FrenchMessagesTests {
    /// Phrases of the English messages that a French one must not contain. They are not words a
    /// fuzz case can put in a value: the mutator writes numbers, junk bytes and the corpus's own text.
    static let english = ["expected", "found", "unknown", "missing", "must not", "is not", "twice", "does not",
                          "belongs to", "duplicate", "a list", "not valid", "the number", "line ", "column "]

    static func issues(_ bytes: [UInt8], _ language: Language) -> [InstanceIssue] {
        Language.$current.withValue(language) { () -> [InstanceIssue] in
            do throws(InvalidInstance) {
                _ = try Instance.decode(bytes)
                return []
            } catch {
                // Described inside the task, as the command prints them.
                return error.issues.map { var i = $0; i.message = i.description; return i }
            }
        }
    }

    @Test func everyProblemOfTheFuzzCasesIsSaidInFrench() throws {
        let maker = try FuzzCaseMaker(seeds: try FuzzCorpus.load(), seed: 11)
        var seen = 0
        var kinds = Set<String>()
        for k in 0..<600 {
            let bytes = maker.make(k).bytes
            let en = Self.issues(bytes, .en), fr = Self.issues(bytes, .fr)
            #expect(en.map(\.path) == fr.map(\.path), "case \(k)")
            for (e, f) in zip(en, fr) {
                seen += 1
                // The message with the document's own text (keys, quoted values) taken out.
                let said = f.message.replacingOccurrences(of: #""[^"]*""#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: #"'[^']*'"#, with: "", options: .regularExpression)
                let left = Self.english.filter { said.contains($0) }
                #expect(left.isEmpty, "case \(k): \(f.message) (English: \(e.message))")
                kinds.insert(String(e.message.prefix(12)))
            }
        }
        #expect(seen > 500 && kinds.count > 50, "only \(seen) problems of \(kinds.count) kinds: the cases say too little")
    }

    @Test func theEnglishIsTheDefault() {
        let bytes = Array(#"{"organisations": 3}"#.utf8)
        #expect(Self.issues(bytes, .en).first?.message.contains("expected") == true)
        #expect(Self.issues(bytes, .fr).first?.message.contains("attendu") == true)
    }
}
