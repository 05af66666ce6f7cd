// Generator: realistic synthetic instances with real French geography (`plan generate`): the
// public entry points. The builder's steps have their own files: Builder (the pieces and the order
// of the steps), Organisations (organisations and sites), Learners (structures and learners),
// Sessions (sessions and concurrency limits), Pins (pinned seats) and Document (the file).
//
// The same (learners, seed, profile) always give the same bytes: every random draw comes from a
// seeded SplitMix64, nothing is ever ordered by iterating a Dictionary or a Set, and the file is
// written by JSONEncoder with sorted keys and exact decimals. Instances are valid by construction:
// session starts follow the calendar rule of SPEC §2.1 (computed with `WorkCalendar`), and pinned
// seats are checked with `Instance.ineligibility` on the instance built in code from the same
// pieces, and kept within capacities, sizes, absences and concurrency limits.
import Foundation
import PlanDomain

/// What kind of instance to generate.
public enum Profile: String, CaseIterable, Sendable {
    /// One region (chosen by the seed): its organisation and the national remote one.
    case regional
    /// Metropolitan France (13 regional organisations) and overseas territories trained remotely.
    case national
    /// The national geography with scarce seats: fewer sessions, larger minimum sizes, tighter
    /// concurrency limits.
    case tight
    /// The national geography where the national remote organisation's seats are scarce and
    /// coupled: one remote session every two weeks per path (12-25 seats, a minimum size on
    /// every one) and a `maxConcurrentSessions` of 5-7 for it, so that every region competes for
    /// the same remote seats; regional organisations offer half the remote seats (0-2 per
    /// in-person session). Everything else as `national`.
    case coupled
}

/// A generated instance and a few counts describing it.
public struct GeneratedInstance: Sendable {
    /// The instance file (JSON, UTF-8, ending with a newline).
    public var json: String
    public var name: String
    public var organisations: Int
    public var sites: Int
    public var sessions: Int
    /// Sessions without a site (the remote organisation's).
    public var remoteOnlySessions: Int
    public var structures: Int
    public var learners: Int
    public var inPersonSeats: Int
    public var remoteSeats: Int
    /// Learners with a pinned seat (`assigned`).
    public var pinned: Int
    /// (in-person + remote seats) / learners.
    public var seatsPerLearner: Double { Double(inPersonSeats + remoteSeats) / Double(max(1, learners)) }
}

public enum Generator {
    /// The numbers of learners `generate` accepts.
    public static let learnerRange = 1...200_000

    /// The instance file for `learners` learners (in `learnerRange`), as JSON text.
    public static func generate(learners: Int, seed: UInt64, profile: Profile) -> String {
        build(learners: learners, seed: seed, profile: profile).json
    }

    /// The instance file and its counts.
    public static func build(learners: Int, seed: UInt64, profile: Profile) -> GeneratedInstance {
        precondition(learnerRange.contains(learners), "learners must be in \(learnerRange)")
        var builder = Builder(learners: learners, seed: seed, profile: profile)
        return builder.run()
    }

    /// The region a regional instance of this seed covers (seed 1: Auvergne-Rhône-Alpes,
    /// seed 3: Bretagne, …, cycling through the 13 regions in alphabetical order).
    public static func regionName(seed: UInt64) -> String {
        Geography.regions[regionIndex(seed: seed)].name
    }

    static func regionIndex(seed: UInt64) -> Int {
        Int((seed &+ UInt64(Geography.regions.count - 1)) % UInt64(Geography.regions.count))
    }
}
