// Calendar: civil dates as day numbers, weekdays, ISO weeks, French public holidays, and the
// session calendar rule of SPEC §2.1 (training days with the weekly alternation).

/// A calendar date, stored as the number of days since 1970-01-01 (proleptic Gregorian).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var number: Int
    public init(number: Int) { self.number = number }

    /// The date of a year, month (1-12) and day (1-31); nil when it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysInMonth(year, month) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146097 + doe - 719468
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[k]) else { return nil }
                v = v * 10 + Int(b[k] - UInt8(ascii: "0"))
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), y >= 1 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    /// (year, month, day).
    public var civil: (year: Int, month: Int, day: Int) {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var weekday: Weekday {
        Weekday(rawIndex: ((number % 7) + 7 + 3) % 7)
    }

    /// A key of the ISO week this day belongs to: the day number of its Monday.
    public var isoWeek: Int { number - weekday.index }

    /// The Monday of this day's ISO week.
    public var monday: Day { Day(number: number - weekday.index) }

    public func adding(days: Int) -> Day { Day(number: number + days) }

    public static func - (a: Day, b: Day) -> Int { a.number - b.number }
    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = civil
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }
}

/// Monday to Sunday.
public enum Weekday: String, CaseIterable, Sendable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// 0 for Monday … 6 for Sunday.
    public var index: Int { Weekday.allCases.firstIndex(of: self)! }
    init(rawIndex: Int) { self = Weekday.allCases[rawIndex] }
    public static func < (a: Weekday, b: Weekday) -> Bool { a.index < b.index }
}

/// Which dates are public holidays.
public enum HolidayRule: Sendable, Equatable {
    /// French public holidays, computed for every year.
    case france
    case none
    case dates(Set<Day>)

    public func contains(_ day: Day) -> Bool {
        switch self {
        case .none: return false
        case .dates(let set): return set.contains(day)
        case .france: return FrenchHolidays.isHoliday(day)
        }
    }
}

/// French public holidays (SPEC §2.1).
public enum FrenchHolidays {
    /// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
    public static func easter(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    /// The holidays of a year, in date order.
    public static func holidays(_ year: Int) -> [Day] {
        let e = easter(year)
        let fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
        let days = fixed.map { Day(year: year, month: $0.0, day: $0.1)! }
            + [e.adding(days: 1), e.adding(days: 39), e.adding(days: 50)]
        return days.sorted()
    }

    public static func isHoliday(_ day: Day) -> Bool {
        let c = day.civil
        switch (c.month, c.day) {
        case (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25): return true
        default: break
        }
        guard (3...6).contains(c.month) else { return false }
        let offset = day - easter(c.year)
        return offset == 1 || offset == 39 || offset == 50
    }
}

/// The working calendar shared by everyone (SPEC §2.1).
public struct WorkCalendar: Sendable {
    public var workdays: Set<Weekday>
    public var holidays: HolidayRule
    public var closures: Set<Day>

    public init(workdays: Set<Weekday>, holidays: HolidayRule, closures: Set<Day>) {
        self.workdays = workdays
        self.holidays = holidays
        self.closures = closures
    }

    /// A weekday in `workdays` that is neither a holiday nor a global closure.
    public func isWorkday(_ day: Day) -> Bool {
        workdays.contains(day.weekday) && !closures.contains(day) && !holidays.contains(day)
    }

    /// The workdays of a day's ISO week.
    public func workdaysInWeek(of day: Day) -> Int {
        let monday = day.monday
        return (0..<7).reduce(0) { $0 + (isWorkday(monday.adding(days: $1)) ? 1 : 0) }
    }

    /// The workdays from `start` to `end` inclusive.
    public func workdays(from start: Day, through end: Day) -> [Day] {
        guard start <= end else { return [] }
        return (start.number...end.number).map(Day.init(number:)).filter(isWorkday)
    }

    /// Why `day` cannot be a training day of a session that trains on `weekdays` for an
    /// organisation closed on `organisationClosures`, given the days already taken in its week;
    /// nil when it can.
    public func refusal(of day: Day, weekdays: Set<Weekday>, organisationClosures: Set<Day>,
                        takenInWeek: Int) -> String? {
        let w = day.weekday.rawValue
        if !weekdays.contains(day.weekday) {
            return tr("\(day) is a \(w), not one of the session's weekdays", "le \(day) est un \(w), pas un des jours de la session")
        }
        if !workdays.contains(day.weekday) { return tr("\(day) is a \(w), not a workday", "le \(day) est un \(w), pas un jour ouvré") }
        if holidays.contains(day) { return tr("\(day) is a public holiday", "le \(day) est un jour férié") }
        if closures.contains(day) { return tr("\(day) is a closure day", "le \(day) est un jour de fermeture") }
        if organisationClosures.contains(day) {
            return tr("\(day) is a closure day of the organisation", "le \(day) est un jour de fermeture de l'organisme")
        }
        if takenInWeek + 1 > workdaysInWeek(of: day) - 1 {
            return tr("training on \(day) would leave no workday of its week at the host structure",
                      "former le \(day) ne laisserait aucun jour ouvré de sa semaine à la structure d'accueil")
        }
        return nil
    }

    /// The training days generated from `start` by the rule of SPEC §2.1, or nil when the walk
    /// does not complete within ten years (no day can ever be taken).
    public func trainingDays(start: Day, weekdays: Set<Weekday>, organisationClosures: Set<Day>,
                             count: Int) -> [Day]? {
        var taken: [Day] = []
        var week = Int.min
        var takenInWeek = 0
        var day = start
        let last = start.adding(days: 3660)
        while taken.count < count {
            if day > last { return nil }
            if day.isoWeek != week { week = day.isoWeek; takenInWeek = 0 }
            if refusal(of: day, weekdays: weekdays, organisationClosures: organisationClosures,
                       takenInWeek: takenInWeek) == nil {
                taken.append(day)
                takenInWeek += 1
            }
            day = day.adding(days: 1)
        }
        return taken
    }
}

/// The hours of each training day of a path: `hoursPerDay` each, the last one possibly less.
public func dailyHours(pathHours: Int, hoursPerDay: Double) -> [Double] {
    var out: [Double] = []
    var index = 0
    while true {
        // Computed from the path each time (not by repeated subtraction) to avoid drift.
        let remaining = (Double(pathHours) - Double(index) * hoursPerDay)
        let r = (remaining * 1e9).rounded() / 1e9
        if r <= 0 { break }
        out.append(min(hoursPerDay, r))
        index += 1
    }
    return out
}
