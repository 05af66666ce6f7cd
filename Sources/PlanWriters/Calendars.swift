// Calendars: iCalendar (RFC 5545) files of a plan, so that learners, host structures and
// organisations can load their dates into any calendar application.
//
//   calendars/learners/<learner id>.ics     each assigned learner: one all-day event per training
//                                           day and per alternation workday of its session
//   calendars/structures/<structure id>.ics each structure with assigned learners: its learners'
//                                           training days (absences) and, per session they start,
//                                           the organisation's presentation to the manager
//   calendars/sessions/<session id>.ics     each running session: its training days
//
// Conventions (all chosen so that one input gives the same bytes on every run):
// - File names: every character of an id outside [A-Za-z0-9._-] becomes "_" (so "H/1 é" gives
//   "H_1__"; a name that would be empty, "." or ".." is prefixed with "_"). Should two ids of one
//   kind map to the same name (ignoring case, for case-insensitive file systems), the later one by
//   id bytes gets "_2", "_3", … appended.
// - UID: "<kind>-<file name>-<yyyymmdd>@plan" for a learner's or a session's day; in a structure's
//   file "structure-<file name>-<yyyymmdd>-presentation-<session>@plan" and
//   "…-absent-<learner>@plan" (ids in file-name form). The same event keeps its UID in a re-plan.
// - SEQUENCE: 0, or with the previous plan's calendars its SEQUENCE there, plus one if it changed.
//   An event of the previous plan that is gone is written once more, STATUS:CANCELLED, SEQUENCE
//   plus one (see CalendarHistory).
// - DTSTAMP: the earliest training day of any session of the instance, at T000000Z
//   (19700101T000000Z when there is no session), not the clock.
// - Files are listed learners, then structures, then sessions, each by id bytes; events are in
//   date order (in a structure file, a day's presentation comes before its absences, absences by
//   learner id).
// - Lines end with CRLF and are folded at 75 octets (CRLF + one space), never inside a UTF-8
//   sequence; TEXT values escape backslash, semicolon, comma and line breaks (as \n).
import PlanDomain

public enum Calendars {
    /// PRODID of every file.
    public static let productID = "-//plan//Conseiller numerique//FR"

    /// Every calendar file of a plan, by relative path. With the calendars of the previous plan
    /// (`history`, re-planning), events keep their UIDs, a changed event has its SEQUENCE bumped,
    /// and an event that is gone comes back once as cancelled; with `onlyChanges`, only new,
    /// changed and cancelled events from the re-planning date on are written, and files without
    /// any are left out.
    public static func render(_ instance: Instance, _ plan: Plan, history: CalendarHistory? = nil,
                              onlyChanges: Bool = false) -> [(name: String, contents: String)] {
        let stamp = dateStamp(instance)
        var perSession: [Int: [Int]] = [:]       // session -> learners, by learner id
        var perStructure: [Int: [Int]] = [:]     // structure -> assigned learners, by learner id
        let learners = instance.learners.indices.sorted { precedesByBytes(instance.learners[$0].id, instance.learners[$1].id) }
        for l in learners {
            guard let a = plan.assignments[l] else { continue }
            perSession[a.session, default: []].append(l)
            perStructure[instance.learners[l].structure, default: []].append(l)
        }
        let files = learnerFiles(instance, plan, learners: learners)
            + structureFiles(instance, plan, perStructure: perStructure)
            + sessionFiles(instance, plan, perSession: perSession)
        return write(files, stamp: stamp, history: history ?? CalendarHistory(), onlyChanges: onlyChanges,
                     today: instance.replanning?.today)
    }

    // MARK: - Files by kind

    /// calendars/learners/: a file per assigned learner (`learners` in id order), an event per
    /// workday of its session: a training day, or a day in its structure (alternation).
    static func learnerFiles(_ instance: Instance, _ plan: Plan, learners: [Int]) -> [Draft] {
        var names = CalendarFileNames()
        var files: [Draft] = []
        for l in learners {
            guard let a = plan.assignments[l] else { continue }
            let learner = instance.learners[l]
            let session = instance.sessions[a.session]
            let file = names.name(for: learner.id)
            var events: [Event] = []
            let training = Dictionary(uniqueKeysWithValues: zip(session.days, session.hours))
            for d in instance.calendar.workdays(from: session.start, through: session.end) {
                if let h = training[d] {
                    events.append(Event(day: d, key: basicDate(d), summary: trainingSummary(instance, session, a.mode),
                                        location: a.mode == .inPerson ? siteName(instance, session) : nil,
                                        description: say("\(formatNumber(h)) h of training, organisation ",
                                                         "\(formatNumber(h)) h de formation, organisme ")
                                            + organisationName(instance, session)))
                } else {
                    events.append(Event(day: d, key: basicDate(d), summary: say("Alternation at the structure", "Alternance en structure"),
                                        location: instance.structures[learner.structure].name
                                            ?? instance.structures[learner.structure].id,
                                        description: say("A day at the structure during the training \(session.id)",
                                                         "Journée en structure pendant la formation \(session.id)")))
                }
            }
            files.append(Draft(path: "calendars/learners/\(file).ics", name: say("Training ", "Formation ") + (learner.name ?? learner.id),
                               kind: "learner", file: file, events: events))
        }
        return files
    }

    /// calendars/structures/: a file per structure with assigned learners (`perStructure`, each in
    /// learner id order), by structure id.
    static func structureFiles(_ instance: Instance, _ plan: Plan, perStructure: [Int: [Int]]) -> [Draft] {
        var names = CalendarFileNames()
        var files: [Draft] = []
        let structures = instance.structures.indices.sorted { precedesByBytes(instance.structures[$0].id, instance.structures[$1].id) }
        for h in structures {
            guard let members = perStructure[h] else { continue }
            let structure = instance.structures[h]
            let file = names.name(for: structure.id)
            files.append(Draft(path: "calendars/structures/\(file).ics", name: say("Trainings – ", "Formations – ") + (structure.name ?? structure.id),
                               kind: "structure", file: file, events: structureEvents(instance, plan, members: members)))
        }
        return files
    }

    /// A structure's events, by date: on each session's first day the organisation's presentation
    /// to the manager, then the training days of its learners (`members`) as absences, by learner id.
    static func structureEvents(_ instance: Instance, _ plan: Plan, members: [Int]) -> [Event] {
        // (day, rank, event): rank 0 for presentations (by session id), 1 for absences (by learner id).
        var keyed: [(day: Day, rank: Int, key: String, event: Event)] = []
        var started: [Int: [String]] = [:]
        for l in members {
            let a = plan.assignments[l]!
            let session = instance.sessions[a.session]
            started[a.session, default: []].append(personName(instance.learners[l]))
            for d in session.days {
                keyed.append((d, 1, instance.learners[l].id,
                              Event(day: d, key: "\(basicDate(d))-absent-\(fileName(instance.learners[l].id))",
                                    summary: say("Away: \(personName(instance.learners[l])) in training \(session.id)",
                                                 "Absent : \(personName(instance.learners[l])) en formation \(session.id)"),
                                    location: nil,
                                    description: a.mode == .inPerson
                                        ? say("Training in person at ", "Formation en présentiel à ") + (siteName(instance, session) ?? "")
                                        : say("Remote training", "Formation à distance"))))
            }
        }
        for (s, ids) in started {
            let session = instance.sessions[s]
            let org = instance.organisations[session.organisation].id
            keyed.append((session.start, 0, session.id,
                          Event(day: session.start, key: "\(basicDate(session.start))-presentation-\(fileName(session.id))",
                                summary: say("Presentation of the training \(session.id) (\(org)), the manager is invited",
                                             "Présentation de la formation \(session.id) (\(org)), invitation du responsable"),
                                location: siteName(instance, session) ?? say("Remote", "À distance"),
                                description: say("Organisation: ", "Organisme : ") + organisationName(instance, session)
                                    + say("\nLearners: ", "\nApprenants : ") + ids.joined(separator: ", "))))
        }
        keyed.sort { a, b in
            if a.day != b.day { return a.day < b.day }
            if a.rank != b.rank { return a.rank < b.rank }
            return precedesByBytes(a.key, b.key)
        }
        return keyed.map(\.event)
    }

    /// calendars/sessions/: a file per running session (`perSession`: its learners), by session id,
    /// an event per training day. Every session takes its file name, running or not, so that names
    /// do not depend on which sessions run.
    static func sessionFiles(_ instance: Instance, _ plan: Plan, perSession: [Int: [Int]]) -> [Draft] {
        var names = CalendarFileNames()
        var files: [Draft] = []
        for s in instance.sessionsByID {
            let session = instance.sessions[s]
            let file = names.name(for: session.id)
            guard let members = perSession[s] else { continue }
            let inPerson = members.filter { plan.assignments[$0]!.mode == .inPerson }.count
            let remote = members.count - inPerson
            var events: [Event] = []
            for (k, d) in session.days.enumerated() {
                events.append(Event(day: d, key: basicDate(d),
                                    summary: say("Training ", "Formation ") + "\(session.id) (\(instance.organisations[session.organisation].id))",
                                    location: inPerson > 0 ? siteName(instance, session) : nil,
                                    description: say("Day \(k + 1)/\(session.days.count): \(formatNumber(session.hours[k])) h\n"
                                                     + "Participants: \(members.count) (in person \(inPerson), remote \(remote))",
                                                     "Jour \(k + 1)/\(session.days.count) : \(formatNumber(session.hours[k])) h\n"
                                                     + "Participants : \(members.count) (présentiel \(inPerson), à distance \(remote))")))
            }
            files.append(Draft(path: "calendars/sessions/\(file).ics", name: "Session \(session.id)", kind: "session",
                               file: file, events: events))
        }
        return files
    }

    // MARK: - Text

    /// The file-name form of an id: characters outside [A-Za-z0-9._-] become "_"; an empty, "."
    /// or ".." result is prefixed with "_".
    public static func fileName(_ id: String) -> String {
        var out = ""
        for u in id.unicodeScalars {
            switch u {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": out.unicodeScalars.append(u)
            default: out += "_"
            }
        }
        return out.isEmpty || out == "." || out == ".." ? "_" + out : out
    }

    /// An RFC 5545 TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`,
    /// other control characters (but tab) dropped.
    public static func escapeText(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for u in text.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A content line folded at 75 octets (continuations start with one space), with its CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for u in line.unicodeScalars {
            let n = String(u).utf8.count
            if octets + n > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(u)
            octets += n
        }
        return out + "\r\n"
    }

    /// `yyyymmdd`.
    public static func basicDate(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    // MARK: - Building

    struct Event {
        var day: Day
        /// What the event is, stable across re-plans (its UID's tail): its date, and for a
        /// structure's events what happens that day (`presentation-<session>`, `absent-<learner>`).
        var key: String = ""
        var summary: String
        var location: String?
        var description: String?
    }

    /// An event's content lines (unfolded), without UID, DTSTAMP, SEQUENCE and STATUS: what is
    /// compared with the previous plan's event of the same UID.
    static func contentLines(_ e: Event, kind: String) -> [String] {
        let date = basicDate(e.day)
        var lines = ["DTSTART;VALUE=DATE:\(date)", "DTEND;VALUE=DATE:\(basicDate(e.day.adding(days: 1)))",
                     "SUMMARY:\(escapeText(e.summary))"]
        if let l = e.location { lines.append("LOCATION:\(escapeText(l))") }
        if let d = e.description { lines.append("DESCRIPTION:\(escapeText(d))") }
        lines.append("TRANSP:\(kind == "structure" ? "TRANSPARENT" : "OPAQUE")")
        return lines
    }

    /// A whole calendar file from its name and events (each with UID, SEQUENCE, status and content).
    static func calendar(name: String, stamp: String, events: [CalendarEvent]) -> String {
        var out = ""
        func line(_ text: String) { out += fold(text) }
        line("BEGIN:VCALENDAR")
        line("VERSION:2.0")
        line("PRODID:\(productID)")
        line("CALSCALE:GREGORIAN")
        line("METHOD:PUBLISH")
        line("X-WR-CALNAME:\(escapeText(name))")
        for e in events {
            line("BEGIN:VEVENT")
            line("UID:\(e.uid)")
            line("DTSTAMP:\(stamp)")
            line("SEQUENCE:\(e.sequence)")
            if e.cancelled { line("STATUS:CANCELLED") }
            for l in e.content { line(l) }
            line("END:VEVENT")
        }
        line("END:VCALENDAR")
        return out
    }

    /// The earliest training day of any session at midnight UTC: a DTSTAMP that never changes.
    static func dateStamp(_ instance: Instance) -> String {
        let first = instance.sessions.map(\.start).min() ?? Day(number: 0)
        return basicDate(first) + "T000000Z"
    }

    /// A learner as a person reads it: `Camille Martin (L-00012)`, or the id alone without a name.
    static func personName(_ learner: Learner) -> String {
        learner.name.map { "\($0) (\(learner.id))" } ?? learner.id
    }

    static func trainingSummary(_ instance: Instance, _ session: Session, _ mode: Mode) -> String {
        if mode == .inPerson, let site = siteName(instance, session) {
            return say("Training \(session.id) (in person, \(site))", "Formation \(session.id) (présentiel, \(site))")
        }
        return say("Training \(session.id) (", "Formation \(session.id) (")
            + (mode == .inPerson ? say("in person", "présentiel") : say("remote", "à distance")) + ")"
    }

    /// Calendar text in the language of the run (`--lang`).
    static func say(_ en: String, _ fr: String) -> String { Language.current.say(en, fr) }

    static func siteName(_ instance: Instance, _ session: Session) -> String? {
        session.site.map { instance.sites[$0].name ?? instance.sites[$0].id }
    }

    static func organisationName(_ instance: Instance, _ session: Session) -> String {
        let org = instance.organisations[session.organisation]
        return org.name.map { "\($0) (\(org.id))" } ?? org.id
    }
}

/// Unique file names for the ids of one kind, given in id order.
struct CalendarFileNames {
    private var used: Set<String> = []
    mutating func name(for id: String) -> String {
        let base = Calendars.fileName(id)
        var name = base
        var k = 2
        while used.contains(name.lowercased()) {
            name = "\(base)_\(k)"
            k += 1
        }
        used.insert(name.lowercased())
        return name
    }
}
