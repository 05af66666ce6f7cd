// Eligibility (SPEC §2.3), travel distances (SPEC §2.2) and travel limits, re-derived here from
// the instance's raw values. PlanDomain has its own versions, used by the planner; on purpose,
// none of them is called here (see PlanChecker.swift), so that a mistake in one is caught by the
// other.
import Foundation
import PlanDomain

extension Checker {
    /// Every condition of SPEC §2.3 that learner `l` breaks by joining session `s` in `mode`, in
    /// plain words, in the order of the spec; empty when the learner may join.
    func eligibilityProblems(learner l: Int, session s: Int, mode: Mode) -> [String] {
        let learner = instance.learners[l]
        let session = instance.sessions[s]
        var out: [String] = []
        if let p = pathProblem(learner, session) { out.append(p) }
        if let p = territoryProblem(learner, session) { out.append(p) }
        out += dateProblems(learner, session)
        if let p = alternationProblem(learner, session) { out.append(p) }
        if let p = modeProblem(learner, mode) { out.append(p) }
        switch mode {
        case .inPerson: out += inPersonProblems(learner, session)
        case .remote: if let p = remoteProblem(session) { out.append(p) }
        }
        return out
    }

    /// A learner joins only a session of its own path (105, 280… hours).
    func pathProblem(_ learner: Learner, _ session: Session) -> String? {
        session.path == learner.path ? nil : say("the session is a \(session.path) h path, the learner's is \(learner.path) h",
                                                 "la session est un parcours de \(session.path) h, celui de l'apprenant de \(learner.path) h")
    }

    /// The session's organisation must cover the territory of the learner's host structure.
    func territoryProblem(_ learner: Learner, _ session: Session) -> String? {
        let structure = instance.structures[learner.structure]
        let organisation = instance.organisations[session.organisation]
        if organisation.territories.contains(structure.territory) { return nil }
        return say("the session's organisation \(organisation.id) does not cover territory \(structure.territory) of structure \(structure.id)",
                   "l'organisme \(organisation.id) de la session ne couvre pas le territoire \(structure.territory) de la structure \(structure.id)")
    }

    /// The session starts no earlier than the learner's availableFrom and no later than its
    /// startBy, and ends no later than its finishBy (each only when given).
    func dateProblems(_ learner: Learner, _ session: Session) -> [String] {
        let start = session.days[0], end = session.days[session.days.count - 1]
        var out: [String] = []
        if let from = learner.availableFrom, start < from {
            out.append(say("the session starts on \(start), before the learner's availableFrom \(from)",
                           "la session commence le \(start), avant la date availableFrom de l'apprenant (\(from))"))
        }
        if let by = learner.startBy, by < start {
            out.append(say("the session starts on \(start), after the learner's startBy \(by)",
                           "la session commence le \(start), après la date startBy de l'apprenant (\(by))"))
        }
        if let by = learner.finishBy, by < end {
            out.append(say("the session ends on \(end), after the learner's finishBy \(by)",
                           "la session finit le \(end), après la date finishBy de l'apprenant (\(by))"))
        }
        return out
    }

    /// No training day of the session may fall on a weekday that the learner's structure keeps
    /// for the alternation (its alternationDays).
    func alternationProblem(_ learner: Learner, _ session: Session) -> String? {
        let structure = instance.structures[learner.structure]
        let clashes = session.days.filter { structure.alternationDays.contains($0.weekday) }
        guard let first = clashes.first else { return nil }
        let weekdays = Weekday.allCases.filter { w in clashes.contains { $0.weekday == w } }
        let n = clashes.count
        return say("the session trains on \(n) \(n == 1 ? "day" : "days") that structure \(structure.id) keeps for the alternation (\(weekdays.map(\.rawValue).joined(separator: ", "))), the first on \(first)",
                   "\(frenchCount(n, "jour", "jours")) de formation de la session \(n <= 1 ? "tombe" : "tombent") sur l'alternance de la structure \(structure.id) (\(weekdays.map(Language.fr.weekday).joined(separator: ", "))), le premier le \(first)")
    }

    /// The mode must be one the learner accepts: `any` accepts both, `inPerson` and `remote`
    /// only themselves.
    func modeProblem(_ learner: Learner, _ mode: Mode) -> String? {
        let accepted: Bool
        switch learner.mode {
        case .any: accepted = true
        case .inPerson: accepted = mode == .inPerson
        case .remote: accepted = mode == .remote
        }
        return accepted ? nil : say("the learner's mode is \(learner.mode.rawValue), so \(modeWord(mode)) is not allowed",
                                    "la modalité de l'apprenant est \(learner.mode.rawValue), \(modeWord(mode)) n'est donc pas possible")
    }

    /// In person needs a site, at least one in-person seat, and the site within the learner's
    /// travel limit.
    func inPersonProblems(_ learner: Learner, _ session: Session) -> [String] {
        var out: [String] = []
        if session.capacityInPerson <= 0 {
            out.append(say("the session has no in-person seats (capacity.inPerson is \(session.capacityInPerson))",
                           "la session n'a pas de places en présentiel (capacity.inPerson vaut \(session.capacityInPerson))"))
        }
        guard let site = session.site else {
            out.insert(say("the session has no site (remote only), so nobody can join it in person",
                           "la session n'a pas de site (à distance seulement), personne ne peut donc la suivre en présentiel"), at: 0)
            return out
        }
        if let (limit, whose) = travelLimitKm(for: learner) {
            let km = kmBetween(structure: learner.structure, site: site)
            if Double(km) > limit {
                let id = instance.sites[site].id
                out.append(say("the site \(id) is \(km) km away, beyond the travel limit of \(plainNumber(limit)) km (\(whose))",
                               "le site \(id) est à \(km) km, au-delà de la limite de déplacement de \(plainNumber(limit)) km (\(whose))"))
            }
        }
        return out
    }

    /// Remote needs at least one remote seat.
    func remoteProblem(_ session: Session) -> String? {
        session.capacityRemote > 0 ? nil : say("the session has no remote seats (capacity.remote is \(session.capacityRemote))",
                                               "la session n'a pas de places à distance (capacity.remote vaut \(session.capacityRemote))")
    }

    /// The travel limit is the learner's maxTravelKm, else its structure's, else
    /// defaults.maxTravelKm; nil (no limit) when the default is null too. Also says whose it is.
    func travelLimitKm(for learner: Learner) -> (km: Double, whose: String)? {
        if let km = learner.maxTravelKm { return (km, say("the learner's maxTravelKm", "le maxTravelKm de l'apprenant")) }
        let structure = instance.structures[learner.structure]
        if let km = structure.maxTravelKm {
            return (km, say("the maxTravelKm of structure \(structure.id)", "le maxTravelKm de la structure \(structure.id)"))
        }
        if let km = instance.defaultMaxTravelKm { return (km, "defaults.maxTravelKm") }
        return nil
    }

    /// The travel distance from a structure to a site is the haversine great-circle distance on a
    /// sphere of radius 6371.0 km, rounded to the nearest whole km, halves away from zero.
    func kmBetween(structure h: Int, site s: Int) -> Int {
        let from = instance.structures[h], to = instance.sites[s]
        let radians = Double.pi / 180
        let phi1 = from.lat * radians, phi2 = to.lat * radians
        let halfDPhi = (to.lat - from.lat) * radians / 2
        let halfDLambda = (to.lon - from.lon) * radians / 2
        let h2 = sin(halfDPhi) * sin(halfDPhi) + cos(phi1) * cos(phi2) * sin(halfDLambda) * sin(halfDLambda)
        let km = 6371.0 * 2 * asin(min(1, h2.squareRoot()))
        return Int(km.rounded(.toNearestOrAwayFromZero))
    }
}

/// The word of SPEC §5 for a mode: `in_person` or `remote`.
func modeWord(_ mode: Mode) -> String {
    switch mode {
    case .inPerson: return "in_person"
    case .remote: return "remote"
    }
}
