// FrenchGeography: the 13 metropolitan regions, the 96 metropolitan départements (codes "01".."95",
// with "2A" and "2B" for Corsica) with their prefecture and its approximate town-centre
// coordinates (WGS84), and five overseas départements (used by the national profiles only,
// as territories whose learners can only be trained remotely). Populations are approximate
// (thousands of inhabitants, early 2020s) and only weight where `plan generate` draws host
// structures; the prefectures also tell when a structure or site seems misplaced (Warnings.swift).

/// A French region.
public struct Region: Sendable {
    public var name: String
}

/// A French département.
public struct Departement: Sendable {
    public var code: String
    public var name: String
    public var prefecture: String
    public var lat: Double
    public var lon: Double
    /// Thousands of inhabitants (approximate).
    public var population: Int
    /// Index into `Geography.regions`; nil overseas.
    public var region: Int?
}

public enum FrenchGeography {
    /// The 13 metropolitan regions, in alphabetical order.
    public static let regions: [Region] = [
        Region(name: "Auvergne-Rhône-Alpes"),
        Region(name: "Bourgogne-Franche-Comté"),
        Region(name: "Bretagne"),
        Region(name: "Centre-Val de Loire"),
        Region(name: "Corse"),
        Region(name: "Grand Est"),
        Region(name: "Hauts-de-France"),
        Region(name: "Île-de-France"),
        Region(name: "Normandie"),
        Region(name: "Nouvelle-Aquitaine"),
        Region(name: "Occitanie"),
        Region(name: "Pays de la Loire"),
        Region(name: "Provence-Alpes-Côte d'Azur"),
    ]

    // Region indices, for the table below.
    private static let ARA = 0, BFC = 1, BRE = 2, CVL = 3, COR = 4, GES = 5, HDF = 6, IDF = 7,
                        NOR = 8, NAQ = 9, OCC = 10, PDL = 11, PAC = 12

    private static func d(_ code: String, _ name: String, _ prefecture: String, _ lat: Double, _ lon: Double,
                          _ population: Int, _ region: Int?) -> Departement {
        Departement(code: code, name: name, prefecture: prefecture, lat: lat, lon: lon,
                    population: population, region: region)
    }

    /// The 96 metropolitan départements, sorted by code (byte order: "29" < "2A" < "2B" < "30").
    public static let metropolitan: [Departement] = [
        d("01", "Ain", "Bourg-en-Bresse", 46.2052, 5.2255, 657, ARA),
        d("02", "Aisne", "Laon", 49.5641, 3.6199, 531, HDF),
        d("03", "Allier", "Moulins", 46.5660, 3.3330, 335, ARA),
        d("04", "Alpes-de-Haute-Provence", "Digne-les-Bains", 44.0925, 6.2356, 166, PAC),
        d("05", "Hautes-Alpes", "Gap", 44.5594, 6.0786, 141, PAC),
        d("06", "Alpes-Maritimes", "Nice", 43.7102, 7.2620, 1098, PAC),
        d("07", "Ardèche", "Privas", 44.7353, 4.5992, 329, ARA),
        d("08", "Ardennes", "Charleville-Mézières", 49.7620, 4.7263, 270, GES),
        d("09", "Ariège", "Foix", 42.9653, 1.6072, 155, OCC),
        d("10", "Aube", "Troyes", 48.2973, 4.0744, 310, GES),
        d("11", "Aude", "Carcassonne", 43.2130, 2.3491, 375, OCC),
        d("12", "Aveyron", "Rodez", 44.3506, 2.5750, 280, OCC),
        d("13", "Bouches-du-Rhône", "Marseille", 43.2965, 5.3698, 2043, PAC),
        d("14", "Calvados", "Caen", 49.1829, -0.3707, 698, NOR),
        d("15", "Cantal", "Aurillac", 44.9264, 2.4397, 144, ARA),
        d("16", "Charente", "Angoulême", 45.6484, 0.1562, 351, NAQ),
        d("17", "Charente-Maritime", "La Rochelle", 46.1603, -1.1511, 657, NAQ),
        d("18", "Cher", "Bourges", 47.0810, 2.3988, 302, CVL),
        d("19", "Corrèze", "Tulle", 45.2658, 1.7722, 240, NAQ),
        d("21", "Côte-d'Or", "Dijon", 47.3220, 5.0415, 534, BFC),
        d("22", "Côtes-d'Armor", "Saint-Brieuc", 48.5141, -2.7603, 600, BRE),
        d("23", "Creuse", "Guéret", 46.1716, 1.8717, 116, NAQ),
        d("24", "Dordogne", "Périgueux", 45.1846, 0.7214, 413, NAQ),
        d("25", "Doubs", "Besançon", 47.2378, 6.0241, 543, BFC),
        d("26", "Drôme", "Valence", 44.9334, 4.8924, 519, ARA),
        d("27", "Eure", "Évreux", 49.0241, 1.1508, 599, NOR),
        d("28", "Eure-et-Loir", "Chartres", 48.4439, 1.4890, 431, CVL),
        d("29", "Finistère", "Quimper", 47.9960, -4.1024, 915, BRE),
        d("2A", "Corse-du-Sud", "Ajaccio", 41.9192, 8.7386, 160, COR),
        d("2B", "Haute-Corse", "Bastia", 42.6977, 9.4508, 182, COR),
        d("30", "Gard", "Nîmes", 43.8367, 4.3601, 752, OCC),
        d("31", "Haute-Garonne", "Toulouse", 43.6047, 1.4442, 1416, OCC),
        d("32", "Gers", "Auch", 43.6465, 0.5855, 192, OCC),
        d("33", "Gironde", "Bordeaux", 44.8378, -0.5792, 1637, NAQ),
        d("34", "Hérault", "Montpellier", 43.6108, 3.8767, 1185, OCC),
        d("35", "Ille-et-Vilaine", "Rennes", 48.1147, -1.6794, 1079, BRE),
        d("36", "Indre", "Châteauroux", 46.8103, 1.6913, 219, CVL),
        d("37", "Indre-et-Loire", "Tours", 47.3941, 0.6848, 610, CVL),
        d("38", "Isère", "Grenoble", 45.1885, 5.7245, 1276, ARA),
        d("39", "Jura", "Lons-le-Saunier", 46.6744, 5.5547, 259, BFC),
        d("40", "Landes", "Mont-de-Marsan", 43.8902, -0.4994, 418, NAQ),
        d("41", "Loir-et-Cher", "Blois", 47.5861, 1.3359, 329, CVL),
        d("42", "Loire", "Saint-Étienne", 45.4397, 4.3872, 765, ARA),
        d("43", "Haute-Loire", "Le Puy-en-Velay", 45.0434, 3.8855, 228, ARA),
        d("44", "Loire-Atlantique", "Nantes", 47.2184, -1.5536, 1450, PDL),
        d("45", "Loiret", "Orléans", 47.9029, 1.9093, 680, CVL),
        d("46", "Lot", "Cahors", 44.4475, 1.4419, 174, OCC),
        d("47", "Lot-et-Garonne", "Agen", 44.2033, 0.6163, 331, NAQ),
        d("48", "Lozère", "Mende", 44.5181, 3.5005, 76, OCC),
        d("49", "Maine-et-Loire", "Angers", 47.4784, -0.5632, 820, PDL),
        d("50", "Manche", "Saint-Lô", 49.1157, -1.0906, 495, NOR),
        d("51", "Marne", "Châlons-en-Champagne", 48.9566, 4.3631, 566, GES),
        d("52", "Haute-Marne", "Chaumont", 48.1113, 5.1392, 172, GES),
        d("53", "Mayenne", "Laval", 48.0707, -0.7734, 307, PDL),
        d("54", "Meurthe-et-Moselle", "Nancy", 48.6921, 6.1844, 734, GES),
        d("55", "Meuse", "Bar-le-Duc", 48.7727, 5.1604, 184, GES),
        d("56", "Morbihan", "Vannes", 47.6582, -2.7608, 759, BRE),
        d("57", "Moselle", "Metz", 49.1193, 6.1757, 1046, GES),
        d("58", "Nièvre", "Nevers", 46.9908, 3.1590, 202, BFC),
        d("59", "Nord", "Lille", 50.6292, 3.0573, 2609, HDF),
        d("60", "Oise", "Beauvais", 49.4295, 2.0807, 829, HDF),
        d("61", "Orne", "Alençon", 48.4329, 0.0913, 279, NOR),
        d("62", "Pas-de-Calais", "Arras", 50.2910, 2.7775, 1458, HDF),
        d("63", "Puy-de-Dôme", "Clermont-Ferrand", 45.7772, 3.0870, 663, ARA),
        d("64", "Pyrénées-Atlantiques", "Pau", 43.2951, -0.3708, 686, NAQ),
        d("65", "Hautes-Pyrénées", "Tarbes", 43.2328, 0.0781, 230, OCC),
        d("66", "Pyrénées-Orientales", "Perpignan", 42.6887, 2.8948, 482, OCC),
        d("67", "Bas-Rhin", "Strasbourg", 48.5734, 7.7521, 1141, GES),
        d("68", "Haut-Rhin", "Colmar", 48.0794, 7.3585, 767, GES),
        d("69", "Rhône", "Lyon", 45.7640, 4.8357, 1883, ARA),
        d("70", "Haute-Saône", "Vesoul", 47.6197, 6.1544, 235, BFC),
        d("71", "Saône-et-Loire", "Mâcon", 46.3069, 4.8287, 551, BFC),
        d("72", "Sarthe", "Le Mans", 48.0061, 0.1996, 566, PDL),
        d("73", "Savoie", "Chambéry", 45.5646, 5.9178, 439, ARA),
        d("74", "Haute-Savoie", "Annecy", 45.8992, 6.1294, 834, ARA),
        d("75", "Paris", "Paris", 48.8566, 2.3522, 2133, IDF),
        d("76", "Seine-Maritime", "Rouen", 49.4432, 1.0999, 1255, NOR),
        d("77", "Seine-et-Marne", "Melun", 48.5421, 2.6554, 1438, IDF),
        d("78", "Yvelines", "Versailles", 48.8049, 2.1204, 1448, IDF),
        d("79", "Deux-Sèvres", "Niort", 46.3237, -0.4588, 375, NAQ),
        d("80", "Somme", "Amiens", 49.8941, 2.2958, 568, HDF),
        d("81", "Tarn", "Albi", 43.9289, 2.1464, 390, OCC),
        d("82", "Tarn-et-Garonne", "Montauban", 44.0176, 1.3550, 261, OCC),
        d("83", "Var", "Toulon", 43.1242, 5.9280, 1077, PAC),
        d("84", "Vaucluse", "Avignon", 43.9493, 4.8055, 561, PAC),
        d("85", "Vendée", "La Roche-sur-Yon", 46.6705, -1.4260, 691, PDL),
        d("86", "Vienne", "Poitiers", 46.5802, 0.3404, 439, NAQ),
        d("87", "Haute-Vienne", "Limoges", 45.8336, 1.2611, 372, NAQ),
        d("88", "Vosges", "Épinal", 48.1724, 6.4496, 362, GES),
        d("89", "Yonne", "Auxerre", 47.7982, 3.5673, 335, BFC),
        d("90", "Territoire de Belfort", "Belfort", 47.6380, 6.8628, 141, BFC),
        d("91", "Essonne", "Évry-Courcouronnes", 48.6291, 2.4407, 1306, IDF),
        d("92", "Hauts-de-Seine", "Nanterre", 48.8924, 2.2071, 1625, IDF),
        d("93", "Seine-Saint-Denis", "Bobigny", 48.9077, 2.4397, 1655, IDF),
        d("94", "Val-de-Marne", "Créteil", 48.7904, 2.4556, 1407, IDF),
        d("95", "Val-d'Oise", "Cergy", 49.0364, 2.0761, 1249, IDF),
    ]

    /// Overseas départements (no training site: their learners are trained remotely).
    public static let overseas: [Departement] = [
        d("971", "Guadeloupe", "Basse-Terre", 15.9985, -61.7261, 384, nil),
        d("972", "Martinique", "Fort-de-France", 14.6161, -61.0588, 361, nil),
        d("973", "Guyane", "Cayenne", 4.9224, -52.3135, 286, nil),
        d("974", "La Réunion", "Saint-Denis", -20.8823, 55.4504, 868, nil),
        d("976", "Mayotte", "Mamoudzou", -12.7806, 45.2279, 300, nil),
    ]

    /// The départements of a region, in code order.
    /// The département of a territory code (`"35"`, `"2A"`, `"971"`), nil for any other text.
    public static func departement(code: String) -> Departement? { byCode[code] }

    private static let byCode: [String: Departement] = Dictionary(
        (metropolitan + overseas).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    public static func departements(of region: Int) -> [Departement] {
        metropolitan.filter { $0.region == region }
    }
}
