namespace Ent.Samples.DepartmentHost.Generation;

/// <summary>The names the generator picks from (fictitious people of a department of Île-de-France), and its places.</summary>
internal static class FrenchNames
{
    public static readonly string[] GivenNames =
    [
        "Adam", "Aya", "Lina", "Mohamed", "Inès", "Rayan", "Sarah", "Yanis", "Jade", "Noah", "Maïssa", "Ibrahim", "Léa", "Amir", "Chloé",
        "Moussa", "Emma", "Ilyes", "Fatoumata", "Lucas", "Nour", "Sofiane", "Manon", "Kylian", "Yasmine", "Hugo", "Aminata", "Bilal", "Camille",
        "Enzo", "Kenza", "Théo", "Mariam", "Nathan", "Assia", "Ethan", "Salma", "Gabriel", "Anaïs", "Wassim", "Louise", "Ismaël", "Zoé", "Mehdi",
        "Awa", "Louis", "Rania", "Samuel", "Hawa", "Tom", "Imane", "Ryan", "Clara", "Ayoub", "Eva", "Daniel", "Khadija", "Arthur", "Sirine", "Jules",
    ];

    public static readonly string[] AdultGivenNames =
    [
        "Karim", "Nadia", "Christophe", "Fatima", "Stéphane", "Sandrine", "Mamadou", "Nathalie", "Rachid", "Isabelle", "Samir", "Véronique",
        "Olivier", "Malika", "Frédéric", "Aïcha", "Sébastien", "Céline", "Abdel", "Valérie", "Laurent", "Souad", "Thierry", "Sylvie", "Moustapha",
        "Catherine", "David", "Leïla", "Nicolas", "Hélène", "Djamel", "Martine", "Patrick", "Samia", "Julien", "Anne",
    ];

    public static readonly string[] FamilyNames =
    [
        "Martin", "Bernard", "Benali", "Diallo", "Traoré", "Nguyen", "Dubois", "Moreau", "Haddad", "Cissé", "Laurent", "Simon", "Mendy", "Rodrigues",
        "Michel", "Lefèvre", "Kone", "Bouzid", "Garcia", "Fofana", "Leroy", "Roux", "Camara", "Da Silva", "David", "Bertrand", "Mansouri", "Petit",
        "Sylla", "Fontaine", "Chevalier", "Keita", "Robin", "Ferreira", "Lambert", "Belkacem", "Girard", "Sow", "Bonnet", "Dupont", "Saidi", "Morel",
        "Coulibaly", "Fournier", "Rousseau", "Pereira", "Mercier", "Ba", "Blanc", "Guerin", "Amrani", "Boyer", "Touré", "Garnier", "Chaouche", "Faure",
        "Andre", "Dembélé", "Legrand", "Zerrouki", "Gauthier", "Ndiaye", "Perrin", "Barbier", "Mekki", "Clément", "Sissoko", "Morin", "Lopez", "Aubert",
        "Hamdi", "Colin", "Kanté", "Henry", "Mathieu", "Rahmani", "Masson", "Doucouré", "Marchand", "Tran",
    ];

    /// <summary>People collèges of the department are named after.</summary>
    public static readonly string[] Namesakes =
    [
        "Jean Jaurès", "Louise Michel", "Olympe de Gouges", "Paul Éluard", "Pablo Neruda", "Jean Moulin", "Marie Curie", "Victor Hugo", "Aimé Césaire",
        "Lucie Aubrac", "Jules Ferry", "Romain Rolland", "Henri Wallon", "Elsa Triolet", "Gustave Courbet", "Jacques Prévert", "Georges Brassens",
        "Federico García Lorca", "Rosa Parks", "Nelson Mandela", "Anatole France", "Langevin-Wallon", "Gabriel Péri", "Joliot-Curie", "Robespierre",
        "Émile Zola", "Jean Vilar", "Simone Veil", "Christine de Pizan", "Gisèle Halimi", "Toussaint Louverture", "Pierre Sémard", "Iqbal Masih",
        "Lise Londres", "Danielle Casanova", "Colonel Fabien", "Honoré de Balzac", "Jean Renoir", "Voltaire", "Alexandre Dumas",
    ];

    /// <summary>Communes of Seine-Saint-Denis and their postcodes.</summary>
    public static readonly (string Commune, string Postcode)[] Communes =
    [
        ("Saint-Denis", "93200"), ("Montreuil", "93100"), ("Bobigny", "93000"), ("Aubervilliers", "93300"), ("Aulnay-sous-Bois", "93600"),
        ("Drancy", "93700"), ("Noisy-le-Grand", "93160"), ("Pantin", "93500"), ("Bondy", "93140"), ("Épinay-sur-Seine", "93800"),
        ("Sevran", "93270"), ("Le Blanc-Mesnil", "93150"), ("Saint-Ouen-sur-Seine", "93400"), ("Rosny-sous-Bois", "93110"), ("Bagnolet", "93170"),
        ("Stains", "93240"), ("La Courneuve", "93120"), ("Villepinte", "93420"), ("Livry-Gargan", "93190"), ("Tremblay-en-France", "93290"),
        ("Noisy-le-Sec", "93130"), ("Clichy-sous-Bois", "93390"), ("Pierrefitte-sur-Seine", "93380"), ("Romainville", "93230"), ("Gagny", "93220"),
        ("Montfermeil", "93370"), ("Le Pré-Saint-Gervais", "93310"), ("Villemomble", "93250"), ("Neuilly-sur-Marne", "93330"), ("Les Lilas", "93260"),
    ];

    public static readonly string[] Streets =
    [
        "rue de la République", "avenue Jean Jaurès", "rue Gabriel Péri", "boulevard Lénine", "rue Paul Vaillant-Couturier", "avenue de Paris",
        "rue Pasteur", "allée des Tilleuls", "rue Victor Hugo", "avenue du Général de Gaulle", "rue de Stalingrad", "place de la Libération",
    ];
}
