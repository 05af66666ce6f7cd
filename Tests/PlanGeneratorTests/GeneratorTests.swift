// Tests of `plan generate`'s library: instances are valid by construction, deterministic, scaled
// as asked, and use the real geography.
import Foundation
import Testing
import PlanDomain
@testable import PlanGenerator

/// Decodes generated text, failing the test with every issue when it is invalid.
private func decode(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Instance? {
    do {
        return try Instance.decode(Array(text.utf8))
    } catch {
        Issue.record("invalid instance:\n\(error)", sourceLocation: sourceLocation)
        return nil
    }
}

private func seatsPerLearner(_ i: Instance) -> Double {
    Double(i.sessions.reduce(0) { $0 + $1.capacityInPerson + $1.capacityRemote }) / Double(i.learners.count)
}

@Suite struct GeneratorTests {
    @Test(arguments: Profile.allCases, [50, 500])
    func validDeterministicAndSized(profile: Profile, learners: Int) throws {
        for seed: UInt64 in [1, 2] {
            let text = Generator.generate(learners: learners, seed: seed, profile: profile)
            let instance = try #require(decode(text))
            #expect(instance.learners.count == learners)
            #expect(text.hasSuffix("}\n"))
            #expect(Generator.generate(learners: learners, seed: seed, profile: profile) == text, "same arguments, same bytes")
            #expect(Generator.generate(learners: learners, seed: seed + 7, profile: profile) != text)
            // 1 to 3 learners per structure, about 0.75 structures per learner.
            var perStructure = Array(repeating: 0, count: instance.structures.count)
            for l in instance.learners { perStructure[l.structure] += 1 }
            #expect(perStructure.allSatisfy { (1...3).contains($0) })
            #expect(abs(Double(instance.structures.count) / Double(learners) - 0.75) < 0.02)
        }
    }

    @Test func smallestInstances() throws {
        for profile in Profile.allCases {
            for n in [1, 2, 3] {
                let instance = try #require(decode(Generator.generate(learners: n, seed: 9, profile: profile)))
                #expect(instance.learners.count == n)
            }
        }
    }

    @Test func nationalCoversTheCountry() throws {
        let generated = Generator.build(learners: 1200, seed: 4, profile: .national)
        let instance = try #require(decode(generated.json))
        #expect(instance.organisations.count >= 12)
        #expect(instance.organisations.contains { $0.id == "OF-DISTANCIEL" })
        #expect(instance.organisations.contains { $0.id == "OF-PROVENCE-ALPES-COTE-D-AZUR" })
        let territories = Set(instance.structures.map(\.territory))
        #expect(territories.count >= 65, "\(territories.count) territories")
        #expect(territories.contains("75") && territories.contains("59"))
        #expect(instance.sites.count >= 40)
        // Counts reported beside the text match it.
        #expect(generated.sessions == instance.sessions.count)
        #expect(generated.structures == instance.structures.count)
        #expect(generated.organisations == instance.organisations.count)
        #expect(abs(generated.seatsPerLearner - seatsPerLearner(instance)) < 1e-9)
        #expect((1.2...1.8).contains(generated.seatsPerLearner), "\(generated.seatsPerLearner)")
        // Every organisation with a limit has at least two sessions a day.
        #expect(instance.organisations.allSatisfy { ($0.maxConcurrentSessions ?? 2) >= 2 })
        #expect(instance.organisations.contains { $0.maxConcurrentSessions != nil })
    }

    @Test func tightHasFewerSeatsPerLearner() throws {
        for seed: UInt64 in [1, 2] {
            let national = try #require(decode(Generator.generate(learners: 1000, seed: seed, profile: .national)))
            let tight = try #require(decode(Generator.generate(learners: 1000, seed: seed, profile: .tight)))
            #expect(seatsPerLearner(tight) < 0.9)
            #expect(seatsPerLearner(tight) < seatsPerLearner(national) - 0.4)
            #expect(tight.organisations.count == national.organisations.count)
        }
    }

    @Test func coupledSharesScarceRemoteSeats() throws {
        for seed: UInt64 in [1, 2] {
            let generated = Generator.build(learners: 1500, seed: seed, profile: .coupled)
            #expect(Generator.generate(learners: 1500, seed: seed, profile: .coupled) == generated.json,
                    "same arguments, same bytes")
            let instance = try #require(decode(generated.json))
            let national = try #require(decode(Generator.generate(learners: 1500, seed: seed, profile: .national)))
            // The national geography: the same organisations and territories.
            #expect(instance.organisations.map(\.id) == national.organisations.map(\.id))
            #expect(instance.organisations.map(\.territories) == national.organisations.map(\.territories))
            #expect(instance.organisations.count == 14)
            let remote = try #require(instance.organisations.firstIndex { $0.id == "OF-DISTANCIEL" })
            let everyTerritory = Set(instance.organisations.flatMap(\.territories))
            #expect(instance.organisations[remote].territories == everyTerritory)
            #expect(Set(instance.structures.map(\.territory)).isSubset(of: everyTerritory))
            // The remote organisation has the limit, 5 to 7 sessions at once.
            let limit = try #require(instance.organisations[remote].maxConcurrentSessions)
            #expect((5...7).contains(limit))
            // Its sessions: remote only, 12 to 25 seats, a minimum size of 4 to 8 on every one,
            // every two weeks per path (9 per path over the 18 weeks).
            let own = instance.sessions.filter { $0.organisation == remote }
            #expect(own.count == 36)
            for s in own {
                #expect(s.site == nil && s.capacityInPerson == 0)
                #expect((12...25).contains(s.capacityRemote), "\(s.id): \(s.capacityRemote) seats")
                #expect((4...8).contains(s.minSize), "\(s.id): minSize \(s.minSize)")
            }
            let horizon = Day(year: 2027, month: 1, day: 4)!
            for path in [105, 280, 350, 420] {
                let weeks = own.filter { $0.path == path }.map { ($0.start - horizon) / 7 }.sorted()
                #expect(weeks.count == 9)
                #expect(zip(weeks, weeks.dropFirst()).allSatisfy { $1 - $0 == 2 }, "path \(path): weeks \(weeks)")
            }
            // More simultaneous candidate sessions than the limit allows: the limit binds.
            var perDay: [Int: Int] = [:]
            for s in own { for d in s.days { perDay[d.number, default: 0] += 1 } }
            #expect(perDay.values.max()! > limit)
            // Regional organisations: 0 to 2 remote seats per in-person session.
            for s in instance.sessions where s.organisation != remote {
                #expect(s.site != nil && (0...2).contains(s.capacityRemote), "\(s.id)")
            }
            #expect(instance.sessions.contains { $0.organisation != remote && $0.capacityRemote == 2 })
        }
    }

    @Test func regionalStaysInItsRegion() throws {
        #expect(Generator.regionName(seed: 1) == "Auvergne-Rhône-Alpes")
        #expect(Generator.regionName(seed: 3) == "Bretagne")
        #expect(Generator.regionName(seed: 16) == "Bretagne")
        let instance = try #require(decode(Generator.generate(learners: 500, seed: 3, profile: .regional)))
        #expect(instance.organisations.map(\.id) == ["OF-BRETAGNE", "OF-DISTANCIEL"])
        let bretagne: Set<String> = ["22", "29", "35", "56"]
        #expect(instance.organisations.allSatisfy { $0.territories == bretagne })
        #expect(instance.structures.allSatisfy { bretagne.contains($0.territory) })
        #expect((40...130).contains(instance.sessions.count), "\(instance.sessions.count) sessions")
        #expect(instance.sites.map(\.id).contains("RENNES"))
    }

    @Test func sessionsLookRight() throws {
        let instance = try #require(decode(Generator.generate(learners: 600, seed: 5, profile: .national)))
        let first = Day(year: 2027, month: 1, day: 4)!, last = Day(year: 2027, month: 5, day: 31)!
        for s in instance.sessions {
            #expect(s.start >= first && s.start <= last, "\(s.id) starts \(s.start)")
            let c = s.start.civil
            let mmdd = (c.month < 10 ? "0" : "") + "\(c.month)" + (c.day < 10 ? "0" : "") + "\(c.day)"
            let place = s.site.map { instance.sites[$0].id } ?? "DIST"
            #expect(s.id == "S-\(s.path)-\(place)-\(mmdd)")
            if s.site == nil {
                #expect(s.capacityInPerson == 0 && (15...30).contains(s.capacityRemote))
                #expect(instance.organisations[s.organisation].id == "OF-DISTANCIEL")
            } else {
                #expect((8...15).contains(s.capacityInPerson) && (0...5).contains(s.capacityRemote))
            }
        }
        #expect(Set(instance.sessions.map(\.path)) == [105, 280, 350, 420])
        #expect(instance.sessions.contains { $0.trainingWeekdays.contains(.fri) })
    }

    @Test func pinsAreSafe() throws {
        for profile in Profile.allCases {
            let instance = try #require(decode(Generator.generate(learners: 1400, seed: 2, profile: profile)))
            let pinned = instance.learners.indices.filter { instance.learners[$0].assigned != nil }
            #expect(pinned.count == 7)
            var sessionsPinned = Set<Int>()
            var perOrganisationDay: [Int: [Int: Int]] = [:]
            for l in pinned {
                let pin = instance.learners[l].assigned!
                #expect(instance.ineligibility(learner: l, session: pin.session, mode: pin.mode) == nil)
                #expect(sessionsPinned.insert(pin.session).inserted, "one pin per session")
                let session = instance.sessions[pin.session]
                #expect(session.minSize == 0)
                #expect(instance.structures[instance.learners[l].structure].maxAbsent == nil)
                for d in session.days { perOrganisationDay[session.organisation, default: [:]][d.number, default: 0] += 1 }
            }
            for (o, days) in perOrganisationDay {
                if let limit = instance.organisations[o].maxConcurrentSessions {
                    #expect(days.values.allSatisfy { $0 <= limit })
                }
            }
        }
    }

    @Test func pinsAskTheInstanceTheFileDescribes() throws {
        // Pins are chosen on an Instance built in code; the file must describe the same one.
        for profile in Profile.allCases {
            var builder = Builder(learners: 600, seed: 3, profile: profile)
            let generated = builder.run()
            let decoded = try #require(decode(generated.json))
            let built = builder.domainInstance()
            #expect(decoded.sessions.map(\.id) == built.sessions.map(\.id))
            #expect(decoded.sessions.map(\.days) == built.sessions.map(\.days))
            #expect(decoded.learners.map(\.id) == built.learners.map(\.id))
            for l in decoded.learners.indices {
                #expect(decoded.eligibleOptions(learner: l) == built.eligibleOptions(learner: l), "\(profile) learner \(l)")
            }
        }
    }

    @Test func geographyTable() {
        let codes = Geography.metropolitan.map(\.code)
        var expected = (1...95).filter { $0 != 20 }.map { $0 < 10 ? "0\($0)" : "\($0)" } + ["2A", "2B"]
        expected.sort { precedesByBytes($0, $1) }
        #expect(codes == expected)
        #expect(Geography.regions.count == 13)
        for r in Geography.regions.indices {
            #expect(!Geography.departements(of: r).isEmpty)
        }
        #expect(Set(Geography.metropolitan.map(\.prefecture)).count == 96)
        for d in Geography.metropolitan {
            #expect((41.3...51.1).contains(d.lat) && (-5.2...9.6).contains(d.lon), "\(d.code) \(d.prefecture)")
        }
        #expect(slug("Provence-Alpes-Côte d'Azur") == "PROVENCE-ALPES-COTE-D-AZUR")
        #expect(slug("Île-de-France") == "ILE-DE-FRANCE")
        #expect(slug("Le Puy-en-Velay") == "LE-PUY-EN-VELAY")
    }

    @Test func numberFormatting() throws {
        // Coordinates are plain decimals of at most four places: never an exponent, never -0.
        func text(_ degrees: [Double]) throws -> String {
            String(decoding: try InstanceDocument.encoder().encode(degrees.map(Coordinate.init)), as: UTF8.self)
                .filter { !$0.isWhitespace }
        }
        #expect(try text([48.1147, -1.6794, -0.05, 0, -0.00003, 0.0001, 0.00004]) == "[48.1147,-1.6794,-0.05,0,0,0.0001,0]")
        #expect(try text([46.56600000001, 100]) == "[46.566,100]")
        let escaped = try InstanceDocument.encoder().encode(["a\"b\\c\u{1}/d"])
        #expect(String(decoding: escaped, as: UTF8.self).filter { !$0.isNewline } == "[  \"a\\\"b\\\\c\\u0001/d\"]")
    }

    @Test func randomIsStable() {
        // Pinned values (computed independently): changing the generator changes every instance.
        var r = SplitMix64(seed: 1, stream: 0)
        #expect([r.next(), r.next(), r.next()] == [0xf18d_6ce9_3d6c_f1ee, 0x0b95_f66d_327e_8d78, 0xc706_1b1b_9332_2ba9])
        var s = SplitMix64(seed: 42, stream: 6)
        #expect([s.next(), s.next()] == [0xc47f_04d4_cfd6_12e7, 0x3868_9d13_1e28_6893])
        var t = SplitMix64(seed: 7, stream: 1)
        for _ in 0..<1000 {
            let x = t.int(3...6)
            #expect((3...6).contains(x))
            let u = t.unit()
            #expect(u >= 0 && u < 1)
        }
    }
}

@Suite struct ShippedBrittanyTests {
    /// One generator: the shipped regional instance is exactly what `plan generate --learners 300
    /// --seed 3` writes (re-record it with that command when the generator changes on purpose).
    @Test func theShippedBrittanyInstanceIsTheGeneratorsOwn() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try String(contentsOf: root.appendingPathComponent("instances/bretagne.json"), encoding: .utf8)
        #expect(shipped == Generator.generate(learners: 300, seed: 3, profile: .regional))
    }
}
