#!/usr/bin/env python3
"""Generate instances/bretagne.json, a realistic regional instance for Brittany.

Deterministic (random.Random(2027)), standard library only. Usage:

    python3 tools/make_bretagne.py            # writes instances/bretagne.json
    python3 tools/make_bretagne.py OUT.json   # writes elsewhere

The script re-implements the session calendar rule (SPEC 2.1), the distance rule (2.2) and the
eligibility rule (2.3) so that every session start is a day the rule takes, learners' dates are
sensible and pinned assignments are eligible. It prints a short summary on stdout.
"""

import datetime as dt
import json
import math
import os
import random
import sys

RNG = random.Random(2027)

PATHS = [105, 280, 350, 420]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WORKDAYS = ["mon", "tue", "wed", "thu", "fri"]
DEFAULT_TRAINING = ["mon", "tue", "wed", "thu"]
DEFAULT_HOURS_PER_DAY = 7
DEFAULT_MAX_TRAVEL_KM = 100
TERRITORIES = ["22", "29", "35", "56"]


def d(s):
    return dt.date.fromisoformat(s)


# --------------------------------------------------------------------------------------------
# Calendar (SPEC 2.1)
# --------------------------------------------------------------------------------------------

def easter(year):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    dd, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - dd - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


_HOLIDAYS = {}


def fr_holidays(year):
    if year not in _HOLIDAYS:
        e = easter(year)
        _HOLIDAYS[year] = {
            dt.date(year, 1, 1), e + dt.timedelta(days=1), dt.date(year, 5, 1),
            dt.date(year, 5, 8), e + dt.timedelta(days=39), e + dt.timedelta(days=50),
            dt.date(year, 7, 14), dt.date(year, 8, 15), dt.date(year, 11, 1),
            dt.date(year, 11, 11), dt.date(year, 12, 25),
        }
    return _HOLIDAYS[year]


assert easter(2027) == dt.date(2027, 3, 28)
assert fr_holidays(2027) == {d(x) for x in [
    "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-08", "2027-05-06", "2027-05-17",
    "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"]}


def wd(date):
    return WEEKDAYS[date.weekday()]


def is_workday(date):
    return wd(date) in WORKDAYS and date not in fr_holidays(date.year)


def week_workdays(date):
    monday = date - dt.timedelta(days=date.weekday())
    return sum(1 for i in range(7) if is_workday(monday + dt.timedelta(days=i)))


def session_days(start, weekdays, total_hours, hours_per_day, org_closures):
    """Training days [(date, hours)] generated from start by the exact rule of SPEC 2.1."""
    days = []
    taken_per_week = {}
    remaining = float(total_hours)
    date = start
    limit = start + dt.timedelta(days=3 * 366)
    while remaining > 1e-9:
        assert date < limit, "calendar does not terminate"
        if wd(date) in weekdays and is_workday(date) and date not in org_closures:
            week = tuple(date.isocalendar()[:2])
            taken = taken_per_week.get(week, 0)
            if week_workdays(date) - (taken + 1) >= 1:
                hours = min(float(hours_per_day), remaining)
                days.append((date, hours))
                taken_per_week[week] = taken + 1
                remaining -= hours
        date += dt.timedelta(days=1)
    return days


# --------------------------------------------------------------------------------------------
# Distances (SPEC 2.2)
# --------------------------------------------------------------------------------------------

def distance_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    km = 2 * 6371.0 * math.asin(math.sqrt(a))
    return int(math.floor(km + 0.5))  # km >= 0: halves away from zero


# --------------------------------------------------------------------------------------------
# Geography: real towns (approximate town-centre coordinates, WGS84)
# (name, département, lat, lon, weight = how many host structures it tends to have)
# --------------------------------------------------------------------------------------------

TOWNS = [
    # Ille-et-Vilaine (35)
    ("Rennes", "35", 48.1147, -1.6794, 8), ("Saint-Malo", "35", 48.6493, -2.0257, 4),
    ("Fougères", "35", 48.3525, -1.1986, 3), ("Vitré", "35", 48.1236, -1.2094, 3),
    ("Redon", "35", 47.6514, -2.0843, 3), ("Bruz", "35", 48.0247, -1.7459, 1),
    ("Cesson-Sévigné", "35", 48.1214, -1.6031, 1), ("Dinard", "35", 48.6325, -2.0617, 1),
    ("Combourg", "35", 48.4106, -1.7514, 1), ("Montfort-sur-Meu", "35", 48.1378, -1.9561, 1),
    ("Bain-de-Bretagne", "35", 47.8439, -1.6828, 1), ("Janzé", "35", 47.9564, -1.4992, 1),
    ("La Guerche-de-Bretagne", "35", 47.9411, -1.2311, 1),
    ("Saint-Aubin-du-Cormier", "35", 48.2606, -1.3994, 1), ("Cancale", "35", 48.6767, -1.8517, 1),
    ("Dol-de-Bretagne", "35", 48.5494, -1.7531, 1), ("Guichen", "35", 47.9672, -1.7950, 1),
    ("Betton", "35", 48.1822, -1.6389, 1), ("Liffré", "35", 48.2136, -1.5067, 1),
    ("Châteaugiron", "35", 48.0461, -1.5036, 1), ("Montauban-de-Bretagne", "35", 48.1992, -2.0486, 1),
    ("Saint-Méen-le-Grand", "35", 48.1894, -2.1944, 1), ("Pipriac", "35", 47.8094, -1.9464, 1),
    ("Retiers", "35", 47.9131, -1.3792, 1), ("Louvigné-du-Désert", "35", 48.4800, -1.1247, 1),
    ("Tinténiac", "35", 48.3286, -1.8361, 1),
    # Côtes-d'Armor (22)
    ("Saint-Brieuc", "22", 48.5141, -2.7603, 4), ("Lannion", "22", 48.7326, -3.4566, 3),
    ("Guingamp", "22", 48.5627, -3.1500, 2), ("Dinan", "22", 48.4556, -2.0503, 3),
    ("Lamballe-Armor", "22", 48.4689, -2.5172, 2), ("Loudéac", "22", 48.1778, -2.7536, 2),
    ("Paimpol", "22", 48.7786, -3.0478, 1), ("Perros-Guirec", "22", 48.8150, -3.4392, 1),
    ("Tréguier", "22", 48.7856, -3.2322, 1), ("Rostrenen", "22", 48.2356, -3.3172, 1),
    ("Plérin", "22", 48.5347, -2.7700, 1), ("Ploufragan", "22", 48.4911, -2.7956, 1),
    ("Quintin", "22", 48.4036, -2.9111, 1), ("Broons", "22", 48.3172, -2.2592, 1),
    ("Callac", "22", 48.4025, -3.4275, 1), ("Bégard", "22", 48.6278, -3.3006, 1),
    ("Plancoët", "22", 48.5219, -2.2358, 1), ("Pléneuf-Val-André", "22", 48.5933, -2.5472, 1),
    ("Saint-Quay-Portrieux", "22", 48.6500, -2.8322, 1), ("Guerlédan", "22", 48.2003, -2.9867, 1),
    ("Plouha", "22", 48.6764, -2.9292, 1), ("Langueux", "22", 48.4950, -2.7172, 1),
    # Finistère (29)
    ("Brest", "29", 48.3904, -4.4861, 7), ("Quimper", "29", 47.9960, -4.1024, 4),
    ("Morlaix", "29", 48.5775, -3.8278, 3), ("Landerneau", "29", 48.4508, -4.2494, 2),
    ("Quimperlé", "29", 47.8728, -3.5497, 2), ("Concarneau", "29", 47.8753, -3.9189, 2),
    ("Douarnenez", "29", 48.0931, -4.3289, 2), ("Carhaix-Plouguer", "29", 48.2758, -3.5733, 2),
    ("Landivisiau", "29", 48.5097, -4.0689, 1), ("Châteaulin", "29", 48.1967, -4.0900, 1),
    ("Pont-l'Abbé", "29", 47.8667, -4.2225, 1), ("Crozon", "29", 48.2458, -4.4897, 1),
    ("Saint-Pol-de-Léon", "29", 48.6856, -3.9861, 1), ("Lesneven", "29", 48.5722, -4.3214, 1),
    ("Plougastel-Daoulas", "29", 48.3725, -4.3700, 1), ("Guipavas", "29", 48.4350, -4.3981, 1),
    ("Roscoff", "29", 48.7264, -3.9853, 1), ("Ploudalmézeau", "29", 48.5403, -4.6578, 1),
    ("Saint-Renan", "29", 48.4333, -4.6217, 1), ("Briec", "29", 48.1019, -3.9975, 1),
    ("Fouesnant", "29", 47.8939, -4.0117, 1), ("Rosporden", "29", 47.9597, -3.8339, 1),
    ("Châteauneuf-du-Faou", "29", 48.1886, -3.8175, 1), ("Huelgoat", "29", 48.3644, -3.7464, 1),
    ("Audierne", "29", 48.0214, -4.5392, 1), ("Le Relecq-Kerhuon", "29", 48.4078, -4.3964, 1),
    # Morbihan (56)
    ("Vannes", "56", 47.6582, -2.7608, 4), ("Lorient", "56", 47.7483, -3.3700, 4),
    ("Pontivy", "56", 48.0686, -2.9628, 2), ("Ploërmel", "56", 47.9317, -2.3972, 2),
    ("Auray", "56", 47.6681, -2.9828, 2), ("Lanester", "56", 47.7628, -3.3419, 1),
    ("Hennebont", "56", 47.8047, -3.2761, 1), ("Quiberon", "56", 47.4839, -3.1194, 1),
    ("Josselin", "56", 47.9550, -2.5475, 1), ("Questembert", "56", 47.6603, -2.4531, 1),
    ("Malestroit", "56", 47.8103, -2.3825, 1), ("Guer", "56", 47.9056, -2.1222, 1),
    ("La Gacilly", "56", 47.7656, -2.1322, 1), ("Baud", "56", 47.8744, -3.0183, 1),
    ("Locminé", "56", 47.8867, -2.8353, 1), ("Le Faouët", "56", 48.0328, -3.4900, 1),
    ("Gourin", "56", 48.1392, -3.6067, 1), ("Guémené-sur-Scorff", "56", 48.0675, -3.2047, 1),
    ("Muzillac", "56", 47.5542, -2.4803, 1), ("Sarzeau", "56", 47.5275, -2.7686, 1),
    ("Ploemeur", "56", 47.7339, -3.4264, 1), ("Quéven", "56", 47.7889, -3.4144, 1),
    ("Plouay", "56", 47.9144, -3.3342, 1), ("Le Palais", "56", 47.3467, -3.1550, 1),
    ("Carnac", "56", 47.5836, -3.0781, 1), ("Elven", "56", 47.7325, -2.5892, 1),
    ("Grand-Champ", "56", 47.7581, -2.8447, 1), ("Rohan", "56", 48.0689, -2.7511, 1),
]

# --------------------------------------------------------------------------------------------
# Organisations, sites, sessions
# --------------------------------------------------------------------------------------------

ORGANISATIONS = [
    {"id": "OF-BRETAGNE", "name": "Bretagne Numérique Formation",
     "territories": ["22", "29", "35", "56"], "maxConcurrentSessions": 6,
     "closures": ["2027-02-18", "2027-05-07"]},
    {"id": "OF-BRETAGNE-SUD", "name": "Atelier Numérique du Pays de Lorient",
     "territories": ["29", "56"], "maxConcurrentSessions": 2,
     "closures": ["2027-04-30"]},
    {"id": "OF-DISTANCIEL", "name": "Campus Distanciel Inclusion Numérique",
     "territories": ["22", "29", "35", "56"]},
]
ORG_BY_ID = {o["id"]: o for o in ORGANISATIONS}
ORG_CLOSURES = {o["id"]: {d(x) for x in o.get("closures", [])} for o in ORGANISATIONS}

SITES = [
    {"id": "RENNES", "organisation": "OF-BRETAGNE", "name": "Rennes",
     "lat": 48.1113, "lon": -1.6800},
    {"id": "BREST", "organisation": "OF-BRETAGNE", "name": "Brest",
     "lat": 48.3904, "lon": -4.4861},
    {"id": "QUIMPER", "organisation": "OF-BRETAGNE", "name": "Quimper",
     "lat": 47.9960, "lon": -4.1024},
    {"id": "VANNES", "organisation": "OF-BRETAGNE", "name": "Vannes",
     "lat": 47.6582, "lon": -2.7608},
    {"id": "SAINT-BRIEUC", "organisation": "OF-BRETAGNE", "name": "Saint-Brieuc",
     "lat": 48.5141, "lon": -2.7603},
    {"id": "LORIENT", "organisation": "OF-BRETAGNE-SUD", "name": "Lorient",
     "lat": 47.7483, "lon": -3.3700},
]
SITE_BY_ID = {s["id"]: s for s in SITES}

# Candidate start dates: the Mondays of 2027-01-04 .. 2027-04-26; Easter Monday (2027-03-29) is a
# holiday, so that week starts on Tuesday 2027-03-30.
STARTS = []
_x = d("2027-01-04")
while _x <= d("2027-04-26"):
    STARTS.append(_x if is_workday(_x) else _x + dt.timedelta(days=1))
    _x += dt.timedelta(days=7)
assert len(STARTS) == 17 and d("2027-03-30") in STARTS

NO_WED = ["mon", "tue", "thu", "fri"]   # leaves Wednesday at the structure
NO_MON = ["tue", "wed", "thu", "fri"]   # leaves Monday at the structure (starts on a Tuesday)


def first_day(start, weekdays):
    """The first date >= start whose weekday is in weekdays."""
    while wd(start) not in weekdays:
        start += dt.timedelta(days=1)
    return start


def build_sessions():
    specs = []  # (org, site, path, start, weekdays|None, hoursPerDay|None, inP, rem, minSize)

    # In-person sessions: per site, a mix of paths at spread-out dates.
    site_plan = {
        "RENNES": [105, 105, 280, 280, 350, 420, 105, 280],
        "BREST": [105, 280, 280, 350, 420, 105, 350],
        "QUIMPER": [105, 280, 350, 420, 105, 280],
        "VANNES": [105, 280, 350, 420, 280, 105],
        "SAINT-BRIEUC": [105, 280, 350, 420, 105, 280],
        "LORIENT": [105, 280, 420, 105, 350],
    }
    for site_id, paths in site_plan.items():
        org = SITE_BY_ID[site_id]["organisation"]
        used = set()
        n = len(paths)
        for k, path in enumerate(paths):
            # Spread the site's sessions over the 17 weeks: one slot per band of weeks.
            lo = (k * 17) // n
            hi = max(lo, ((k + 1) * 17) // n - 1)
            week = RNG.randint(lo, hi)
            while (path, week) in used:
                week = (week + 1) % 17
            used.add((path, week))
            start = STARTS[week]
            r = RNG.random()
            weekdays = None
            if r < 0.12:
                weekdays = NO_WED
            elif r < 0.22:
                weekdays = NO_MON
            if weekdays is not None:
                start = first_day(start, weekdays)
            cap_in = RNG.randint(8, 14)
            if site_id == "RENNES":
                cap_in = RNG.randint(8, 10)  # demand is high around Rennes: seats are scarce
            cap_rem = RNG.choice([0, 0, 2, 3, 4])
            min_size = RNG.choice([0, 0, 0, 4, 5, 6])
            specs.append((org, site_id, path, start, weekdays, None, cap_in, cap_rem, min_size))

    # Remote-only sessions (OF-DISTANCIEL), every few weeks for each path.
    remote_weeks = {105: [0, 3, 6, 9, 12, 15], 280: [1, 4, 7, 10, 13, 16],
                    350: [0, 3, 6, 9, 12, 15], 420: [1, 4, 7, 10, 13, 16]}
    # Weekday patterns in turn, so that structures keeping Wednesday or Monday for the
    # alternation find a remote session every few weeks.
    patterns = [None, NO_WED, None, NO_MON, NO_WED, None]
    for path, weeks in remote_weeks.items():
        for j, week in enumerate(weeks):
            start = STARTS[week]
            weekdays = patterns[j]
            hpd = None
            if path == 105 and j == 2:
                # Half-days every weekday: the weekly alternation rule leaves Friday free.
                weekdays = ["mon", "tue", "wed", "thu", "fri"]
                hpd = 3.5
            if path == 350 and j == 5:
                hpd = 6  # 350 = 58 x 6 + 2: the last day is shorter
            if weekdays is not None:
                start = first_day(start, weekdays)
            cap_rem = RNG.randint(15, 30)
            min_size = RNG.choice([0, 0, 5, 8])
            specs.append(("OF-DISTANCIEL", None, path, start, weekdays, hpd, 0, cap_rem,
                          min_size))

    sessions = []
    info = {}
    for org, site_id, path, start, weekdays, hpd, cap_in, cap_rem, min_size in specs:
        place = site_id if site_id else "DIST"
        sid = "S-%d-%s-%s" % (path, place, start.strftime("%m%d"))
        assert sid not in info, sid
        wds = weekdays or DEFAULT_TRAINING
        days = session_days(start, wds, path, hpd or DEFAULT_HOURS_PER_DAY, ORG_CLOSURES[org])
        assert days[0][0] == start, "start %s of %s is not taken by SPEC 2.1" % (start, sid)
        assert abs(sum(h for _, h in days) - path) < 1e-9
        s = {"id": sid, "organisation": org, "site": site_id, "path": path,
             "start": start.isoformat()}
        if weekdays is not None:
            s["weekdays"] = weekdays
        if hpd is not None:
            s["hoursPerDay"] = hpd
        s["capacity"] = {"inPerson": cap_in, "remote": cap_rem}
        if min_size:
            s["minSize"] = min_size
        sessions.append(s)
        info[sid] = {"start": start, "end": days[-1][0], "days": [x for x, _ in days],
                     "weekdays": {wd(x) for x, _ in days}}
    sessions.sort(key=lambda s: (s["start"], s["id"]))
    return sessions, info


# --------------------------------------------------------------------------------------------
# Structures
# --------------------------------------------------------------------------------------------

KINDS = ["Mairie", "Médiathèque", "France Services", "CCAS", "Centre social",
         "Espace public numérique", "Maison des associations", "Association Familles Rurales",
         "Mission locale", "Bibliothèque municipale", "Centre culturel", "Point Information Jeunesse"]


def of_town(town):
    """French 'de' + town with elision and contraction: d'Auray, du Faouët, de La Gacilly."""
    if town.startswith("Le "):
        return "du " + town[3:]
    if town[0] in "AEIOUYÉÈÊÂÎÔH":
        return "d'" + town
    return "de " + town


def structure_name(kind, town):
    if kind in ("France Services", "Association Familles Rurales", "Mission locale"):
        return "%s %s" % (kind, town)
    return "%s %s" % (kind, of_town(town))


def build_structures(target=150):
    # One structure per town, then extra ones drawn in proportion to the towns' weights.
    towns = list(TOWNS)
    chosen = list(towns)
    extra_pool = []
    for t in towns:
        extra_pool.extend([t] * (t[4] - 1))
    RNG.shuffle(extra_pool)
    chosen.extend(extra_pool[: max(0, target - len(chosen))])
    chosen.sort(key=lambda t: (t[1], t[0]))  # by département then town

    structures = []
    used_kinds = {}
    for i, (town, dep, lat, lon, _) in enumerate(chosen):
        kinds = used_kinds.setdefault(town, [])
        free = [k for k in KINDS if k not in kinds]
        kind = RNG.choice(free)
        kinds.append(kind)
        h = {"id": "H-%04d" % (i + 1), "name": structure_name(kind, town), "territory": dep,
             "lat": round(lat + RNG.uniform(-0.008, 0.008), 4),
             "lon": round(lon + RNG.uniform(-0.008, 0.008), 4)}
        r = RNG.random()
        if r < 0.07:
            h["maxTravelKm"] = 60
        elif r < 0.11:
            h["maxTravelKm"] = 150
        r = RNG.random()
        if r < 0.07:
            h["alternationDays"] = ["wed"]
        elif r < 0.10:
            h["alternationDays"] = ["mon"]
        structures.append(h)
    return structures


# --------------------------------------------------------------------------------------------
# Learners
# --------------------------------------------------------------------------------------------

FIRST = ["Camille", "Maël", "Nolwenn", "Erwan", "Gwenaëlle", "Yann", "Soizic", "Loïc", "Anaïs",
         "Ronan", "Morgane", "Tristan", "Léa", "Gaël", "Maëlys", "Kévin", "Aurélie", "Thomas",
         "Élodie", "Mathieu", "Sarah", "Youssef", "Inès", "Hugo", "Chloé", "Julien", "Fatou",
         "Nicolas", "Émilie", "Brendan", "Katell", "Goulven", "Awa", "Samuel", "Manon", "Tanguy",
         "Clémence", "Riwal", "Solenn", "Bastien", "Lucie", "Karim", "Pauline", "Dominique",
         "Annaïg", "Florian", "Océane", "Pierre", "Marie", "Jean-Marc", "Aziz", "Sophie",
         "Corentin", "Laëtitia", "Gwendal", "Enora", "Mikaël", "Armelle", "Tugdual", "Justine"]
LAST = ["Le Gall", "Le Goff", "Le Bihan", "Tanguy", "Le Roux", "Guillou", "Le Floch", "Morvan",
        "Hervé", "Kerboriou", "Le Guen", "Quéré", "Le Corre", "Jaouen", "Cariou", "Le Meur",
        "Riou", "Salaün", "Le Bras", "Guéguen", "Pichon", "Madec", "Kervella", "Le Berre",
        "Abgrall", "Le Hir", "Nédélec", "Bodénès", "Martin", "Bernard", "Petit", "Durand",
        "Lefèvre", "Moreau", "Diallo", "Benali", "Nguyen", "Garnier", "Rolland", "Lemoine",
        "Daniel", "Le Moal", "Prigent", "Gourvennec", "Le Du", "Coat", "Pennec", "Kerhervé",
        "Ollivier", "Briand", "Boulanger", "Hamon", "Lucas", "Pasquier", "Le Bouëdec", "Jégou"]


def month_end(date):
    nxt = dt.date(date.year + (date.month == 12), date.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def eligible(learner, h, s, sinfo, mode):
    """SPEC 2.3, for the values this script writes."""
    if s["path"] != learner["path"]:
        return False
    if h["territory"] not in ORG_BY_ID[s["organisation"]]["territories"]:
        return False
    if "availableFrom" in learner and sinfo["start"] < d(learner["availableFrom"]):
        return False
    if "startBy" in learner and sinfo["start"] > d(learner["startBy"]):
        return False
    if "finishBy" in learner and sinfo["end"] > d(learner["finishBy"]):
        return False
    if set(h.get("alternationDays", [])) & sinfo["weekdays"]:
        return False
    lm = learner.get("mode", "any")
    if lm != "any" and lm != mode:
        return False
    if mode == "inPerson":
        if s["site"] is None or s["capacity"]["inPerson"] <= 0:
            return False
        site = SITE_BY_ID[s["site"]]
        limit = learner.get("maxTravelKm", h.get("maxTravelKm", DEFAULT_MAX_TRAVEL_KM))
        if limit is not None and distance_km(h["lat"], h["lon"], site["lat"], site["lon"]) > limit:
            return False
        return True
    return s["capacity"]["remote"] > 0


def options(learner, h, sessions, info):
    return [(s["id"], m) for s in sessions for m in ("inPerson", "remote")
            if eligible(learner, h, s, info[s["id"]], m)]


def build_learners(structures, sessions, info, n=300):
    # 1-4 learners per structure, summing to n.
    counts = [RNG.choices([1, 2, 3, 4], weights=[30, 40, 20, 10])[0] for _ in structures]
    while sum(counts) != n:
        i = RNG.randrange(len(counts))
        if sum(counts) < n and counts[i] < 4:
            counts[i] += 1
        elif sum(counts) > n and counts[i] > 1:
            counts[i] -= 1
    slots = [h for h, c in zip(structures, counts) for _ in range(c)]
    RNG.shuffle(slots)

    # A structure with maxAbsent has at least two learners, and maxAbsent below that number.
    for h, c in zip(structures, counts):
        if c >= 2 and RNG.random() < 0.20:
            h["maxAbsent"] = RNG.randint(1, min(2, c - 1))

    h_by_id = {h["id"]: h for h in structures}
    first_av, last_av = d("2027-01-04"), d("2027-03-15")
    learners = []
    for i, h in enumerate(slots):
        path = RNG.choices(PATHS, weights=[30, 30, 20, 20])[0]
        l = {"id": "L-%05d" % (i + 1), "name": "%s %s" % (RNG.choice(FIRST), RNG.choice(LAST)),
             "structure": h["id"], "path": path}
        if RNG.random() < 0.92:
            av = first_av + dt.timedelta(days=RNG.randint(0, (last_av - first_av).days))
            l["availableFrom"] = av.isoformat()
            if RNG.random() < 0.35:
                l["startBy"] = (av + dt.timedelta(days=RNG.randint(14, 45))).isoformat()
        r = RNG.random()
        l["mode"] = "inPerson" if r < 0.10 else ("remote" if r < 0.20 else "any")
        if RNG.random() < 0.04:
            l["maxTravelKm"] = RNG.choice([40, 60, 150])
        learners.append(l)

    # A few learners whose contract ends: finishBy = end of the month after the earliest end
    # of a session they could start, plus some slack.
    for l in learners:
        if "availableFrom" not in l or RNG.random() >= 0.06:
            continue
        h = h_by_id[l["structure"]]
        ends = [info[sid]["end"] for sid, _ in options(l, h, sessions, info)]
        if ends:
            l["finishBy"] = month_end(min(ends) + dt.timedelta(days=RNG.randint(0, 25))).isoformat()

    # A handful made deliberately hard (unassigned reasons get exercised).
    first_420 = min(info[s["id"]]["start"] for s in sessions if s["path"] == 420)
    carhaix = [l for l in learners if "Carhaix" in h_by_id[l["structure"]]["name"]][0]
    special = [learners[36], learners[120], carhaix, learners[257]]
    assert len({id(x) for x in special}) == 4
    # 1. 420 h path, must start before the first 420 h session.
    special[0].update(path=420, availableFrom="2027-01-04",
                      startBy=(first_420 - dt.timedelta(days=3)).isoformat(), mode="any")
    special[0].pop("finishBy", None)
    # 2. contract ends before any 420 h session can end.
    special[1].update(path=420, availableFrom="2027-01-04", finishBy="2027-03-31", mode="any")
    special[1].pop("startBy", None)
    # 3. in person only, but will not travel more than 15 km (Carhaix-Plouguer is far from sites).
    special[2].update(mode="inPerson", maxTravelKm=15)
    # 4. remote only, 350 h, must start in a two-week window without any 350 h session.
    special[3].update(path=350, mode="remote")
    special[3].pop("finishBy", None)
    starts_350 = sorted({info[s["id"]]["start"] for s in sessions if s["path"] == 350})
    gap = max(zip(starts_350, starts_350[1:]), key=lambda p: (p[1] - p[0]).days)
    special[3]["availableFrom"] = (gap[0] + dt.timedelta(days=1)).isoformat()
    special[3]["startBy"] = (gap[1] - dt.timedelta(days=1)).isoformat()

    # Key order as in the spec.
    order = ["id", "name", "structure", "path", "availableFrom", "startBy", "finishBy", "mode",
             "maxTravelKm", "assigned"]
    learners = [{k: l[k] for k in order if k in l} for l in learners]
    return learners, [l["id"] for l in special]


def pin_some(learners, structures, sessions, info):
    """Pin 3 learners on eligible seats: two in person (Rennes, Brest), one remote."""
    h_by_id = {h["id"]: h for h in structures}
    s_by_id = {s["id"]: s for s in sessions}
    wanted = [("RENNES", "inPerson"), ("BREST", "inPerson"), (None, "remote")]
    used_sessions = set()
    pinned = []
    for site_id, mode in wanted:
        done = False
        for l in learners:
            if done:
                break
            h = h_by_id[l["structure"]]
            if "assigned" in l or "maxAbsent" in h or "availableFrom" not in l:
                continue
            for sid, m in options(l, h, sessions, info):
                s = s_by_id[sid]
                if m != mode or s["site"] != site_id or sid in used_sessions:
                    continue
                if s.get("minSize", 0) > 0 or s["capacity"][mode] < 1:
                    continue
                l["assigned"] = {"session": sid, "mode": mode}
                used_sessions.add(sid)
                pinned.append(l["id"])
                done = True
                break
        assert done, "no pin found for %s" % (site_id,)
    return pinned


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "instances", "bretagne.json")
    sessions, info = build_sessions()
    structures = build_structures()
    learners, special = build_learners(structures, sessions, info)
    pinned = pin_some(learners, structures, sessions, info)

    # Structure key order as in the spec.
    order = ["id", "name", "territory", "lat", "lon", "maxTravelKm", "alternationDays",
             "maxAbsent"]
    structures = [{k: h[k] for k in order if k in h} for h in structures]

    instance = {
        "name": "Bretagne, janvier 2027",
        "paths": PATHS,
        "calendar": {"workdays": WORKDAYS, "holidays": "FR", "closures": []},
        "weights": {"unassigned": 100000, "remote": 1000, "perKm": 2, "perWaitingDay": 10,
                    "openSession": 0},
        "defaults": {"maxTravelKm": DEFAULT_MAX_TRAVEL_KM, "hoursPerDay": DEFAULT_HOURS_PER_DAY,
                     "trainingWeekdays": DEFAULT_TRAINING},
        "organisations": ORGANISATIONS,
        "sites": SITES,
        "sessions": sessions,
        "structures": structures,
        "learners": learners,
    }

    # Sanity checks.
    for key in ("organisations", "sites", "sessions", "structures", "learners"):
        ids = [x["id"] for x in instance[key]]
        assert len(ids) == len(set(ids)), key
    h_by_id = {h["id"]: h for h in structures}
    for l in learners:
        for a, b in (("availableFrom", "startBy"), ("availableFrom", "finishBy")):
            if a in l and b in l:
                assert l[a] <= l[b], l["id"]

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(instance, f, ensure_ascii=False, indent=2)
        f.write("\n")

    no_option = [l["id"] for l in learners
                 if not options(l, h_by_id[l["structure"]], sessions, info)]
    no_in_person = [l["id"] for l in learners
                    if not any(m == "inPerson" for _, m in
                               options(l, h_by_id[l["structure"]], sessions, info))]
    print("wrote %s" % os.path.normpath(out))
    print("organisations %d, sites %d, sessions %d (remote-only %d), structures %d, learners %d"
          % (len(ORGANISATIONS), len(SITES), len(sessions),
             sum(1 for s in sessions if s["site"] is None), len(structures), len(learners)))
    print("pinned: %s" % ", ".join(pinned))
    print("deliberately hard: %s" % ", ".join(special))
    print("learners with no eligible (session, mode): %d %s" % (len(no_option), no_option))
    print("learners with no eligible in-person seat: %d" % len(no_in_person))


if __name__ == "__main__":
    main()
