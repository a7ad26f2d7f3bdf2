"""Built-in vocabularies and name lists: the starting taxonomy (editors change it afterwards),
the demo records and the synthetic generator draw from them.

Each term: a key (its French slug) and, per language, label, slug, synonyms and the name of
someone who practises it (used to write headlines).
"""

# key: {lang: (label, slug, synonyms, role)}
SKILLS = {
    "comptabilite": {
        "fr": ("Comptabilité", "comptabilite", "comptable, expert-comptable, fiscalité, bilan", "Comptable"),
        "nl": ("Boekhouding", "boekhouding", "boekhouder, accountant, fiscaliteit, jaarrekening", "Boekhouder"),
        "en": ("Accounting", "accounting", "accountant, bookkeeping, bookkeeper, tax", "Accountant"),
    },
    "developpement-web": {
        "fr": ("Développement web", "developpement-web", "développeur, développeuse, site internet, programmation, django, javascript", "Développeur web"),
        "nl": ("Webontwikkeling", "webontwikkeling", "webontwikkelaar, ontwikkelaar, website, programmeur", "Webontwikkelaar"),
        "en": ("Web development", "web-development", "web developer, developer, website, programming, frontend, backend", "Web developer"),
    },
    "applications-mobiles": {
        "fr": ("Applications mobiles", "applications-mobiles", "appli, android, ios, smartphone", "Développeuse d'applications"),
        "nl": ("Mobiele apps", "mobiele-apps", "app, android, ios, smartphone", "App-ontwikkelaar"),
        "en": ("Mobile apps", "mobile-apps", "app, android, ios, smartphone", "Mobile developer"),
    },
    "graphisme": {
        "fr": ("Graphisme", "graphisme", "graphiste, design graphique, identité visuelle, mise en page", "Graphiste"),
        "nl": ("Grafisch ontwerp", "grafisch-ontwerp", "grafisch ontwerper, vormgeving, huisstijl, lay-out", "Grafisch ontwerper"),
        "en": ("Graphic design", "graphic-design", "graphic designer, branding, visual identity, layout", "Graphic designer"),
    },
    "design-ux": {
        "fr": ("Design UX", "design-ux", "ergonomie, expérience utilisateur, ux, ui, maquettes", "Designer UX"),
        "nl": ("UX-design", "ux-design", "gebruikerservaring, ux, ui, wireframes", "UX-ontwerper"),
        "en": ("UX design", "ux-design", "user experience, ux, ui, wireframes, usability", "UX designer"),
    },
    "illustration": {
        "fr": ("Illustration", "illustration", "illustratrice, illustrateur, dessin, bande dessinée", "Illustratrice"),
        "nl": ("Illustratie", "illustratie", "illustrator, tekenaar, strip", "Illustrator"),
        "en": ("Illustration", "illustration", "illustrator, drawing, comics", "Illustrator"),
    },
    "photographie": {
        "fr": ("Photographie", "photographie", "photographe, reportage, portrait", "Photographe"),
        "nl": ("Fotografie", "fotografie", "fotograaf, reportage, portret", "Fotograaf"),
        "en": ("Photography", "photography", "photographer, reportage, portrait", "Photographer"),
    },
    "video": {
        "fr": ("Production vidéo", "production-video", "vidéaste, montage, film, motion design", "Vidéaste"),
        "nl": ("Videoproductie", "videoproductie", "videomaker, montage, film, motion design", "Videomaker"),
        "en": ("Video production", "video-production", "videographer, editing, film, motion design", "Video producer"),
    },
    "marketing-numerique": {
        "fr": ("Marketing numérique", "marketing-numerique", "marketing digital, réseaux sociaux, référencement, seo, e-branding", "Consultante en marketing numérique"),
        "nl": ("Digitale marketing", "digitale-marketing", "online marketing, sociale media, zoekmachineoptimalisatie, seo, e-branding", "Digitale marketeer"),
        "en": ("Digital marketing", "digital-marketing", "online marketing, social media, search engine optimisation, seo, e-branding", "Digital marketer"),
    },
    "redaction": {
        "fr": ("Rédaction", "redaction", "rédacteur, rédactrice, contenus, copywriting, journalisme", "Rédactrice"),
        "nl": ("Copywriting", "copywriting", "tekstschrijver, redactie, content, journalistiek", "Tekstschrijver"),
        "en": ("Copywriting", "copywriting", "copywriter, content writing, editing, journalism", "Copywriter"),
    },
    "traduction": {
        "fr": ("Traduction", "traduction", "traducteur, traductrice, interprète, interprétation", "Traductrice"),
        "nl": ("Vertaling", "vertaling", "vertaler, tolk, tolken", "Vertaler"),
        "en": ("Translation", "translation", "translator, interpreter, interpreting, localisation", "Translator"),
    },
    "gestion-de-projet": {
        "fr": ("Gestion de projet", "gestion-de-projet", "chef de projet, cheffe de projet, agile, scrum, planification", "Cheffe de projet"),
        "nl": ("Projectbeheer", "projectbeheer", "projectleider, projectmanager, agile, scrum, planning", "Projectleider"),
        "en": ("Project management", "project-management", "project manager, agile, scrum, planning", "Project manager"),
    },
    "coaching": {
        "fr": ("Coaching", "coaching", "coach, accompagnement, développement personnel", "Coach"),
        "nl": ("Coaching", "coaching", "coach, begeleiding, persoonlijke ontwikkeling", "Coach"),
        "en": ("Coaching", "coaching", "coach, mentoring, personal development", "Coach"),
    },
    "conseil-juridique": {
        "fr": ("Conseil juridique", "conseil-juridique", "avocat, avocate, juriste, droit des sociétés, contrats", "Juriste"),
        "nl": ("Juridisch advies", "juridisch-advies", "advocaat, jurist, vennootschapsrecht, contracten", "Jurist"),
        "en": ("Legal advice", "legal-advice", "lawyer, legal counsel, company law, contracts", "Lawyer"),
    },
    "ressources-humaines": {
        "fr": ("Ressources humaines", "ressources-humaines", "rh, recrutement, recruteur, paie", "Consultant RH"),
        "nl": ("Human resources", "human-resources", "hr, personeelszaken, rekrutering, recruiter", "HR-consultant"),
        "en": ("Human resources", "human-resources", "hr, recruitment, recruiter, payroll", "HR consultant"),
    },
    "vente": {
        "fr": ("Vente et prospection", "vente", "commercial, commerciale, prospection, négociation", "Commerciale"),
        "nl": ("Verkoop", "verkoop", "verkoper, prospectie, onderhandeling, sales", "Verkoper"),
        "en": ("Sales", "sales", "salesperson, business development, prospecting, negotiation", "Sales consultant"),
    },
    "financement": {
        "fr": ("Financement et subsides", "financement", "levée de fonds, crowdfunding, subventions, interreg, feder", "Conseiller en financement"),
        "nl": ("Financiering en subsidies", "financiering", "fondsenwerving, crowdfunding, subsidies, interreg, efro", "Financieringsadviseur"),
        "en": ("Funding and grants", "funding", "fundraising, crowdfunding, grants, subsidies, interreg, erdf", "Funding adviser"),
    },
    "strategie": {
        "fr": ("Stratégie d'entreprise", "strategie", "business plan, plan d'affaires, création d'entreprise, conseil", "Consultante en stratégie"),
        "nl": ("Bedrijfsstrategie", "bedrijfsstrategie", "ondernemingsplan, businessplan, ondernemen, advies", "Strategisch adviseur"),
        "en": ("Business strategy", "business-strategy", "business plan, start-up, consulting, entrepreneurship", "Strategy consultant"),
    },
    "commerce-international": {
        "fr": ("Commerce international", "commerce-international", "export, import, douane, transfrontalier", "Conseiller export"),
        "nl": ("Internationale handel", "internationale-handel", "export, import, douane, grensoverschrijdend", "Exportadviseur"),
        "en": ("International trade", "international-trade", "export, import, customs, cross-border", "Export adviser"),
    },
    "donnees": {
        "fr": ("Analyse de données", "analyse-de-donnees", "data, données, statistiques, intelligence artificielle, ia, python", "Analyste de données"),
        "nl": ("Data-analyse", "data-analyse", "data, gegevens, statistiek, artificiële intelligentie, ai, python", "Data-analist"),
        "en": ("Data analysis", "data-analysis", "data, data science, statistics, artificial intelligence, ai, python", "Data analyst"),
    },
    "cybersecurite": {
        "fr": ("Cybersécurité", "cybersecurite", "sécurité informatique, rgpd, protection des données", "Experte en cybersécurité"),
        "nl": ("Cyberbeveiliging", "cyberbeveiliging", "informatiebeveiliging, gdpr, avg, gegevensbescherming", "Beveiligingsexpert"),
        "en": ("Cybersecurity", "cybersecurity", "information security, gdpr, data protection", "Security expert"),
    },
    "e-commerce": {
        "fr": ("E-commerce", "e-commerce", "boutique en ligne, vente en ligne, webshop", "Consultant e-commerce"),
        "nl": ("E-commerce", "e-commerce", "webwinkel, onlineverkoop, webshop", "E-commerceconsultant"),
        "en": ("E-commerce", "e-commerce", "online shop, online sales, webshop", "E-commerce consultant"),
    },
    "animation": {
        "fr": ("Animation de communauté", "animation-de-communaute", "community manager, animatrice, événements, facilitation", "Animatrice de communauté"),
        "nl": ("Communitybeheer", "communitybeheer", "community manager, evenementen, facilitatie", "Communitymanager"),
        "en": ("Community management", "community-management", "community manager, events, facilitation", "Community manager"),
    },
    "formation": {
        "fr": ("Formation", "formation", "formateur, formatrice, enseignement, atelier", "Formatrice"),
        "nl": ("Opleiding", "opleiding", "trainer, lesgever, onderwijs, workshop", "Trainer"),
        "en": ("Training", "training", "trainer, teaching, workshop", "Trainer"),
    },
    "architecture": {
        "fr": ("Architecture", "architecture", "architecte, rénovation, urbanisme", "Architecte"),
        "nl": ("Architectuur", "architectuur", "architect, renovatie, stedenbouw", "Architect"),
        "en": ("Architecture", "architecture", "architect, renovation, urban planning", "Architect"),
    },
    "fabrication-numerique": {
        "fr": ("Fabrication numérique", "fabrication-numerique", "impression 3d, fablab, découpe laser, prototypage", "Fabmanager"),
        "nl": ("Digitale fabricage", "digitale-fabricage", "3d-printen, fablab, lasersnijden, prototypes", "Fablab-manager"),
        "en": ("Digital fabrication", "digital-fabrication", "3d printing, fablab, laser cutting, prototyping", "Maker"),
    },
    "durabilite": {
        "fr": ("Conseil en durabilité", "durabilite", "rse, économie circulaire, transition écologique, bilan carbone", "Consultante en durabilité"),
        "nl": ("Duurzaamheidsadvies", "duurzaamheid", "mvo, circulaire economie, klimaat, co2-voetafdruk", "Duurzaamheidsadviseur"),
        "en": ("Sustainability consulting", "sustainability", "csr, circular economy, climate, carbon footprint", "Sustainability consultant"),
    },
    "recherche": {
        "fr": ("Recherche scientifique", "recherche", "chercheur, chercheuse, université, laboratoire, doctorat", "Chercheuse"),
        "nl": ("Wetenschappelijk onderzoek", "onderzoek", "onderzoeker, universiteit, labo, doctoraat", "Onderzoeker"),
        "en": ("Research", "research", "researcher, university, lab, phd", "Researcher"),
    },
}

SECTORS = {
    "industries-creatives": {
        "fr": ("Industries créatives", "industries-creatives", "culture, design, médias, création"),
        "nl": ("Creatieve industrie", "creatieve-industrie", "cultuur, design, media, creatieve sector"),
        "en": ("Creative industries", "creative-industries", "culture, design, media, creative sector"),
    },
    "numerique": {
        "fr": ("Numérique", "numerique", "informatique, tic, digital, logiciel"),
        "nl": ("Digitale sector", "digitale-sector", "ict, informatica, software"),
        "en": ("Digital and ICT", "digital-ict", "ict, software, tech, it"),
    },
    "agroalimentaire": {
        "fr": ("Agroalimentaire", "agroalimentaire", "alimentation, agriculture, circuits courts, brasserie"),
        "nl": ("Voeding en landbouw", "voeding-en-landbouw", "voeding, landbouw, korte keten, brouwerij"),
        "en": ("Food and agriculture", "food-agriculture", "food, farming, short supply chains, brewery"),
    },
    "construction": {
        "fr": ("Construction", "construction", "bâtiment, btp, rénovation"),
        "nl": ("Bouw", "bouw", "bouwsector, renovatie"),
        "en": ("Construction", "construction", "building, renovation"),
    },
    "sante": {
        "fr": ("Santé et soins", "sante", "médical, soins, bien-être, e-santé"),
        "nl": ("Gezondheidszorg", "gezondheidszorg", "zorg, medisch, welzijn, e-health"),
        "en": ("Health and care", "health-care", "medical, care, wellbeing, e-health"),
    },
    "education": {
        "fr": ("Éducation et formation", "education", "enseignement, école, université"),
        "nl": ("Onderwijs en opleiding", "onderwijs", "school, universiteit, hogeschool"),
        "en": ("Education and training", "education", "school, university, teaching"),
    },
    "tourisme": {
        "fr": ("Tourisme et culture", "tourisme", "patrimoine, musées, hôtellerie"),
        "nl": ("Toerisme en cultuur", "toerisme", "erfgoed, musea, horeca"),
        "en": ("Tourism and culture", "tourism", "heritage, museums, hospitality"),
    },
    "energie": {
        "fr": ("Énergie et environnement", "energie", "énergies renouvelables, climat, environnement"),
        "nl": ("Energie en milieu", "energie", "hernieuwbare energie, klimaat, milieu"),
        "en": ("Energy and environment", "energy", "renewable energy, climate, environment"),
    },
    "commerce": {
        "fr": ("Commerce de détail", "commerce", "magasin, retail, distribution"),
        "nl": ("Detailhandel", "detailhandel", "winkel, retail, distributie"),
        "en": ("Retail", "retail", "shop, distribution, commerce"),
    },
    "logistique": {
        "fr": ("Logistique et transport", "logistique", "transport, mobilité, entrepôt"),
        "nl": ("Logistiek en transport", "logistiek", "transport, mobiliteit, magazijn"),
        "en": ("Logistics and transport", "logistics", "transport, mobility, warehousing"),
    },
    "economie-sociale": {
        "fr": ("Économie sociale", "economie-sociale", "coopérative, asbl, association, insertion"),
        "nl": ("Sociale economie", "sociale-economie", "coöperatie, vzw, vereniging"),
        "en": ("Social economy", "social-economy", "cooperative, non-profit, association"),
    },
    "finance": {
        "fr": ("Finance et assurance", "finance", "banque, assurance, fintech"),
        "nl": ("Financiën en verzekeringen", "financien", "bank, verzekering, fintech"),
        "en": ("Finance and insurance", "finance", "banking, insurance, fintech"),
    },
    "industrie": {
        "fr": ("Industrie manufacturière", "industrie", "usine, production, mécanique"),
        "nl": ("Maakindustrie", "maakindustrie", "fabriek, productie, mechanica"),
        "en": ("Manufacturing", "manufacturing", "factory, production, engineering"),
    },
    "textile": {
        "fr": ("Textile et mode", "textile", "mode, couture, vêtements"),
        "nl": ("Textiel en mode", "textiel", "mode, kleding, confectie"),
        "en": ("Textile and fashion", "textile-fashion", "fashion, clothing, garments"),
    },
    "secteur-public": {
        "fr": ("Secteur public", "secteur-public", "administration, collectivités, commune"),
        "nl": ("Openbare sector", "openbare-sector", "overheid, administratie, gemeente"),
        "en": ("Public sector", "public-sector", "government, administration, local authorities"),
    },
}

# Where people live, by region: (city, country, language written in).
REGIONS = {
    "wallonia": {
        "country": "BE",
        "language": "fr",
        "cities": ["Tournai", "Mons", "Charleroi", "La Louvière", "Namur", "Liège", "Mouscron",
                   "Ath", "Binche", "Nivelles", "Soignies", "Péruwelz", "Wavre", "Louvain-la-Neuve"],
        "first_names": ["Antoine", "Camille", "Julien", "Sophie", "Nicolas", "Marie", "Maxime",
                        "Laura", "Thomas", "Julie", "Benoît", "Aurélie", "Olivier", "Céline",
                        "Sébastien", "Émilie", "Arnaud", "Nathalie", "Quentin", "Manon", "Martin",
                        "Élodie", "Florian", "Charlotte", "Gauthier", "Pauline", "Cédric",
                        "Amandine", "Jérôme", "Lucie"],
        "last_names": ["Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Lejeune",
                       "Renard", "Leclercq", "Denis", "Lemaire", "Collard", "Mathieu", "Hardy",
                       "François", "Henry", "Gilson", "Piron", "Delhaye", "Masson", "Dumont",
                       "Noël", "Lecomte", "Delvaux", "Jacquemin", "Hubert", "Marchal", "Goffin",
                       "Wilmet", "Bastin"],
        "spaces": ["Tournai", "Charleroi", "La Louvière", "Mons"],
    },
    "flanders": {
        "country": "BE",
        "language": "nl",
        "cities": ["Kortrijk", "Gent", "Brugge", "Ieper", "Roeselare", "Waregem", "Oudenaarde",
                   "Menen", "Ronse", "Poperinge", "Antwerpen", "Leuven"],
        "first_names": ["Jan", "Pieter", "Lotte", "Sofie", "Wout", "Elke", "Bram", "Lien", "Tom",
                        "An", "Koen", "Griet", "Thomas", "Sara", "Stijn", "Eline", "Jens", "Femke",
                        "Ruben", "Hanne", "Kobe", "Nele", "Joris", "Inge", "Dries", "Leen", "Arne",
                        "Ine", "Senne", "Marthe"],
        "last_names": ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
                       "Goossens", "Wouters", "De Smet", "Vermeulen", "Van den Broeck", "Hermans",
                       "Desmet", "Pauwels", "Verhoeven", "De Clercq", "Van Damme", "Lemmens",
                       "Vandenberghe", "Claeys", "Michiels", "Aerts", "Verstraete", "Van Acker",
                       "Smets", "Coppens", "De Backer", "Vanhoutte", "Debruyne"],
        "spaces": ["Tournai", "Lille", "Mons"],
    },
    "north-of-france": {
        "country": "FR",
        "language": "fr",
        "cities": ["Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Valenciennes", "Douai",
                   "Lens", "Arras", "Dunkerque", "Armentières", "Maubeuge", "Cambrai"],
        "first_names": ["Lucas", "Chloé", "Hugo", "Léa", "Théo", "Inès", "Mathis", "Clara",
                        "Romain", "Anaïs", "Alexandre", "Justine", "Kevin", "Margaux", "Guillaume",
                        "Océane", "Vincent", "Mélanie", "Pierre", "Jade", "Baptiste", "Zoé",
                        "Damien", "Élise", "Adrien", "Coralie", "Loïc", "Audrey", "Yann", "Fanny"],
        "last_names": ["Lefebvre", "Leroy", "Delattre", "Vasseur", "Lefèvre", "Caron", "Duhamel",
                       "Deschamps", "Leclerc", "Dewaele", "Delcroix", "Delporte", "Carpentier",
                       "Dufour", "Bernard", "Petit", "Fontaine", "Lecocq", "Duquesne", "Roussel",
                       "Decroix", "Lagache", "Hennebelle", "Delannoy", "Bourgeois", "Legrand",
                       "Wattel", "Dhainaut", "Crépin", "Lesage"],
        "spaces": ["Lille", "Tournai"],
    },
    "international": {
        "country": "BE",
        "language": "en",
        "cities": ["Lille", "Mons", "Tournai", "Kortrijk", "Charleroi"],
        "first_names": ["Emma", "Daniel", "Anna", "Marco", "Aisha", "Mehmet", "Katarzyna", "João",
                        "Sarah", "Luca", "Fatima", "Jonas", "Elena", "Omar", "Hannah"],
        "last_names": ["Rossi", "Kowalski", "Yilmaz", "Silva", "Smith", "Müller", "Haddad",
                       "Nowak", "García", "O'Brien", "Schmidt", "Novak", "Costa", "Ibrahim",
                       "Andersen"],
        "spaces": ["Lille", "Mons", "Charleroi"],
    },
}
# Share of people per region in generated directories.
REGION_WEIGHTS = {"wallonia": 45, "flanders": 25, "north-of-france": 25, "international": 5}
