// Eligibility: who may join which session, and how (SPEC §2.3), with the reason when not.
import Foundation

/// A (session, mode) a learner may be given.
public struct Option: Hashable, Sendable {
    public var session: Int
    public var mode: Mode
    public init(session: Int, mode: Mode) {
        self.session = session
        self.mode = mode
    }
}

/// Why a learner may not join a session in a mode.
public enum Ineligibility: Equatable, Sendable, CustomStringConvertible {
    case path(session: Int, learner: Int)
    case territory(String)
    case startsBeforeAvailable(Day)
    case startsAfterStartBy(Day)
    case endsAfterFinishBy(Day)
    case alternationDay(Weekday)
    case modeNotAllowed(ModePreference)
    case noSite
    case noInPersonSeats
    case tooFar(km: Int, limit: Double)
    case noRemoteSeats
    case started(Day)

    public var description: String { text(.en) }

    /// Why, in the language `t`.
    public func text(_ t: Language) -> String {
        switch self {
        case .path(let s, let l): return t.say("the session is a \(s) h path, the learner's is \(l) h",
                                               "la session est un parcours de \(s) h, celui de l'apprenant de \(l) h")
        case .territory(let x): return t.say("the session's organisation does not cover territory \(x)",
                                             "l'organisme de la session ne couvre pas le territoire \(x)")
        case .startsBeforeAvailable(let d): return t.say("the session starts before the learner is available (\(d))",
                                                         "la session commence avant que l'apprenant soit disponible (\(d))")
        case .startsAfterStartBy(let d): return t.say("the session starts after the learner's startBy (\(d))",
                                                      "la session commence après la date de début au plus tard de l'apprenant (\(d))")
        case .endsAfterFinishBy(let d): return t.say("the session ends after the learner's finishBy (\(d))",
                                                     "la session finit après la date de fin au plus tard de l'apprenant (\(d))")
        case .alternationDay(let w): return t.say("the session trains on \(w.rawValue), an alternation day of the structure",
                                                  "la session forme le \(t.weekday(w)), un jour d'alternance de la structure")
        case .modeNotAllowed(let p): return t.say("the learner's mode is \(p.rawValue)", "la modalité de l'apprenant est \(p.rawValue)")
        case .noSite: return t.say("the session has no site (remote only)", "la session n'a pas de site (à distance seulement)")
        case .noInPersonSeats: return t.say("the session has no in-person seats", "la session n'a pas de places en présentiel")
        case .tooFar(let km, let limit):
            return t.say("the site is \(km) km away, beyond the travel limit of \(formatNumber(limit)) km",
                         "le site est à \(km) km, au-delà de la limite de déplacement de \(formatNumber(limit)) km")
        case .noRemoteSeats: return t.say("the session has no remote seats", "la session n'a pas de places à distance")
        case .started(let d): return t.say("the session started before \(d) and the learner was not in it in this mode",
                                           "la session a commencé avant le \(d) et l'apprenant n'y était pas dans cette modalité")
        }
    }
}

extension Instance {
    /// Why learner `l` may not join session `s` in mode `m` (the first failing condition of
    /// SPEC §2.3, then, when re-planning, SPEC §6's rule for started sessions), or nil when it may.
    /// Each condition is one function below, also used to explain a learner without options.
    public func ineligibility(learner l: Int, session s: Int, mode m: Mode) -> Ineligibility? {
        let learner = learners[l], session = sessions[s]
        if session.path != learner.path { return .path(session: session.path, learner: learner.path) }
        if !coversTerritory(session: s, learner: l) { return .territory(structures[learner.structure].territory) }
        if let why = datesIneligibility(session: s, learner: l) { return why }
        if let why = alternationIneligibility(session: s, learner: l) { return why }
        if !learner.mode.allows(m) { return .modeNotAllowed(learner.mode) }
        if !mayJoinStarted(learner: l, session: s, mode: m) { return .started(replanning!.today) }
        switch m {
        case .inPerson: return inPersonSeatIneligibility(session: s) ?? travelIneligibility(session: s, learner: l)
        case .remote: return remoteSeatIneligibility(session: s)
        }
    }

    /// SPEC 2.3: the session's organisation covers the territory of the learner's structure.
    public func coversTerritory(session s: Int, learner l: Int) -> Bool {
        organisations[sessions[s].organisation].territories.contains(structures[learners[l].structure].territory)
    }

    /// SPEC 2.3: the session starts on or after the learner's availableFrom, on or before its
    /// startBy, and ends on or before its finishBy (each when given).
    public func datesIneligibility(session s: Int, learner l: Int) -> Ineligibility? {
        let learner = learners[l], session = sessions[s]
        if let d = learner.availableFrom, session.start < d { return .startsBeforeAvailable(d) }
        if let d = learner.startBy, session.start > d { return .startsAfterStartBy(d) }
        if let d = learner.finishBy, session.end > d { return .endsAfterFinishBy(d) }
        return nil
    }

    /// SPEC 2.3: no training day of the session falls on an alternation day of the structure.
    public func alternationIneligibility(session s: Int, learner l: Int) -> Ineligibility? {
        sessions[s].trainingWeekdays.intersection(structures[learners[l].structure].alternationDays).min().map { .alternationDay($0) }
    }

    /// SPEC 2.3, in person: the session has a site and in-person seats.
    public func inPersonSeatIneligibility(session s: Int) -> Ineligibility? {
        if sessions[s].site == nil { return .noSite }
        if sessions[s].capacityInPerson <= 0 { return .noInPersonSeats }
        return nil
    }

    /// SPEC 2.3, in person: the site is within the learner's travel limit (see `travelLimit`).
    public func travelIneligibility(session s: Int, learner l: Int) -> Ineligibility? {
        guard let site = sessions[s].site, let limit = travelLimit(of: learners[l]) else { return nil }
        let km = distanceKm(structure: learners[l].structure, site: site)
        return Double(km) > limit ? .tooFar(km: km, limit: limit) : nil
    }

    /// SPEC 2.3, remote: the session has remote seats.
    public func remoteSeatIneligibility(session s: Int) -> Ineligibility? {
        sessions[s].capacityRemote <= 0 ? .noRemoteSeats : nil
    }

    /// The options of learner `l`, sorted by session id then mode (in person first).
    public func eligibleOptions(learner l: Int) -> [Option] {
        var out: [Option] = []
        for s in sessionsByPath[learners[l].path] ?? [] {
            for m in Mode.allCases where ineligibility(learner: l, session: s, mode: m) == nil {
                out.append(Option(session: s, mode: m))
            }
        }
        return out
    }

    /// The travel distance of an option (nil for remote).
    public func travelKm(learner l: Int, option o: Option) -> Int? {
        guard o.mode == .inPerson, let site = sessions[o.session].site else { return nil }
        return distanceKm(structure: learners[l].structure, site: site)
    }

    /// Days between the learner's availableFrom and the session's start (nil without availableFrom).
    public func waitingDays(learner l: Int, session s: Int) -> Int? {
        guard let from = learners[l].availableFrom else { return nil }
        return sessions[s].start - from
    }

    /// The objective cost of giving learner `l` option `o` (SPEC §4, without the openSession term).
    public func cost(learner l: Int, option o: Option) -> Double {
        var c = 0.0
        if o.mode == .remote { c += weights.remote }
        if let km = travelKm(learner: l, option: o) { c += weights.perKm * Double(km) }
        if let w = waitingDays(learner: l, session: o.session) { c += weights.perWaitingDay * Double(w) }
        return c
    }
}
