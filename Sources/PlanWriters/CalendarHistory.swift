// CalendarHistory: the calendars of the previous plan, so that a re-plan's calendars update the
// ones people already imported (RFC 5545 §3.8.7.4): the same event keeps its UID, a changed event
// has its SEQUENCE bumped, and an event that is gone is sent once more as cancelled.
import Foundation
import PlanDomain

/// One event as written: its UID, SEQUENCE, whether it is cancelled, and its other content lines.
struct CalendarEvent {
    var uid: String
    var sequence: Int
    var cancelled: Bool
    var content: [String]
    /// New, changed or cancelled since the previous plan.
    var isNews: Bool
    /// Its date (nil when a previous file's event has none that can be read).
    var day: Day?
}

/// A calendar file before SEQUENCE and history are applied.
struct Draft {
    var path: String
    var name: String
    var kind: String
    var file: String
    var events: [Calendars.Event]
}

/// The events of the previous plan's calendar files, by file path (`calendars/learners/L-1.ics`).
public struct CalendarHistory: Sendable {
    struct Past: Sendable {
        var uid: String
        var sequence: Int
        var cancelled: Bool
        var content: [String]
        /// The date of `DTSTART;VALUE=DATE:yyyymmdd`.
        var day: Day? {
            guard let line = content.first(where: { $0.hasPrefix("DTSTART;VALUE=DATE:") }) else { return nil }
            let d = Array(line.dropFirst(19))
            guard d.count == 8 else { return nil }
            return Day(iso: "\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8]))")
        }
    }
    var files: [String: [Past]] = [:]
    /// Each file's calendar name (X-WR-CALNAME), to write a file of cancellations only.
    var names: [String: String] = [:]

    public init() {}

    /// The calendars under `folder/calendars` (none when it has no such folder). Unreadable or
    /// malformed files are skipped: history only refines SEQUENCE numbers.
    public init(folder: URL) {
        let root = folder.appendingPathComponent("calendars")
        for kind in ["learners", "structures", "sessions"] {
            let dir = root.appendingPathComponent(kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".ics") {
                guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else { continue }
                let path = "calendars/\(kind)/\(name)"
                let (calendarName, events) = Self.parse(String(decoding: data, as: UTF8.self))
                files[path] = events
                self.names[path] = calendarName
            }
        }
    }

    /// The calendar's name and events of an iCalendar text, its lines unfolded.
    static func parse(_ text: String) -> (String, [Past]) {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        var events: [Past] = []
        var name = ""
        var current: Past?
        for line in unfolded.components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" {
                current = Past(uid: "", sequence: 0, cancelled: false, content: [])
            } else if line == "END:VEVENT" {
                if let e = current, !e.uid.isEmpty { events.append(e) }
                current = nil
            } else if current != nil {
                if line.hasPrefix("UID:") {
                    current!.uid = String(line.dropFirst(4))
                } else if line.hasPrefix("SEQUENCE:") {
                    current!.sequence = Int(line.dropFirst(9)) ?? 0
                } else if line == "STATUS:CANCELLED" {
                    current!.cancelled = true
                } else if !line.hasPrefix("DTSTAMP:") {
                    current!.content.append(line)
                }
            } else if line.hasPrefix("X-WR-CALNAME:") {
                name = String(line.dropFirst(13))
            }
        }
        return (name, events)
    }
}

extension Calendars {
    /// The files of `drafts` with UIDs, SEQUENCE numbers and cancellations from `history`; with
    /// `onlyChanges`, only what is news from `today` on (the past is not sent again). Files of the
    /// history that the plan no longer has carry their events' cancellations, after the others,
    /// by path.
    static func write(_ drafts: [Draft], stamp: String, history: CalendarHistory, onlyChanges: Bool, today: Day?)
        -> [(name: String, contents: String)]
    {
        var out: [(name: String, contents: String)] = []
        var written = Set<String>()
        func isPast(_ day: Day?) -> Bool {
            guard let today, let day else { return false }
            return day < today
        }
        func emit(_ path: String, _ name: String, _ events: [CalendarEvent]) {
            let kept = onlyChanges ? events.filter { $0.isNews && !isPast($0.day) } : events
            guard !kept.isEmpty else { return }
            out.append((path, calendar(name: name, stamp: stamp, events: kept)))
        }
        for d in drafts {
            written.insert(d.path)
            let past = history.files[d.path] ?? []
            let byUID = Dictionary(past.map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
            var events: [CalendarEvent] = d.events.map { e in
                let uid = "\(d.kind)-\(d.file)-\(e.key)@plan"
                let content = contentLines(e, kind: d.kind)
                guard let before = byUID[uid] else {
                    return CalendarEvent(uid: uid, sequence: 0, cancelled: false, content: content, isNews: true, day: e.day)
                }
                let changed = before.cancelled || before.content != content
                return CalendarEvent(uid: uid, sequence: before.sequence + (changed ? 1 : 0), cancelled: false,
                                     content: content, isNews: changed, day: e.day)
            }
            let present = Set(events.map(\.uid))
            events += cancellations(past.filter { !present.contains($0.uid) })
            emit(d.path, d.name, events)
        }
        for path in history.files.keys.sorted() where !written.contains(path) {
            let name = history.names[path].map(unescapeName) ?? path
            emit(path, name, cancellations(history.files[path]!))
        }
        return out
    }

    /// Events of the previous plan that are gone, cancelled (once: those already cancelled are dropped).
    private static func cancellations(_ gone: [CalendarHistory.Past]) -> [CalendarEvent] {
        gone.filter { !$0.cancelled }.map {
            CalendarEvent(uid: $0.uid, sequence: $0.sequence + 1, cancelled: true, content: $0.content, isNews: true, day: $0.day)
        }
    }

    /// The plain text of an escaped TEXT value (the inverse of `escapeText`).
    private static func unescapeName(_ text: String) -> String {
        var out = ""
        var escaped = false
        for c in text {
            if escaped {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
