// Document: the instance file (SPEC §2) as Encodable values built from the builder's pieces, and
// its text, written by JSONEncoder with sorted keys, indented, so that the same pieces always give
// the same bytes. Numbers are plain decimals: counts and weights are whole numbers, hours per day
// are 3.5, 6 or 7, and coordinates are written from their ten-thousandths (`Coordinate`).
import Foundation
import PlanDomain

/// The instance file. Optional members that are nil are left out of the file (the decoder then
/// applies SPEC §2's defaults), except a session's `site`, which is written as null.
struct InstanceDocument: Encodable {
    var name: String
    var paths: [Int]
    var calendar: CalendarPart
    var weights: WeightsPart
    var defaults: DefaultsPart
    var organisations: [OrganisationEntry]
    var sites: [SiteEntry]
    var sessions: [SessionEntry]
    var structures: [StructureEntry]
    var learners: [LearnerEntry]

    struct CalendarPart: Encodable {
        var workdays: [String]
        var holidays = "FR"
        var closures: [String] = []
    }

    /// SPEC §4's weights, as whole numbers.
    struct WeightsPart: Encodable {
        var unassigned = 100_000
        var remote = 1_000
        var perKm = 2
        var perWaitingDay = 10
        var openSession = 0
    }

    struct DefaultsPart: Encodable {
        var maxTravelKm: Int
        var hoursPerDay: Double
        var trainingWeekdays: [String]
    }

    struct OrganisationEntry: Encodable {
        var id: String
        var name: String
        var territories: [String]
        var maxConcurrentSessions: Int?
        /// nil when there are none.
        var closures: [String]?
    }

    struct SiteEntry: Encodable {
        var id: String
        var organisation: String
        var name: String
        var lat: Coordinate
        var lon: Coordinate
    }

    struct SessionEntry: Encodable {
        var id: String
        var organisation: String
        /// nil for a remote-only session: written as null.
        var site: String?
        var path: Int
        var start: String
        var weekdays: [String]?
        var hoursPerDay: Double?
        var capacity: Capacity
        /// nil for no minimum size.
        var minSize: Int?

        struct Capacity: Encodable {
            var inPerson: Int
            var remote: Int
        }

        enum CodingKeys: String, CodingKey {
            case id, organisation, site, path, start, weekdays, hoursPerDay, capacity, minSize
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(organisation, forKey: .organisation)
            try c.encode(site, forKey: .site)
            try c.encode(path, forKey: .path)
            try c.encode(start, forKey: .start)
            try c.encodeIfPresent(weekdays, forKey: .weekdays)
            try c.encodeIfPresent(hoursPerDay, forKey: .hoursPerDay)
            try c.encode(capacity, forKey: .capacity)
            try c.encodeIfPresent(minSize, forKey: .minSize)
        }
    }

    struct StructureEntry: Encodable {
        var id: String
        var name: String
        var territory: String
        var lat: Coordinate
        var lon: Coordinate
        var maxTravelKm: Int?
        var alternationDays: [String]?
        var maxAbsent: Int?
    }

    struct LearnerEntry: Encodable {
        var id: String
        var name: String
        var structure: String
        var path: Int
        var availableFrom: String?
        var startBy: String?
        var finishBy: String?
        var mode: String
        var maxTravelKm: Int?
        var assigned: PinEntry?
    }

    struct PinEntry: Encodable {
        var session: String
        var mode: String
    }

    /// The encoder of instance files: sorted keys, indented, slashes left as they are.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// The file's text (UTF-8, ending with a newline).
    func text() -> String {
        do {
            return String(decoding: try InstanceDocument.encoder().encode(self), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("the instance document cannot be encoded: \(error)")
        }
    }
}

/// A latitude or longitude as the file holds it: a whole number of ten-thousandths of a degree,
/// written as a plain decimal (`48.1147`, `-1.6794`, `-0.05`, `0`), never with an exponent or as -0.
struct Coordinate: Encodable, Equatable {
    var tenThousandths: Int

    /// `degrees` rounded to four decimals, halves away from zero.
    init(_ degrees: Double) {
        tenThousandths = Int((degrees * 10_000).rounded(.toNearestOrAwayFromZero))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(Decimal(sign: tenThousandths < 0 ? .minus : .plus, exponent: -4,
                             significand: Decimal(tenThousandths.magnitude)))
    }
}

/// `x` rounded to four decimals, as the file will hold it (see `Coordinate`).
func round4(_ x: Double) -> Double {
    (x * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000
}

extension Builder {
    /// The instance file's text.
    func render() -> String { document().text() }

    /// The instance file: every organisation, site, session, structure and learner, in the
    /// builder's order.
    func document() -> InstanceDocument {
        InstanceDocument(
            name: instanceName, paths: Builder.paths,
            calendar: .init(workdays: Builder.everyWeekday.map(\.rawValue)), weights: .init(),
            defaults: .init(maxTravelKm: Builder.defaultMaxTravelKm, hoursPerDay: Builder.defaultHoursPerDay,
                            trainingWeekdays: Builder.defaultWeekdays.map(\.rawValue)),
            organisations: organisations.map {
                .init(id: $0.id, name: $0.name, territories: $0.territories, maxConcurrentSessions: $0.maxConcurrentSessions,
                      closures: $0.closures.isEmpty ? nil : $0.closures.map(\.description))
            },
            sites: sites.map {
                .init(id: $0.id, organisation: organisations[$0.organisation].id, name: $0.name,
                      lat: Coordinate($0.lat), lon: Coordinate($0.lon))
            },
            sessions: sessions.map(sessionEntry), structures: structures.map(structureEntry),
            learners: learners.map(learnerEntry))
    }

    func sessionEntry(_ s: GenSession) -> InstanceDocument.SessionEntry {
        .init(id: s.id, organisation: organisations[s.organisation].id, site: s.site.map { sites[$0].id }, path: s.path,
              start: s.start.description, weekdays: s.weekdays?.map(\.rawValue), hoursPerDay: s.hoursPerDay,
              capacity: .init(inPerson: s.capacityInPerson, remote: s.capacityRemote),
              minSize: s.minSize > 0 ? s.minSize : nil)
    }

    func structureEntry(_ h: GenStructure) -> InstanceDocument.StructureEntry {
        .init(id: h.id, name: h.name, territory: h.departement.code, lat: Coordinate(h.lat), lon: Coordinate(h.lon),
              maxTravelKm: h.maxTravelKm, alternationDays: h.alternationDay.map { [$0.rawValue] }, maxAbsent: h.maxAbsent)
    }

    func learnerEntry(_ l: GenLearner) -> InstanceDocument.LearnerEntry {
        .init(id: l.id, name: l.name, structure: structures[l.structure].id, path: l.path,
              availableFrom: l.availableFrom?.description, startBy: l.startBy?.description,
              finishBy: l.finishBy?.description, mode: l.mode.rawValue, maxTravelKm: l.maxTravelKm,
              assigned: l.pin.map { .init(session: sessions[$0.session].id, mode: $0.mode.rawValue) })
    }
}
