// Names: words to name organisations, host structures and learners. Only for readability; no
// rule depends on a name.

enum Names {
    static let organisationPatterns = [
        "Campus Numérique %", "Académie du Numérique %", "Inclusion Numérique Formation %",
        "Atelier Numérique %", "Fabrique Numérique %", "Institut de Médiation Numérique %",
    ]

    static let remoteOrganisation = "Campus Distanciel Inclusion Numérique"

    static let structureKinds = [
        "Mairie", "Médiathèque", "France Services", "CCAS", "Centre social",
        "Espace public numérique", "Maison des associations", "Association Familles Rurales",
        "Mission locale", "Bibliothèque municipale", "Centre culturel", "Point Information Jeunesse",
        "Communauté de communes", "Tiers-lieu",
    ]

    /// Kinds written "<kind> <town>" rather than "<kind> de <town>".
    static let kindsWithoutDe: Set<String> = ["France Services", "Association Familles Rurales", "Mission locale", "Tiers-lieu"]

    /// Common elements of French commune names, combined into plausible (not necessarily real) towns.
    static let townStems = [
        "Saint-Martin", "Saint-Julien", "Saint-Pierre", "Sainte-Marie", "Saint-Georges", "Saint-Laurent",
        "Saint-Germain", "Sainte-Croix", "Saint-Hilaire", "Saint-Aubin", "Villeneuve", "Beaumont",
        "Montigny", "Fontaine", "Châteauneuf", "La Chapelle", "Neuville", "Villers", "Bourg", "Mont",
        "Champagne", "Le Plessis", "La Roche", "Les Essarts", "Belleville", "Clairefontaine", "Rochefort",
        "Le Mesnil", "Vaux", "Bellevue", "Les Ormes", "Aubigny", "Fresnes", "Le Vernet", "Beaulieu",
        "Savigny", "Longpré", "Marcilly", "Chantemerle", "Brassac",
    ]

    static let townSuffixes = [
        "", "", "", "-sur-Loire", "-sur-Mer", "-les-Bains", "-en-Plaine", "-le-Château", "-la-Forêt",
        "-du-Bois", "-sur-Rivière", "-des-Prés", "-en-Vallée", "-le-Haut", "-le-Vieux", "-la-Rivière",
    ]

    static let firstNames = [
        "Camille", "Maël", "Nolwenn", "Erwan", "Yann", "Loïc", "Anaïs", "Ronan", "Morgane", "Léa",
        "Gaël", "Kévin", "Aurélie", "Thomas", "Élodie", "Mathieu", "Sarah", "Youssef", "Inès", "Hugo",
        "Chloé", "Julien", "Fatou", "Nicolas", "Émilie", "Samuel", "Manon", "Clémence", "Bastien",
        "Lucie", "Karim", "Pauline", "Dominique", "Florian", "Océane", "Pierre", "Marie", "Jean-Marc",
        "Aziz", "Sophie", "Corentin", "Laëtitia", "Justine", "Mehdi", "Amina", "Antoine", "Céline",
        "Romain", "Nadia", "Sébastien", "Aïcha", "Guillaume", "Margaux", "Jérôme", "Hélène", "Rémi",
        "Yasmine", "Maxime", "Agathe", "Olivier", "Salomé", "Théo", "Mélanie", "Vincent", "Zoé",
        "Benoît", "Isabelle", "Christophe", "Nathalie", "Ludovic", "Sandrine", "Franck", "Mireille",
        "Joseph", "Line", "Steeve", "Marlène", "Dylan", "Emma", "Louis", "Jade", "Gabriel", "Alice",
    ]

    static let lastNames = [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
        "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
        "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
        "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
        "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
        "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard",
        "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
        "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
        "Diallo", "Benali", "Nguyen", "Le Gall", "Le Goff", "Morvan", "Santini", "Casanova", "Etcheverry",
        "Haddad", "Traoré", "Payet", "Hoarau", "Grondin", "Pierre-Louis", "Moussa", "Ferreira", "Da Silva",
    ]

    /// "de Rennes", "d'Auray", "du Mesnil", "des Ormes", "de La Roche".
    static func of(_ town: String) -> String {
        if town.hasPrefix("Le ") { return "du " + town.dropFirst(3) }
        if town.hasPrefix("Les ") { return "des " + town.dropFirst(4) }
        if let first = town.first, "AEIOUYÉÈÊÂÎÔHaeiouy".contains(first) { return "d'" + town }
        return "de " + town
    }

    static func structureName(kind: String, town: String) -> String {
        kindsWithoutDe.contains(kind) ? "\(kind) \(town)" : "\(kind) \(of(town))"
    }
}
