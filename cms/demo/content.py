"""The demo content of COFFEE Hub, written in French with our own Dutch and English translations.

Every translatable text is a ``T(fr, nl, en)``. The loader builds the French pages from ``.fr``;
the translations go through wagtail-localize (see ``translation.py``) using the glossary that
``translations_for()`` derives from the same specs (French text -> {"nl": ..., "en": ...}).

Places and partners come from the project's documentation (see /work/shared/DOMAIN.md). Street
addresses are deliberately left out: only the city, its main postcode and approximate city-centre
coordinates are given. People named on the blog are fictional; links point to example.org.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator

from django.utils.text import slugify

LANGUAGES = ("fr", "nl", "en")
TARGET_LANGUAGES = ("nl", "en")


@dataclasses.dataclass(frozen=True)
class T:
    """One text in the three languages."""

    fr: str
    nl: str
    en: str

    def __str__(self) -> str:
        return self.fr


@dataclasses.dataclass(frozen=True)
class H2:
    text: T


@dataclasses.dataclass(frozen=True)
class UL:
    items: tuple[T, ...]


@dataclasses.dataclass(frozen=True)
class Quote:
    quote: T
    attribution: T


@dataclasses.dataclass(frozen=True)
class CallToAction:
    title: T
    text: T
    label: T
    page: str  # key of a page in PAGE_KEYS


@dataclasses.dataclass(frozen=True)
class Picture:
    image: str  # key in IMAGES
    alt_text: T
    caption: T


# --------------------------------------------------------------------------------------------
# Rendering the French source
# --------------------------------------------------------------------------------------------


def rich_text(*parts) -> str:
    """French HTML for a RichTextField: T -> <p>, H2 -> <h2>, UL -> <ul><li>."""
    html = []
    for part in parts:
        if isinstance(part, H2):
            html.append(f"<h2>{part.text.fr}</h2>")
        elif isinstance(part, UL):
            html.append("<ul>" + "".join(f"<li>{item.fr}</li>" for item in part.items) + "</ul>")
        else:
            html.append(f"<p>{part.fr}</p>")
    return "".join(html)


def walk_texts(value) -> Iterator[T]:
    """Every T inside nested specs (dicts, lists, tuples, dataclasses)."""
    if isinstance(value, T):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from walk_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from walk_texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec_field in dataclasses.fields(value):
            yield from walk_texts(getattr(value, spec_field.name))


def translated_slug(title: str) -> str:
    slug = slugify(title)
    if len(slug) > 80:
        slug = slug[:80].rsplit("-", 1)[0]
    return slug


def translations_for(spec) -> dict[str, dict[str, str]]:
    """French text -> {"nl": ..., "en": ...} for one page or snippet spec.

    A page whose ``slug`` is a plain string gets its slug translated from its translated title.
    """
    glossary: dict[str, dict[str, str]] = {}
    for text in walk_texts(spec):
        glossary.setdefault(text.fr, {"nl": text.nl, "en": text.en})
    if isinstance(spec, dict) and isinstance(spec.get("slug"), str) and "title" in spec:
        title = spec["title"]
        glossary[spec["slug"]] = {
            lang: translated_slug(getattr(title, lang)) for lang in ("nl", "en")
        }
    return glossary


# --------------------------------------------------------------------------------------------
# Shared vocabulary
# --------------------------------------------------------------------------------------------

WIFI = T("Wi-Fi très haut débit", "Supersnelle wifi", "High-speed Wi-Fi")
MEETING_ROOM = T("Salle de réunion", "Vergaderzaal", "Meeting room")
KITCHEN = T("Cuisine partagée", "Gedeelde keuken", "Shared kitchen")
PRINTER = T("Imprimante et scanner", "Printer en scanner", "Printer and scanner")
LOCKERS = T("Casiers individuels", "Persoonlijke lockers", "Personal lockers")
BIKES = T("Parking vélos", "Fietsenstalling", "Bike parking")
EVENT_ROOM = T("Salle d'événements", "Evenementenzaal", "Event space")
PHONE_BOOTHS = T("Cabines pour appels", "Belcabines", "Phone booths")
STATION = T(
    "À quelques minutes de la gare",
    "Op enkele minuten van het station",
    "A few minutes from the station",
)
TERRACE = T("Terrasse", "Terras", "Terrace")
TRAINING_ROOMS = T(
    "Salles de formation équipées", "Uitgeruste opleidingslokalen", "Equipped training rooms"
)
COMPUTER_LAB = T("Salle informatique", "Computerlokaal", "Computer lab")
WORKSHOP = T("Atelier de prototypage", "Prototypeatelier", "Prototyping workshop")
DOMICILIATION = T(
    "Domiciliation d'entreprise", "Domiciliëring van ondernemingen", "Business address service"
)
FREE = None  # events without a price are free

# --------------------------------------------------------------------------------------------
# Taxonomies, people, organisations, pictures
# --------------------------------------------------------------------------------------------

CATEGORIES = {
    "vie-des-espaces": {
        "name": T("Vie des espaces", "Leven in de ruimtes", "Life in the spaces"),
        "slug": T("vie-des-espaces", "leven-in-de-ruimtes", "life-in-the-spaces"),
    },
    "entrepreneuriat": {
        "name": T("Entrepreneuriat", "Ondernemerschap", "Entrepreneurship"),
        "slug": T("entrepreneuriat", "ondernemerschap", "entrepreneurship"),
    },
    "transfrontalier": {
        "name": T("Transfrontalier", "Grensoverschrijdend", "Cross-border"),
        "slug": T("transfrontalier", "grensoverschrijdend", "cross-border"),
    },
    "bonnes-pratiques": {
        "name": T("Bonnes pratiques", "Goede praktijken", "Good practices"),
        "slug": T("bonnes-pratiques", "goede-praktijken", "good-practices"),
    },
    "formation": {
        "name": T("Formation", "Opleiding", "Training"),
        "slug": T("formation", "opleiding", "training"),
    },
    "enquetes": {
        "name": T("Enquêtes", "Enquêtes", "Surveys"),
        "slug": T("enquetes", "enquetes", "surveys"),
    },
    "animation": {
        "name": T("Animation de communauté", "Gemeenschapsbeheer", "Community management"),
        "slug": T("animation-de-communaute", "gemeenschapsbeheer", "community-management"),
    },
}

AUTHORS = {
    "equipe": {
        "name": "Équipe COFFEE",
        "role": T("Coordination du réseau", "Netwerkcoördinatie", "Network coordination"),
        "image": None,
    },
    "claire": {
        "name": "Claire Vandamme",
        "role": T("Animatrice de communauté", "Community manager", "Community manager"),
        "image": "author-claire",
    },
    "marc": {
        "name": "Marc Lejeune",
        "role": T(
            "Chargé de projets transfrontaliers",
            "Projectleider grensoverschrijdende samenwerking",
            "Cross-border project officer",
        ),
        "image": "author-marc",
    },
    "sophie": {
        "name": "Sophie De Smet",
        "role": T(
            "Coworkeuse, consultante en organisation",
            "Coworker, organisatieadviseur",
            "Coworker, organisational consultant",
        ),
        "image": "author-sophie",
    },
}

PARTNERS = {
    "esco": {"name": "ESCO", "city": "Tournai", "country": "BE"},
    "switch": {"name": "Switch", "city": "Charleroi", "country": "BE"},
    "cowork-factory": {"name": "The Cowork Factory", "city": "La Louvière", "country": "BE"},
    "co-nnexion": {"name": "Co-nnexion", "city": "Mons", "country": "BE"},
    "mutualab": {"name": "Mutualab", "city": "Lille", "country": "FR"},
    "technocite": {"name": "Technocité", "city": "Mons", "country": "BE"},
    "pop": {"name": "PoP", "city": "Lille", "country": "FR"},
    "ideta": {"name": "IDETA", "city": "Tournai", "country": "BE"},
    "maison-entreprise": {"name": "La Maison de l'Entreprise", "city": "", "country": "BE"},
    "charleroi-entreprendre": {
        "name": "Charleroi Entreprendre",
        "city": "Charleroi",
        "country": "BE",
    },
    "cowallonia": {"name": "CoWallonia", "city": "", "country": "BE"},
    "flanders-dc": {"name": "Flanders DC", "city": "", "country": "BE"},
}

# key -> image spec; "label" is drawn on the picture, "title" names it in the image library.
IMAGES = {
    "space-esco": {"title": "ESCO, Tournai", "label": "ESCO", "colour": "#2a9d8f"},
    "space-switch": {"title": "Switch, Charleroi", "label": "Switch", "colour": "#e76f51"},
    "space-cowork-factory": {
        "title": "The Cowork Factory, La Louvière",
        "label": "The Cowork Factory",
        "colour": "#264653",
    },
    "space-co-nnexion": {"title": "Co-nnexion, Mons", "label": "Co-nnexion", "colour": "#8e5572"},
    "space-mutualab": {"title": "Mutualab, Lille", "label": "Mutualab", "colour": "#3d5a80"},
    "space-technocite": {"title": "Technocité, Mons", "label": "Technocité", "colour": "#588157"},
    "space-pop": {"title": "PoP, Lille", "label": "PoP", "colour": "#6f4e37"},
    "blog-reseau": {"title": "Un réseau sans frontière", "colour": "#3d5a80"},
    "blog-hold-up": {"title": "Hold-up créatif", "colour": "#e76f51"},
    "blog-flandre": {"title": "Cap sur la Flandre", "colour": "#e9c46a"},
    "blog-liberee": {"title": "Entreprise libérée", "colour": "#8e5572"},
    "blog-e-branding": {"title": "E-branding", "colour": "#2a9d8f"},
    "blog-universite": {"title": "Université et coworking", "colour": "#264653"},
    "author-claire": {
        "title": "Portrait de Claire Vandamme",
        "label": "CV",
        "colour": "#e76f51",
        "size": (400, 400),
    },
    "author-marc": {
        "title": "Portrait de Marc Lejeune",
        "label": "ML",
        "colour": "#3d5a80",
        "size": (400, 400),
    },
    "author-sophie": {
        "title": "Portrait de Sophie De Smet",
        "label": "SDS",
        "colour": "#588157",
        "size": (400, 400),
    },
    "about-network": {
        "title": "Les villes du réseau COFFEE",
        "label": "COFFEE",
        "subtitle": "Lille - Tournai - Mons - La Louvière - Charleroi",
        "colour": "#6f4e37",
    },
}

# --------------------------------------------------------------------------------------------
# Home page
# --------------------------------------------------------------------------------------------

HOME = {
    "title": T("Bienvenue au COFFEE Hub", "Welkom bij COFFEE Hub", "Welcome to COFFEE Hub"),
    "slug": T("accueil", "startpagina", "home"),
    "intro": (
        T(
            "Cinq espaces de coworking et deux centres de compétences, de Lille à Charleroi, "
            "ouvrent leurs portes aux indépendants, aux PME et à tous ceux qui ont un projet à "
            "partager, des deux côtés de la frontière.",
            "Vijf coworkingruimtes en twee competentiecentra, van Rijsel tot Charleroi, openen "
            "hun deuren voor zelfstandigen, kmo's en iedereen met een project om te delen, aan "
            "beide kanten van de grens.",
            "Five coworking spaces and two competence centres, from Lille to Charleroi, open "
            "their doors to freelancers, small businesses and anyone with a project to share, on "
            "both sides of the border.",
        ),
    ),
    "body": [
        (
            "paragraph",
            (
                H2(
                    T(
                        "Un terrain commun pour entreprendre",
                        "Een gemeenschappelijke basis om te ondernemen",
                        "Common ground for entrepreneurs",
                    )
                ),
                T(
                    "COFFEE, pour « COworking Frontalier pour Futurs Entrepreneurs Européens », "
                    "relie des lieux où l'on travaille côte à côte sans être collègues. Chaque "
                    "espace garde son caractère ; ensemble, ils forment un réseau où une graphiste "
                    "de Tournai peut trouver un développeur à Lille et un client à Mons.",
                    "COFFEE, voluit « COworking Frontalier pour Futurs Entrepreneurs Européens », "
                    "verbindt plekken waar mensen naast elkaar werken zonder collega's te zijn. "
                    "Elke ruimte behoudt haar eigen karakter; samen vormen ze een netwerk waarin "
                    "een grafisch ontwerpster uit Doornik een ontwikkelaar in Rijsel en een klant "
                    "in Bergen kan vinden.",
                    "COFFEE, short for “COworking Frontalier pour Futurs Entrepreneurs "
                    "Européens”, links places where people work side by side without being "
                    "colleagues. Each space keeps its own character; together they form a network "
                    "where a graphic designer from Tournai can find a developer in Lille and a "
                    "client in Mons.",
                ),
            ),
        ),
        (
            "call_to_action",
            CallToAction(
                title=T(
                    "Venez travailler chez nous",
                    "Kom bij ons werken",
                    "Come and work with us",
                ),
                text=T(
                    "Une journée d'essai est offerte dans chaque espace du réseau.",
                    "In elke ruimte van het netwerk krijgt u een gratis proefdag.",
                    "Every space in the network offers a free trial day.",
                ),
                label=T("Trouver un espace", "Een ruimte vinden", "Find a space"),
                page="spaces",
            ),
        ),
    ],
}

# --------------------------------------------------------------------------------------------
# Spaces
# --------------------------------------------------------------------------------------------

SPACE_INDEX = {
    "key": "spaces",
    "title": T("Espaces", "Ruimtes", "Spaces"),
    "slug": T("espaces", "ruimtes", "spaces"),
    "intro": (
        T(
            "Sept lieux, deux pays, une même envie de travailler ensemble. Les espaces de "
            "coworking vous accueillent pour une journée, un mois ou une réunion ; les centres de "
            "compétences proposent formations et accompagnement.",
            "Zeven plekken, twee landen en dezelfde wil om samen te werken. In de "
            "coworkingruimtes kunt u terecht voor een dag, een maand of één vergadering; de "
            "competentiecentra bieden opleidingen en begeleiding.",
            "Seven places, two countries, one shared wish to work together. The coworking spaces "
            "welcome you for a day, a month or a single meeting; the competence centres offer "
            "training and support.",
        ),
    ),
}

WEEKDAYS_9_18 = T(
    "Du lundi au vendredi : 9h - 18h",
    "Maandag tot vrijdag: 9 - 18 uur",
    "Monday to Friday: 9 am - 6 pm",
)

SPACES = [
    {
        "key": "esco",
        "title": T("ESCO", "ESCO", "ESCO"),
        "slug": "esco",
        "kind": "coworking",
        "city": "Tournai",
        "postcode": "7500",
        "country": "BE",
        "latitude": "50.605600",
        "longitude": "3.387800",
        "email": "esco@example.org",
        "image": "space-esco",
        "intro": T(
            "Espace de coworking au cœur de Tournai, à quelques kilomètres de la frontière "
            "française, ESCO réunit indépendants, télétravailleurs et jeunes entreprises de "
            "Wallonie picarde.",
            "ESCO is een coworkingruimte in het hart van Doornik, op enkele kilometers van de "
            "Franse grens, waar zelfstandigen, telewerkers en jonge bedrijven uit Picardisch "
            "Wallonië samenkomen.",
            "A coworking space in the heart of Tournai, a few kilometres from the French border, "
            "ESCO brings together freelancers, remote workers and young companies from Picardy "
            "Wallonia.",
        ),
        "description": (
            T(
                "On y vient pour un bureau au calme, on y reste pour les rencontres : déjeuners "
                "partagés, ateliers du jeudi et coups de main entre coworkers rythment la semaine.",
                "Je komt er voor een rustige werkplek en je blijft voor de ontmoetingen: gedeelde "
                "lunches, donderdagworkshops en hulp tussen coworkers bepalen het ritme van de "
                "week.",
                "People come for a quiet desk and stay for the company: shared lunches, Thursday "
                "workshops and coworkers helping each other set the pace of the week.",
            ),
        ),
        "opening_hours": T(
            "Du lundi au vendredi : 8h30 - 18h\nSamedi : sur réservation",
            "Maandag tot vrijdag: 8.30 - 18 uur\nZaterdag: op reservatie",
            "Monday to Friday: 8.30 am - 6 pm\nSaturday: by booking",
        ),
        "facilities": [WIFI, MEETING_ROOM, KITCHEN, PRINTER, STATION],
    },
    {
        "key": "switch",
        "title": T("Switch", "Switch", "Switch"),
        "slug": "switch",
        "kind": "coworking",
        "city": "Charleroi",
        "postcode": "6000",
        "country": "BE",
        "latitude": "50.410800",
        "longitude": "4.444600",
        "email": "switch@example.org",
        "image": "space-switch",
        "intro": T(
            "Installé à Charleroi, Switch accompagne les porteurs de projet qui passent de l'idée "
            "à l'entreprise, avec des postes de travail flexibles et un programme d'événements "
            "ouvert à tous.",
            "Switch, gevestigd in Charleroi, begeleidt projectdragers die de stap zetten van idee "
            "naar onderneming, met flexibele werkplekken en een evenementenprogramma dat voor "
            "iedereen openstaat.",
            "Based in Charleroi, Switch supports people taking their project from idea to "
            "company, with flexible desks and a programme of events open to everyone.",
        ),
        "description": (
            T(
                "Le lieu mise sur le mélange : créateurs, consultants et développeurs partagent le "
                "même plateau, et des permanences d'accompagnement aident à tester un modèle "
                "économique avant de se lancer.",
                "De ruimte zet in op vermenging: makers, consultants en ontwikkelaars delen "
                "dezelfde werkvloer, en vaste begeleidingsmomenten helpen om een verdienmodel te "
                "testen voor je de sprong waagt.",
                "The space is all about mixing people: makers, consultants and developers share "
                "the same floor, and regular support sessions help test a business model before "
                "taking the plunge.",
            ),
        ),
        "opening_hours": WEEKDAYS_9_18,
        "facilities": [WIFI, MEETING_ROOM, EVENT_ROOM, PHONE_BOOTHS, DOMICILIATION],
    },
    {
        "key": "cowork-factory",
        "title": T("The Cowork Factory", "The Cowork Factory", "The Cowork Factory"),
        "slug": "the-cowork-factory",
        "kind": "coworking",
        "city": "La Louvière",
        "postcode": "7100",
        "country": "BE",
        "latitude": "50.480000",
        "longitude": "4.187000",
        "email": "coworkfactory@example.org",
        "image": "space-cowork-factory",
        "intro": T(
            "À La Louvière, The Cowork Factory offre un cadre de travail convivial aux "
            "indépendants et aux petites équipes de la région du Centre, avec des bureaux fixes "
            "comme des places nomades.",
            "In La Louvière biedt The Cowork Factory zelfstandigen en kleine teams uit de regio "
            "Centre een gezellige werkomgeving, met zowel vaste bureaus als flexplekken.",
            "In La Louvière, The Cowork Factory offers a friendly place to work for freelancers "
            "and small teams from the Centre region, with both fixed desks and hot desks.",
        ),
        "description": (
            T(
                "Les coworkers y organisent eux-mêmes une partie des activités : petits-déjeuners "
                "thématiques, échanges de compétences et sessions de travail en binôme.",
                "De coworkers organiseren er zelf een deel van de activiteiten: thematische "
                "ontbijten, uitwisseling van vaardigheden en werksessies in duo.",
                "Coworkers run part of the activities themselves: themed breakfasts, skill swaps "
                "and paired work sessions.",
            ),
        ),
        "opening_hours": T(
            "Du lundi au vendredi : 8h - 19h",
            "Maandag tot vrijdag: 8 - 19 uur",
            "Monday to Friday: 8 am - 7 pm",
        ),
        "facilities": [WIFI, MEETING_ROOM, KITCHEN, LOCKERS, TERRACE],
    },
    {
        "key": "co-nnexion",
        "title": T("Co-nnexion", "Co-nnexion", "Co-nnexion"),
        "slug": "co-nnexion",
        "kind": "coworking",
        "city": "Mons",
        "postcode": "7000",
        "country": "BE",
        "latitude": "50.454200",
        "longitude": "3.952300",
        "email": "co-nnexion@example.org",
        "image": "space-co-nnexion",
        "intro": T(
            "Co-nnexion ouvre à Mons un espace de travail partagé tourné vers le numérique et la "
            "création, à proximité de l'université et des hautes écoles.",
            "Co-nnexion is een gedeelde werkruimte in Bergen, gericht op digitale en creatieve "
            "beroepen, vlak bij de universiteit en de hogescholen.",
            "Co-nnexion runs a shared workspace in Mons focused on digital and creative work, "
            "close to the university and colleges.",
        ),
        "description": (
            T(
                "Étudiants en fin de parcours, chercheurs et entrepreneurs s'y côtoient : c'est "
                "l'endroit idéal pour tester une idée auprès d'un public varié ou trouver un "
                "stagiaire.",
                "Laatstejaarsstudenten, onderzoekers en ondernemers werken er naast elkaar: de "
                "ideale plek om een idee bij een divers publiek te toetsen of een stagiair te "
                "vinden.",
                "Final-year students, researchers and entrepreneurs rub shoulders here: the ideal "
                "place to test an idea on a varied audience or to find an intern.",
            ),
        ),
        "opening_hours": T(
            "Du lundi au vendredi : 8h30 - 17h30\nJeudi : ouvert jusqu'à 21h",
            "Maandag tot vrijdag: 8.30 - 17.30 uur\nDonderdag: open tot 21 uur",
            "Monday to Friday: 8.30 am - 5.30 pm\nThursday: open until 9 pm",
        ),
        "facilities": [WIFI, MEETING_ROOM, PHONE_BOOTHS, BIKES],
    },
    {
        "key": "mutualab",
        "title": T("Mutualab", "Mutualab", "Mutualab"),
        "slug": "mutualab",
        "kind": "coworking",
        "city": "Lille",
        "postcode": "59000",
        "country": "FR",
        "latitude": "50.629200",
        "longitude": "3.057300",
        "email": "mutualab@example.org",
        "image": "space-mutualab",
        "intro": T(
            "Pionnier du coworking dans la métropole lilloise, Mutualab est un lieu collaboratif "
            "où l'on partage bureaux, savoir-faire et projets.",
            "Mutualab, een pionier van het coworken in de metropool Rijsel, is een "
            "samenwerkingsplek waar kantoren, knowhow en projecten worden gedeeld.",
            "A coworking pioneer in the Lille metropolitan area, Mutualab is a collaborative "
            "place where people share desks, know-how and projects.",
        ),
        "description": (
            T(
                "La communauté s'implique dans l'animation du lieu, et les nouveaux venus trouvent "
                "vite quelqu'un pour leur présenter le réseau lillois.",
                "De gemeenschap neemt mee de animatie van de plek op zich, en nieuwkomers vinden "
                "snel iemand die hen wegwijs maakt in het Rijselse netwerk.",
                "The community takes part in running the place, and newcomers quickly find "
                "someone to introduce them to the Lille network.",
            ),
        ),
        "opening_hours": T(
            "Du lundi au vendredi : 9h - 19h",
            "Maandag tot vrijdag: 9 - 19 uur",
            "Monday to Friday: 9 am - 7 pm",
        ),
        "facilities": [WIFI, MEETING_ROOM, KITCHEN, EVENT_ROOM, BIKES],
    },
    {
        "key": "technocite",
        "title": T("Technocité", "Technocité", "Technocité"),
        "slug": "technocite",
        "kind": "centre",
        "city": "Mons",
        "postcode": "7000",
        "country": "BE",
        # City-centre coordinates, nudged so that the two Mons markers do not overlap.
        "latitude": "50.451000",
        "longitude": "3.945000",
        "email": "technocite@example.org",
        "image": "space-technocite",
        "intro": T(
            "Centre de compétences dédié aux technologies de l'information et de la "
            "communication, Technocité forme demandeurs d'emploi, travailleurs et entreprises aux "
            "métiers du numérique.",
            "Technocité is een competentiecentrum voor informatie- en "
            "communicatietechnologie dat werkzoekenden, werknemers en bedrijven opleidt voor "
            "digitale beroepen.",
            "A competence centre for information and communication technologies, Technocité "
            "trains job seekers, employees and companies for digital professions.",
        ),
        "description": (
            T(
                "Dans le réseau COFFEE, Technocité apporte son expertise en formation : modules "
                "courts, ateliers pratiques et parcours sur mesure pour les coworkers qui veulent "
                "développer leurs compétences.",
                "Binnen het COFFEE-netwerk brengt Technocité zijn opleidingsexpertise in: korte "
                "modules, praktijkworkshops en trajecten op maat voor coworkers die hun "
                "vaardigheden willen versterken.",
                "Within the COFFEE network, Technocité brings its training expertise: short "
                "modules, hands-on workshops and tailored courses for coworkers who want to build "
                "their skills.",
            ),
        ),
        "opening_hours": T(
            "Du lundi au vendredi : 8h30 - 16h30\nFormations en soirée selon le programme",
            "Maandag tot vrijdag: 8.30 - 16.30 uur\nAvondopleidingen volgens het programma",
            "Monday to Friday: 8.30 am - 4.30 pm\nEvening courses according to the programme",
        ),
        "facilities": [TRAINING_ROOMS, COMPUTER_LAB, WIFI, MEETING_ROOM],
    },
    {
        "key": "pop",
        "title": T("PoP", "PoP", "PoP"),
        "slug": "pop",
        "kind": "centre",
        "city": "Lille",
        "postcode": "59000",
        "country": "FR",
        "latitude": "50.632500",
        "longitude": "3.062000",
        "email": "pop@example.org",
        "image": "space-pop",
        "intro": T(
            "Centre de compétences basé à Lille, PoP met ses ateliers et son expertise à la "
            "disposition des entrepreneurs du réseau pour faire avancer leurs projets.",
            "PoP is een competentiecentrum in Rijsel dat zijn workshops en expertise ter "
            "beschikking stelt van de ondernemers in het netwerk om hun projecten vooruit te "
            "helpen.",
            "A competence centre based in Lille, PoP makes its workshops and expertise available "
            "to the network's entrepreneurs to move their projects forward.",
        ),
        "description": (
            T(
                "Le centre accueille les rencontres transfrontalières du réseau côté français et "
                "organise des sessions de travail collectives autour de projets concrets.",
                "Het centrum ontvangt de grensoverschrijdende ontmoetingen van het netwerk aan "
                "Franse zijde en organiseert collectieve werksessies rond concrete projecten.",
                "The centre hosts the network's cross-border meetings on the French side and runs "
                "collective work sessions around concrete projects.",
            ),
        ),
        "opening_hours": T(
            "Du lundi au vendredi : 9h - 17h30",
            "Maandag tot vrijdag: 9 - 17.30 uur",
            "Monday to Friday: 9 am - 5.30 pm",
        ),
        "facilities": [WORKSHOP, TRAINING_ROOMS, WIFI, EVENT_ROOM],
    },
]

# The spaces' gallery pictures described in each language (alt text and caption belong to the
# page's gallery, translated with it; the image itself is shared by the three translations).
SPACE_IMAGE_TEXTS = {
    "space-esco": (
        T(
            "Le plateau de coworking d'ESCO à Tournai, bureaux partagés sous une verrière",
            "De coworkingruimte van ESCO in Doornik, gedeelde bureaus onder een glazen dak",
            "ESCO's coworking floor in Tournai, shared desks under a glass roof",
        ),
        T("ESCO, à Tournai", "ESCO, in Doornik", "ESCO, in Tournai"),
    ),
    "space-switch": (
        T(
            "Des coworkers autour de la grande table de Switch, à Charleroi",
            "Coworkers rond de grote tafel van Switch in Charleroi",
            "Coworkers around Switch's big table in Charleroi",
        ),
        T("Switch, à Charleroi", "Switch, in Charleroi", "Switch, in Charleroi"),
    ),
    "space-cowork-factory": (
        T(
            "L'atelier lumineux de The Cowork Factory, à La Louvière",
            "Het lichte atelier van The Cowork Factory in La Louvière",
            "The bright workshop of The Cowork Factory in La Louvière",
        ),
        T(
            "The Cowork Factory, à La Louvière",
            "The Cowork Factory, in La Louvière",
            "The Cowork Factory, in La Louvière",
        ),
    ),
    "space-co-nnexion": (
        T(
            "La salle de réunion de Co-nnexion, à Mons, prête pour un atelier",
            "De vergaderzaal van Co-nnexion in Bergen, klaar voor een workshop",
            "Co-nnexion's meeting room in Mons, set up for a workshop",
        ),
        T("Co-nnexion, à Mons", "Co-nnexion, in Bergen", "Co-nnexion, in Mons"),
    ),
    "space-mutualab": (
        T(
            "Les bureaux partagés de Mutualab, à Lille, un jour de semaine",
            "De gedeelde bureaus van Mutualab in Rijsel op een weekdag",
            "Mutualab's shared desks in Lille on a weekday",
        ),
        T("Mutualab, à Lille", "Mutualab, in Rijsel", "Mutualab, in Lille"),
    ),
    "space-technocite": (
        T(
            "Une salle de formation équipée d'ordinateurs chez Technocité, à Mons",
            "Een opleidingslokaal met computers bij Technocité in Bergen",
            "A training room with computers at Technocité in Mons",
        ),
        T("Technocité, à Mons", "Technocité, in Bergen", "Technocité, in Mons"),
    ),
    "space-pop": (
        T(
            "L'atelier de fabrication de PoP, à Lille, avec ses machines",
            "De maakplaats van PoP in Rijsel, met haar machines",
            "PoP's making workshop in Lille, with its machines",
        ),
        T("PoP, à Lille", "PoP, in Rijsel", "PoP, in Lille"),
    ),
}
for _space in SPACES:
    _space["image_alt"], _space["image_caption"] = SPACE_IMAGE_TEXTS[_space["image"]]

# --------------------------------------------------------------------------------------------
# Agenda: dates are relative to the day the loader runs
# --------------------------------------------------------------------------------------------

EVENT_INDEX = {
    "key": "agenda",
    "title": T("Agenda", "Evenementen", "Events"),
    "slug": T("agenda", "agenda", "agenda"),
    "intro": (
        T(
            "Hold-up créatifs, formations, petits-déjeuners réseau : retrouvez les rendez-vous "
            "organisés dans les espaces du réseau et en ligne.",
            "Creatieve hold-ups, opleidingen, netwerkontbijten: ontdek de activiteiten in de "
            "ruimtes van het netwerk en online.",
            "Creative hold-ups, training sessions, networking breakfasts: find the events held in "
            "the network's spaces and online.",
        ),
    ),
}

EVENTS = [
    {
        "slug": "hold-up-creatif-esco",
        "title": T(
            "Hold-up créatif : votre projet passé au crible",
            "Creatieve hold-up: uw project onder de loep",
            "Creative hold-up: your project under the microscope",
        ),
        "days": 5,
        "start": "09:30",
        "end": "12:30",
        "venue": "esco",
        "price": FREE,
        "language": "fr",
        "organiser": "ESCO",
        "summary": T(
            "Une matinée pour soumettre un problème concret à une vingtaine de coworkers et "
            "repartir avec des pistes d'action.",
            "Een ochtend om een concreet probleem voor te leggen aan een twintigtal coworkers en "
            "met concrete actiepunten naar huis te gaan.",
            "One morning to put a concrete problem to some twenty coworkers and leave with ideas "
            "for action.",
        ),
        "body": (
            T(
                "Le principe est simple : un porteur de projet présente son défi en dix minutes, "
                "puis le groupe enchaîne questions, idées folles et propositions réalistes. Un "
                "animateur veille au rythme et rassemble les idées à la fin de la séance.",
                "Het principe is eenvoudig: een projectdrager stelt zijn uitdaging in tien minuten "
                "voor, waarna de groep vragen, gekke ideeën en realistische voorstellen aanreikt. "
                "Een begeleider bewaakt het tempo en bundelt de ideeën op het einde.",
                "The idea is simple: a project owner presents their challenge in ten minutes, then "
                "the group follows up with questions, wild ideas and realistic proposals. A "
                "facilitator keeps the pace and gathers the ideas at the end.",
            ),
            T(
                "Café et viennoiseries offerts. Vingt-cinq participants au maximum.",
                "Koffie en koffiekoeken worden aangeboden. Maximaal vijfentwintig deelnemers.",
                "Coffee and pastries provided. Twenty-five participants at most.",
            ),
        ),
    },
    {
        "slug": "petit-dejeuner-transfrontalier",
        "title": T(
            "Petit-déjeuner réseau transfrontalier",
            "Grensoverschrijdend netwerkontbijt",
            "Cross-border networking breakfast",
        ),
        "days": 8,
        "start": "08:00",
        "end": "10:00",
        # Every week for three months, except the third week (the space is closed).
        "repeat_weeks": 13,
        "skip_weeks": (2,),
        "venue": "pop",
        "price": FREE,
        "language": "multi",
        "organiser": "PoP",
        "summary": T(
            "Deux heures pour rencontrer des entrepreneurs français et belges autour d'un café, "
            "avant de commencer la journée.",
            "Twee uur om bij een kop koffie Franse en Belgische ondernemers te ontmoeten, voor de "
            "werkdag begint.",
            "Two hours to meet French and Belgian entrepreneurs over coffee before the working "
            "day begins.",
        ),
        "body": (
            T(
                "Chaque participant se présente en une minute, puis les échanges se poursuivent "
                "librement. Des badges de couleur indiquent les langues parlées pour faciliter "
                "les rencontres.",
                "Elke deelnemer stelt zich in één minuut voor, daarna lopen de gesprekken vrij "
                "verder. Gekleurde badges tonen welke talen iemand spreekt, zodat het makkelijker "
                "is om elkaar aan te spreken.",
                "Each participant introduces themselves in one minute, then conversations carry "
                "on freely. Coloured badges show which languages people speak, to make it easier "
                "to strike up a conversation.",
            ),
        ),
    },
    {
        "slug": "coffee-on-the-road",
        "title": T(
            "COFFEE on the road : une journée d'un espace à l'autre",
            "COFFEE on the road: een dag van ruimte naar ruimte",
            "COFFEE on the road: a day from space to space",
        ),
        "days": 12,
        "start": "08:30",
        "end": "18:00",
        "venue": "co-nnexion",
        "price": T(
            "15 €, transport et lunch compris",
            "15 €, vervoer en lunch inbegrepen",
            "€15, transport and lunch included",
        ),
        "language": "multi",
        "organiser": "Réseau COFFEE",
        "summary": T(
            "Un bus relie Mons, La Louvière et Charleroi le temps d'une journée pour découvrir "
            "trois espaces et leurs communautés.",
            "Een bus verbindt Bergen, La Louvière en Charleroi gedurende één dag om drie ruimtes "
            "en hun gemeenschappen te ontdekken.",
            "A coach links Mons, La Louvière and Charleroi for one day to discover three spaces "
            "and their communities.",
        ),
        "body": (
            T(
                "Départ de Co-nnexion à Mons, halte à The Cowork Factory pour le déjeuner, arrivée "
                "chez Switch à Charleroi pour un verre de clôture. Dans chaque lieu, les coworkers "
                "présentent leurs activités et leurs besoins.",
                "Vertrek bij Co-nnexion in Bergen, tussenstop bij The Cowork Factory voor de lunch "
                "en aankomst bij Switch in Charleroi voor een afsluitend drankje. Op elke plek "
                "stellen de coworkers hun activiteiten en noden voor.",
                "Departure from Co-nnexion in Mons, a stop at The Cowork Factory for lunch, and "
                "arrival at Switch in Charleroi for a closing drink. In each place, coworkers "
                "present what they do and what they need.",
            ),
            T(
                "La journée se déroule en français, avec des échanges en néerlandais et en anglais "
                "pour les participants venus de Flandre et d'ailleurs.",
                "De dag verloopt in het Frans, met gesprekken in het Nederlands en het Engels voor "
                "deelnemers uit Vlaanderen en elders.",
                "The day runs in French, with conversations in Dutch and English for participants "
                "from Flanders and elsewhere.",
            ),
        ),
    },
    {
        "slug": "webinaire-travailler-des-deux-cotes-de-la-frontiere",
        "title": T(
            "Webinaire : travailler des deux côtés de la frontière",
            "Webinar: werken aan beide kanten van de grens",
            "Webinar: working on both sides of the border",
        ),
        "days": 15,
        "start": "12:30",
        "end": "13:30",
        "venue": None,
        # The joining link goes to registrants only: it never shows on the site.
        "online_url": "https://example.org/webinaire-frontiere",
        "price": FREE,
        "language": "fr",
        "organiser": "Réseau COFFEE",
        "summary": T(
            "Statut, facturation, sécurité sociale : une heure pour faire le point sur les "
            "questions pratiques des indépendants qui travaillent en France et en Belgique.",
            "Statuut, facturatie, sociale zekerheid: een uur om de praktische vragen te overlopen "
            "van zelfstandigen die in Frankrijk en België werken.",
            "Status, invoicing, social security: one hour to go over the practical questions "
            "faced by freelancers working in France and Belgium.",
        ),
        "body": (
            T(
                "Une juriste et un comptable répondent aux questions envoyées à l'avance et posées "
                "en direct. Le lien de connexion est envoyé après l'inscription.",
                "Een juriste en een boekhouder beantwoorden vooraf ingestuurde en live gestelde "
                "vragen. De link om deel te nemen wordt na de inschrijving verstuurd.",
                "A lawyer and an accountant answer questions sent in advance and asked live. The "
                "joining link is sent after registration.",
            ),
        ),
    },
    {
        "slug": "formation-e-branding",
        "title": T(
            "Formation e-branding : construire son image en ligne",
            "Opleiding e-branding: bouw aan uw online imago",
            "E-branding training: building your online image",
        ),
        "days": 19,
        "start": "09:00",
        "end": "16:30",
        "venue": "technocite",
        "price": T("60 €, lunch compris", "60 €, lunch inbegrepen", "€60, lunch included"),
        "language": "fr",
        "organiser": "Technocité",
        "summary": T(
            "Une journée pratique pour définir son identité numérique, choisir ses réseaux et "
            "planifier ses publications.",
            "Een praktijkgerichte dag om uw digitale identiteit te bepalen, uw netwerken te "
            "kiezen en uw berichten te plannen.",
            "A hands-on day to define your digital identity, choose your networks and plan your "
            "posts.",
        ),
        "body": (
            T(
                "Au programme : audit de sa présence actuelle, rédaction d'une proposition de "
                "valeur, bonnes pratiques sur les réseaux professionnels et calendrier éditorial "
                "réaliste pour un indépendant.",
                "Op het programma: een doorlichting van uw huidige aanwezigheid, het formuleren "
                "van uw waardepropositie, goede praktijken op professionele netwerken en een "
                "haalbare contentkalender voor een zelfstandige.",
                "On the programme: an audit of your current presence, writing a value "
                "proposition, good practice on professional networks and a realistic content "
                "calendar for a freelancer.",
            ),
            T(
                "Apportez votre ordinateur portable.",
                "Breng uw laptop mee.",
                "Bring your laptop.",
            ),
        ),
    },
    {
        "slug": "atelier-entreprise-liberee",
        "title": T(
            "Atelier « entreprise libérée » : moins de chefs, plus de confiance ?",
            "Workshop 'bevrijde onderneming': minder bazen, meer vertrouwen?",
            "'Liberated company' workshop: fewer bosses, more trust?",
        ),
        "days": 26,
        "status": "cancelled",
        "start": "14:00",
        "end": "17:30",
        "venue": "mutualab",
        "price": T("25 €", "25 €", "€25"),
        "language": "fr",
        "organiser": "Mutualab",
        "summary": T(
            "Découvrir le concept d'entreprise libérée et se demander ce qu'il peut apporter à "
            "une petite équipe ou à un collectif de freelances.",
            "Kennismaken met het concept van de bevrijde onderneming en nagaan wat het kan "
            "betekenen voor een klein team of een collectief van freelancers.",
            "Discover the liberated company concept and ask what it can bring to a small team or "
            "a freelance collective.",
        ),
        "body": (
            T(
                "Après une courte présentation des principes (autonomie, responsabilité, rôle du "
                "dirigeant), les participants travaillent en petits groupes sur des situations "
                "réelles apportées par les coworkers.",
                "Na een korte toelichting bij de principes (autonomie, verantwoordelijkheid, de "
                "rol van de leidinggevende) werken de deelnemers in kleine groepen aan echte "
                "situaties die de coworkers aanbrengen.",
                "After a short introduction to the principles (autonomy, responsibility, the role "
                "of the manager), participants work in small groups on real situations brought by "
                "coworkers.",
            ),
            T(
                "L'atelier est organisé avec les partenaires belges du réseau : une bonne occasion "
                "de comparer les pratiques de part et d'autre de la frontière.",
                "De workshop wordt georganiseerd met de Belgische partners van het netwerk: een "
                "goede gelegenheid om praktijken aan beide kanten van de grens te vergelijken.",
                "The workshop is run with the network's Belgian partners: a good opportunity to "
                "compare practices on both sides of the border.",
            ),
        ),
    },
    {
        "slug": "hold-up-creatif-la-louviere",
        "title": T(
            "Hold-up créatif à La Louvière",
            "Creatieve hold-up in La Louvière",
            "Creative hold-up in La Louvière",
        ),
        "days": 33,
        "start": "09:30",
        "end": "12:30",
        "venue": "cowork-factory",
        "price": FREE,
        "language": "fr",
        "organiser": "The Cowork Factory",
        "summary": T(
            "Nouvelle édition du brainstorming collectif : trois projets, trois défis, une "
            "matinée d'intelligence partagée.",
            "Een nieuwe editie van de collectieve brainstorm: drie projecten, drie uitdagingen, "
            "één ochtend gedeelde denkkracht.",
            "A new round of the collective brainstorm: three projects, three challenges, one "
            "morning of shared brainpower.",
        ),
        "body": (
            T(
                "Votre projet est bloqué ou vous avez une décision à prendre ? Proposez-le lors de "
                "l'inscription : trois projets seront retenus et travaillés en groupes.",
                "Zit uw project vast of moet u een beslissing nemen? Stel het voor bij de "
                "inschrijving: drie projecten worden geselecteerd en in groepen uitgewerkt.",
                "Is your project stuck, or do you have a decision to make? Put it forward when you "
                "register: three projects will be selected and worked on in groups.",
            ),
        ),
    },
    {
        "slug": "speed-meeting-pme-coworkers",
        "title": T(
            "Speed-meeting PME et coworkers",
            "Speedmeeting kmo's en coworkers",
            "Speed meeting: SMEs and coworkers",
        ),
        "days": 40,
        "start": "17:30",
        "end": "20:00",
        "venue": "switch",
        "price": FREE,
        "language": "fr",
        "organiser": "Switch",
        "summary": T(
            "Des PME à la recherche de compétences rencontrent des indépendants du réseau en "
            "rendez-vous de sept minutes.",
            "Kmo's op zoek naar competenties ontmoeten zelfstandigen uit het netwerk in "
            "gesprekken van zeven minuten.",
            "SMEs looking for skills meet freelancers from the network in seven-minute "
            "appointments.",
        ),
        "body": (
            T(
                "Graphisme, développement web, traduction, comptabilité, logistique : préparez une "
                "courte présentation de ce que vous savez faire. La soirée se termine par un "
                "verre.",
                "Grafisch ontwerp, webontwikkeling, vertaling, boekhouding, logistiek: bereid een "
                "korte voorstelling voor van wat u kunt. De avond eindigt met een drankje.",
                "Graphic design, web development, translation, accounting, logistics: prepare a "
                "short pitch of what you can do. The evening ends with drinks.",
            ),
        ),
    },
    {
        "slug": "soiree-reseau-flandre-wallonie",
        "title": T(
            "Soirée réseau Flandre-Wallonie à Courtrai",
            "Netwerkavond Vlaanderen-Wallonië in Kortrijk",
            "Flanders-Wallonia networking evening in Kortrijk",
        ),
        "days": -9,
        "start": "18:30",
        "end": "21:00",
        "venue": None,
        "venue_text": T("Courtrai (Belgique)", "Kortrijk (België)", "Kortrijk (Belgium)"),
        "price": FREE,
        "language": "nl",
        "organiser": "Réseau COFFEE",
        "summary": T(
            "Une soirée en néerlandais pour rapprocher créatifs flamands et coworkers wallons.",
            "Een Nederlandstalige avond om Vlaamse creatievelingen en Waalse coworkers dichter "
            "bij elkaar te brengen.",
            "An evening in Dutch to bring Flemish creatives and Walloon coworkers closer together.",
        ),
        "body": (
            T(
                "Présentations courtes, tables de discussion par secteur et un interprète pour "
                "ceux qui débutent en néerlandais.",
                "Korte presentaties, gesprekstafels per sector en een tolk voor wie nog maar net "
                "Nederlands leert.",
                "Short presentations, discussion tables by sector and an interpreter for those "
                "just starting out in Dutch.",
            ),
        ),
    },
    {
        "slug": "atelier-pitcher-en-anglais",
        "title": T(
            "Atelier : pitcher son projet en anglais",
            "Workshop: uw project pitchen in het Engels",
            "Workshop: pitching your project in English",
        ),
        "days": -16,
        "start": "18:00",
        "end": "20:30",
        "venue": "switch",
        "price": T("10 €", "10 €", "€10"),
        "language": "en",
        "organiser": "Switch",
        "summary": T(
            "Trois minutes pour convaincre un partenaire international : méthode, entraînement "
            "et retours du groupe.",
            "Drie minuten om een internationale partner te overtuigen: methode, oefening en "
            "feedback van de groep.",
            "Three minutes to win over an international partner: method, practice and feedback "
            "from the group.",
        ),
        "body": (
            T(
                "L'atelier s'est déroulé entièrement en anglais, avec un coach et des participants "
                "venus de Wallonie, de Flandre et du Nord de la France.",
                "De workshop verliep volledig in het Engels, met een coach en deelnemers uit "
                "Wallonië, Vlaanderen en Noord-Frankrijk.",
                "The workshop was held entirely in English, with a coach and participants from "
                "Wallonia, Flanders and northern France.",
            ),
        ),
    },
    {
        "slug": "portes-ouvertes-co-nnexion",
        "title": T(
            "Portes ouvertes chez Co-nnexion",
            "Opendeurdag bij Co-nnexion",
            "Open day at Co-nnexion",
        ),
        "days": -30,
        "start": "10:00",
        "end": "16:00",
        "venue": "co-nnexion",
        "price": FREE,
        "language": "fr",
        "organiser": "Co-nnexion",
        "summary": T(
            "Visite de l'espace, démonstrations et rencontre avec les coworkers montois.",
            "Rondleiding door de ruimte, demonstraties en kennismaking met de coworkers uit "
            "Bergen.",
            "A tour of the space, demonstrations and a chance to meet the coworkers of Mons.",
        ),
        "body": (
            T(
                "Toute la journée, les membres ont ouvert leurs bureaux et présenté leurs projets "
                "aux visiteurs, étudiants comme chefs d'entreprise.",
                "De hele dag lang openden de leden hun bureaus en stelden ze hun projecten voor "
                "aan de bezoekers, van studenten tot bedrijfsleiders.",
                "Throughout the day, members opened their desks and presented their projects to "
                "visitors, from students to business owners.",
            ),
        ),
    },
    {
        "slug": "hold-up-creatif-lille",
        "title": T(
            "Hold-up créatif à Lille",
            "Creatieve hold-up in Rijsel",
            "Creative hold-up in Lille",
        ),
        "days": -45,
        "start": "09:30",
        "end": "12:30",
        "venue": "mutualab",
        "price": FREE,
        "language": "fr",
        "organiser": "Mutualab",
        "summary": T(
            "Première édition lilloise du brainstorming collectif du réseau.",
            "Eerste Rijselse editie van de collectieve brainstorm van het netwerk.",
            "The first Lille edition of the network's collective brainstorm.",
        ),
        "body": (
            T(
                "Quatre porteurs de projet ont profité des idées d'une trentaine de participants, "
                "dont plusieurs étaient venus de Tournai et de Mons.",
                "Vier projectdragers kregen ideeën van een dertigtal deelnemers, van wie er "
                "verschillende uit Doornik en Bergen kwamen.",
                "Four project owners benefited from the ideas of around thirty participants, "
                "several of whom had come from Tournai and Mons.",
            ),
        ),
    },
]

# --------------------------------------------------------------------------------------------
# Blog
# --------------------------------------------------------------------------------------------

BLOG_INDEX = {
    "key": "blog",
    "title": T("Le blog du réseau", "Blog van het netwerk", "Network blog"),
    "slug": T("blog", "blog", "blog"),
    "intro": (
        T(
            "Récits des espaces, conseils pratiques et retours d'expérience des coworkers du "
            "réseau.",
            "Verhalen uit de ruimtes, praktische tips en ervaringen van de coworkers in het "
            "netwerk.",
            "Stories from the spaces, practical tips and first-hand experience from the "
            "network's coworkers.",
        ),
    ),
}

ARTICLES = [
    {
        "slug": "cinq-espaces-deux-centres-une-frontiere",
        "title": T(
            "Cinq espaces, deux centres, une frontière qui s'efface",
            "Vijf ruimtes, twee centra, een grens die vervaagt",
            "Five spaces, two centres, a fading border",
        ),
        "days_ago": 3,
        "image": "blog-reseau",
        "categories": ["transfrontalier", "vie-des-espaces"],
        "authors": ["equipe"],
        "tags": [
            T("réseau", "netwerk", "network"),
            T("interreg", "interreg", "interreg"),
            T("coworking", "coworking", "coworking"),
        ],
        "summary": T(
            "Pourquoi des espaces de coworking wallons et lillois ont décidé de travailler "
            "ensemble, et ce que cela change pour leurs membres.",
            "Waarom Waalse en Rijselse coworkingruimtes besloten om samen te werken, en wat dat "
            "verandert voor hun leden.",
            "Why coworking spaces in Wallonia and Lille decided to work together, and what it "
            "changes for their members.",
        ),
        "body": [
            (
                "paragraph",
                (
                    T(
                        "Entre Lille, Tournai, Mons, La Louvière et Charleroi, il y a moins d'une "
                        "heure et demie de route. Pourtant, jusqu'ici, les indépendants de part et "
                        "d'autre de la frontière se croisaient rarement.",
                        "Tussen Rijsel, Doornik, Bergen, La Louvière en Charleroi ligt minder dan "
                        "anderhalf uur rijden. Toch kruisten de zelfstandigen aan beide kanten van "
                        "de grens elkaars pad tot nu toe zelden.",
                        "Lille, Tournai, Mons, La Louvière and Charleroi are less than an hour and "
                        "a half apart by road. Yet until now, freelancers on either side of the "
                        "border rarely crossed paths.",
                    ),
                    T(
                        "Le projet COFFEE, soutenu par le programme Interreg "
                        "France-Wallonie-Vlaanderen, relie cinq espaces de coworking et deux "
                        "centres de compétences. L'objectif : qu'un membre d'un espace se sente "
                        "chez lui dans tous les autres, et qu'une entreprise trouve plus "
                        "facilement les compétences dont elle a besoin.",
                        "Het project COFFEE, gesteund door het programma Interreg "
                        "France-Wallonie-Vlaanderen, verbindt vijf coworkingruimtes en twee "
                        "competentiecentra. Het doel: dat een lid van de ene ruimte zich in alle "
                        "andere thuis voelt, en dat een bedrijf gemakkelijker de competenties "
                        "vindt die het nodig heeft.",
                        "The COFFEE project, supported by the Interreg France-Wallonie-Vlaanderen "
                        "programme, links five coworking spaces and two competence centres. The "
                        "aim: a member of one space should feel at home in all the others, and a "
                        "company should find the skills it needs more easily.",
                    ),
                ),
            ),
            (
                "quote",
                Quote(
                    T(
                        "Le coworking, c'est d'abord une communauté. Le réseau permet simplement "
                        "à cette communauté de s'agrandir.",
                        "Coworken draait in de eerste plaats om een gemeenschap. Het netwerk laat "
                        "die gemeenschap gewoon groeien.",
                        "Coworking is first and foremost a community. The network simply lets "
                        "that community grow.",
                    ),
                    T(
                        "L'équipe de coordination",
                        "Het coördinatieteam",
                        "The coordination team",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "hold-up-creatif-trente-cerveaux",
        "title": T(
            "Hold-up créatif : trente cerveaux pour relancer un projet",
            "Creatieve hold-up: dertig breinen om een project nieuw leven in te blazen",
            "Creative hold-up: thirty brains to restart a project",
        ),
        "days_ago": 10,
        "image": "blog-hold-up",
        "categories": ["vie-des-espaces", "bonnes-pratiques"],
        "authors": ["claire"],
        "tags": [
            T("hold-up créatif", "creatieve hold-up", "creative hold-up"),
            T("brainstorming", "brainstorm", "brainstorming"),
        ],
        "summary": T(
            "Récit d'une matinée de brainstorming collectif où une créatrice de mobilier a "
            "trouvé de nouvelles pistes pour vendre hors de sa région.",
            "Verslag van een ochtend collectief brainstormen waarop een meubelontwerpster nieuwe "
            "pistes vond om buiten haar regio te verkopen.",
            "An account of a morning of collective brainstorming in which a furniture designer "
            "found new ways to sell beyond her region.",
        ),
        "body": [
            (
                "paragraph",
                (
                    T(
                        "Neuf heures trente, une salle pleine et une seule règle : pas de critique "
                        "avant la dernière demi-heure. La porteuse de projet, créatrice de "
                        "mobilier en bois de récupération, expose son problème : tous ses clients "
                        "habitent à moins de vingt kilomètres.",
                        "Half tien, een volle zaal en één regel: geen kritiek voor het laatste "
                        "halfuur. De projectdraagster, die meubels maakt van gerecupereerd hout, "
                        "legt haar probleem uit: al haar klanten wonen binnen een straal van "
                        "twintig kilometer.",
                        "Half past nine, a full room and one rule: no criticism until the last "
                        "half hour. The project owner, who makes furniture from reclaimed wood, "
                        "explains her problem: all her customers live within twenty kilometres.",
                    ),
                    T(
                        "En deux heures, le groupe a proposé plus de soixante idées. Trois ont été "
                        "retenues : un dépôt-vente dans un espace lillois, une collaboration avec "
                        "une architecte d'intérieur flamande et une page de vente en trois "
                        "langues.",
                        "In twee uur stelde de groep meer dan zestig ideeën voor. Drie werden "
                        "weerhouden: een depotverkoop in een ruimte in Rijsel, een samenwerking "
                        "met een Vlaamse interieurarchitecte en een verkooppagina in drie talen.",
                        "In two hours, the group came up with more than sixty ideas. Three were "
                        "kept: consignment sales in a Lille space, a collaboration with a Flemish "
                        "interior architect and a sales page in three languages.",
                    ),
                    H2(
                        T(
                            "Comment organiser le vôtre",
                            "Hoe organiseert u er zelf een?",
                            "How to run your own",
                        )
                    ),
                    UL(
                        (
                            T(
                                "Un défi précis, formulé en une phrase",
                                "Eén duidelijke uitdaging, in één zin geformuleerd",
                                "One precise challenge, put in a single sentence",
                            ),
                            T(
                                "Un animateur qui garde l'œil sur l'horloge",
                                "Een begeleider die de klok in het oog houdt",
                                "A facilitator who keeps an eye on the clock",
                            ),
                            T(
                                "Des participants d'horizons variés",
                                "Deelnemers met uiteenlopende achtergronden",
                                "Participants from varied backgrounds",
                            ),
                        )
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "travailler-avec-la-flandre-depuis-la-wallonie",
        "title": T(
            "Travailler avec la Flandre quand on est installé en Wallonie : les premiers réflexes",
            "Werken met Vlaanderen als u in Wallonië gevestigd bent: de eerste reflexen",
            "Working with Flanders when you are based in Wallonia: first steps",
        ),
        "days_ago": 24,
        "image": "blog-flandre",
        "categories": ["transfrontalier", "entrepreneuriat"],
        "authors": ["marc"],
        "tags": [T("langues", "talen", "languages"), T("freelance", "freelance", "freelance")],
        "summary": T(
            "Langue, habitudes commerciales, réseaux : quelques conseils tirés de l'expérience "
            "des coworkers qui ont franchi la frontière linguistique.",
            "Taal, handelsgewoonten, netwerken: enkele tips uit de ervaring van coworkers die de "
            "taalgrens overstaken.",
            "Language, business habits, networks: a few tips drawn from the experience of "
            "coworkers who crossed the language border.",
        ),
        "body": [
            (
                "paragraph",
                (
                    T(
                        "La frontière la plus difficile à franchir n'est pas toujours celle entre "
                        "deux pays. Pour beaucoup d'indépendants wallons, le premier client "
                        "flamand demande plus d'efforts qu'un client lillois.",
                        "De moeilijkste grens om over te steken is niet altijd die tussen twee "
                        "landen. Voor veel Waalse zelfstandigen vraagt de eerste Vlaamse klant "
                        "meer moeite dan een klant uit Rijsel.",
                        "The hardest border to cross is not always the one between two countries. "
                        "For many Walloon freelancers, the first Flemish client takes more effort "
                        "than a client from Lille.",
                    ),
                    T(
                        "Les coworkers qui ont réussi citent trois réflexes : proposer au moins un "
                        "premier contact en néerlandais, même imparfait ; s'appuyer sur les "
                        "réseaux sectoriels flamands ; et accepter que les décisions se prennent "
                        "parfois plus vite qu'en Wallonie.",
                        "De coworkers die erin slaagden, noemen drie reflexen: minstens een eerste "
                        "contact in het Nederlands aanbieden, ook al is het niet perfect; steunen "
                        "op de Vlaamse sectornetwerken; en aanvaarden dat beslissingen soms "
                        "sneller vallen dan in Wallonië.",
                        "Coworkers who succeeded mention three habits: offer at least a first "
                        "contact in Dutch, even an imperfect one; rely on Flemish sector networks; "
                        "and accept that decisions are sometimes made faster than in Wallonia.",
                    ),
                    T(
                        "Les partenaires associés du projet, CoWallonia et Flanders DC, aident à "
                        "identifier les bons interlocuteurs de chaque côté.",
                        "De geassocieerde partners van het project, CoWallonia en Flanders DC, "
                        "helpen om aan beide kanten de juiste gesprekspartners te vinden.",
                        "The project's associated partners, CoWallonia and Flanders DC, help to "
                        "identify the right contacts on each side.",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "entreprise-liberee-petites-equipes",
        "title": T(
            "L'entreprise libérée, une idée pour les petites équipes ?",
            "De bevrijde onderneming, een idee voor kleine teams?",
            "The liberated company: an idea for small teams?",
        ),
        "days_ago": 40,
        "image": "blog-liberee",
        "categories": ["entrepreneuriat", "bonnes-pratiques"],
        "authors": ["sophie"],
        "tags": [
            T("management", "management", "management"),
            T("entreprise libérée", "bevrijde onderneming", "liberated company"),
        ],
        "summary": T(
            "Le concept séduit les grandes organisations. Que peut-il apporter à une start-up de "
            "cinq personnes ou à un collectif de freelances ?",
            "Het concept spreekt grote organisaties aan. Wat kan het betekenen voor een start-up "
            "van vijf mensen of een collectief van freelancers?",
            "The concept appeals to large organisations. What can it offer a five-person "
            "start-up or a freelance collective?",
        ),
        "body": [
            (
                "paragraph",
                (
                    T(
                        "L'entreprise libérée repose sur une idée forte : faire confiance aux "
                        "personnes qui font le travail pour décider de la manière de le faire. Les "
                        "contrôles et les échelons hiérarchiques inutiles disparaissent au profit "
                        "de la responsabilité de chacun.",
                        "De bevrijde onderneming steunt op een krachtig idee: vertrouw de mensen "
                        "die het werk doen om te beslissen hoe ze het doen. Overbodige controles "
                        "en hiërarchische lagen verdwijnen ten voordele van ieders "
                        "verantwoordelijkheid.",
                        "The liberated company rests on a strong idea: trust the people who do the "
                        "work to decide how to do it. Needless controls and layers of hierarchy "
                        "give way to individual responsibility.",
                    ),
                    T(
                        "Dans une petite structure, la hiérarchie est déjà légère. Mais les "
                        "participants de notre atelier ont relevé un piège : sans règles "
                        "explicites, les décisions reviennent souvent, par défaut, au fondateur. "
                        "Écrire qui décide de quoi reste utile, même à trois.",
                        "In een kleine structuur is de hiërarchie al licht. Maar de deelnemers aan "
                        "onze workshop wezen op een valkuil: zonder duidelijke afspraken belanden "
                        "beslissingen vaak vanzelf bij de oprichter. Opschrijven wie wat beslist, "
                        "blijft nuttig, zelfs met drie.",
                        "In a small organisation, the hierarchy is already light. But the "
                        "participants in our workshop pointed out a trap: without explicit rules, "
                        "decisions often fall back to the founder by default. Writing down who "
                        "decides what is still useful, even in a team of three.",
                    ),
                ),
            ),
            (
                "quote",
                Quote(
                    T(
                        "La liberté, ça s'organise.",
                        "Vrijheid moet je organiseren.",
                        "Freedom needs organising.",
                    ),
                    T(
                        "Une participante de l'atelier",
                        "Een deelneemster aan de workshop",
                        "A workshop participant",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "retour-sur-la-formation-e-branding",
        "title": T(
            "Soigner son image en ligne : ce que nous avons retenu de la formation e-branding",
            "Zorg voor uw online imago: wat we onthouden van de opleiding e-branding",
            "Looking after your online image: what we learned from the e-branding training",
        ),
        "days_ago": 61,
        "image": "blog-e-branding",
        "categories": ["formation", "entrepreneuriat"],
        "authors": ["marc", "claire"],
        "tags": [
            T("e-branding", "e-branding", "e-branding"),
            T("réseaux sociaux", "sociale media", "social media"),
            T("formation", "opleiding", "training"),
        ],
        "summary": T(
            "Une identité claire, peu de réseaux mais bien tenus, et un calendrier réaliste : "
            "les enseignements d'une journée de formation transfrontalière.",
            "Een duidelijke identiteit, weinig maar goed onderhouden netwerken en een haalbare "
            "planning: de lessen van een grensoverschrijdende opleidingsdag.",
            "A clear identity, few but well-kept networks and a realistic schedule: lessons from "
            "a day of cross-border training.",
        ),
        "body": [
            (
                "paragraph",
                (
                    T(
                        "Vingt coworkers belges et français ont passé une journée à revoir leur "
                        "présence en ligne. Premier constat : la plupart étaient inscrits sur trop "
                        "de réseaux pour pouvoir les faire vivre.",
                        "Twintig Belgische en Franse coworkers besteedden een dag aan het "
                        "herbekijken van hun online aanwezigheid. Eerste vaststelling: de meesten "
                        "waren op te veel netwerken actief om ze allemaal bij te houden.",
                        "Twenty Belgian and French coworkers spent a day reviewing their online "
                        "presence. First finding: most were signed up to too many networks to keep "
                        "them all alive.",
                    ),
                    T(
                        "La formatrice a insisté sur une phrase qui résume ce que l'on fait, pour "
                        "qui, et en quoi c'est différent. Cette phrase sert ensuite partout : "
                        "profil, signature d'e-mail, présentation orale.",
                        "De opleidster hamerde op één zin die samenvat wat je doet, voor wie, en "
                        "waarin je verschilt. Die zin gebruik je daarna overal: in je profiel, je "
                        "e-mailhandtekening en je mondelinge voorstelling.",
                        "The trainer insisted on one sentence summing up what you do, who for, and "
                        "what makes it different. That sentence is then used everywhere: profile, "
                        "e-mail signature, spoken introduction.",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "universite-et-coworking-un-pont-a-construire",
        "title": T(
            "Université et coworking : un pont à construire",
            "Universiteit en coworking: een brug om te bouwen",
            "University and coworking: a bridge to build",
        ),
        "days_ago": 90,
        "image": "blog-universite",
        "categories": ["vie-des-espaces"],
        "authors": ["equipe"],
        "tags": [
            T("université", "universiteit", "university"),
            T("étudiants", "studenten", "students"),
            T("innovation", "innovatie", "innovation"),
        ],
        "summary": T(
            "Les espaces de coworking peuvent devenir un lieu de rencontre entre chercheurs, "
            "étudiants et entreprises. Quelques pistes testées dans le réseau.",
            "Coworkingruimtes kunnen een ontmoetingsplek worden voor onderzoekers, studenten en "
            "bedrijven. Enkele pistes die in het netwerk werden uitgetest.",
            "Coworking spaces can become a meeting place for researchers, students and "
            "companies. A few ideas tested in the network.",
        ),
        "body": [
            (
                "paragraph",
                (
                    T(
                        "Un étudiant qui termine son mémoire, une chercheuse qui cherche un "
                        "terrain d'application, une PME qui a besoin d'un regard neuf : tous ont "
                        "intérêt à se rencontrer, mais en ont rarement l'occasion.",
                        "Een student die zijn masterproef afwerkt, een onderzoekster die een "
                        "toepassingsveld zoekt, een kmo die nood heeft aan een frisse blik: ze "
                        "hebben er allemaal baat bij elkaar te ontmoeten, maar krijgen zelden de "
                        "kans.",
                        "A student finishing a dissertation, a researcher looking for a field of "
                        "application, an SME in need of a fresh perspective: they all stand to "
                        "gain from meeting, but rarely get the chance.",
                    ),
                    T(
                        "Plusieurs espaces du réseau accueillent désormais des permanences "
                        "d'étudiants et des présentations de travaux de recherche. Le format le "
                        "plus apprécié reste le plus simple : un déjeuner où chacun présente un "
                        "besoin et une compétence.",
                        "Verschillende ruimtes in het netwerk ontvangen nu spreekuren van "
                        "studenten en voorstellingen van onderzoekswerk. Het populairste formaat "
                        "blijft het eenvoudigste: een lunch waarop iedereen één behoefte en één "
                        "competentie voorstelt.",
                        "Several spaces in the network now host student drop-in sessions and "
                        "presentations of research work. The most popular format remains the "
                        "simplest: a lunch where everyone presents one need and one skill.",
                    ),
                ),
            ),
        ],
    },
]

# The articles' hero images described in each language (alt text and caption live on the
# article, next to the image, since one image serves the three translations).
HERO_IMAGE_TEXTS = {
    "blog-reseau": (
        T(
            "Carte du réseau COFFEE reliant les espaces de Wallonie, de Flandre et de Lille",
            "Kaart van het COFFEE-netwerk tussen de ruimtes in Wallonië, Vlaanderen en Rijsel",
            "Map of the COFFEE network linking the spaces in Wallonia, Flanders and Lille",
        ),
        T("Un réseau sans frontière", "Een netwerk zonder grenzen", "A network without borders"),
    ),
    "blog-hold-up": (
        T(
            "Des coworkers autour d'une table couverte de post-it pendant un hold-up créatif",
            "Coworkers rond een tafel vol post-its tijdens een creatieve hold-up",
            "Coworkers around a table covered in sticky notes during a creative hold-up",
        ),
        T("Hold-up créatif", "Creatieve hold-up", "Creative hold-up"),
    ),
    "blog-flandre": (
        T(
            "Une route vers la Flandre depuis un espace de coworking wallon",
            "Een weg naar Vlaanderen vanuit een Waalse coworkingruimte",
            "A road to Flanders from a Walloon coworking space",
        ),
        T("Cap sur la Flandre", "Op weg naar Vlaanderen", "Heading for Flanders"),
    ),
    "blog-liberee": (
        T(
            "Une équipe qui décide ensemble, sans chef au bout de la table",
            "Een team dat samen beslist, zonder baas aan het hoofd van de tafel",
            "A team deciding together, with no boss at the head of the table",
        ),
        T("L'entreprise libérée", "Het bevrijde bedrijf", "The liberated company"),
    ),
    "blog-e-branding": (
        T(
            "Un ordinateur portable affichant le profil en ligne d'un indépendant",
            "Een laptop met het onlineprofiel van een zelfstandige",
            "A laptop showing a freelancer's online profile",
        ),
        T("E-branding", "E-branding", "E-branding"),
    ),
    "blog-universite": (
        T(
            "Des étudiants et des coworkers réunis dans un espace partagé",
            "Studenten en coworkers samen in een gedeelde ruimte",
            "Students and coworkers together in a shared space",
        ),
        T("Université et coworking", "Universiteit en coworking", "University and coworking"),
    ),
}
for _article in ARTICLES:
    _article["image_alt"], _article["image_caption"] = HERO_IMAGE_TEXTS[_article["image"]]


# --------------------------------------------------------------------------------------------
# Studies (fixed dates: they were published while the Interreg project ran, 2016-2020)
# --------------------------------------------------------------------------------------------

STUDY_INDEX = {
    "key": "studies",
    "title": T("Études et ressources", "Studies en bronnen", "Studies and resources"),
    "slug": T("etudes", "studies", "studies"),
    "intro": (
        T(
            "Enquêtes, guides et retours d'expérience produits par le réseau, à télécharger "
            "librement.",
            "Enquêtes, gidsen en ervaringen uit het netwerk, vrij te downloaden.",
            "Surveys, guides and lessons learned produced by the network, free to download.",
        ),
    ),
}

STUDIES = [
    {
        "slug": "le-coworking-en-zone-frontaliere",
        "title": T(
            "Le coworking en zone frontalière : portrait des coworkers",
            "Coworken in de grensregio: een portret van de coworkers",
            "Coworking in the border region: a portrait of coworkers",
        ),
        "date": datetime.date(2018, 3, 15),
        "themes": ["enquetes", "transfrontalier"],
        "partners": ["esco", "switch", "cowork-factory", "co-nnexion", "mutualab"],
        "document": "Le coworking en zone frontalière - synthèse de l'enquête",
        "summary": T(
            "Qui fréquente les espaces du réseau, pourquoi y vient-on et qu'attend-on d'un réseau "
            "transfrontalier ? Synthèse d'une enquête menée dans les cinq espaces de coworking.",
            "Wie komt er in de ruimtes van het netwerk, waarom komen mensen er en wat verwachten "
            "ze van een grensoverschrijdend netwerk? Samenvatting van een enquête in de vijf "
            "coworkingruimtes.",
            "Who uses the network's spaces, why do people come and what do they expect from a "
            "cross-border network? Summary of a survey carried out in the five coworking spaces.",
        ),
        "body": (
            T(
                "L'enquête dresse le portrait d'un public varié : indépendants installés, "
                "créateurs d'entreprise, salariés en télétravail et demandeurs d'emploi en "
                "reconversion. La plupart citent la rupture de l'isolement comme première raison "
                "de venir.",
                "De enquête schetst een gevarieerd publiek: gevestigde zelfstandigen, starters, "
                "telewerkende werknemers en werkzoekenden die zich omscholen. De meesten noemen "
                "het doorbreken van het isolement als belangrijkste reden om te komen.",
                "The survey paints a varied picture: established freelancers, business founders, "
                "employees working remotely and job seekers retraining. Most cite breaking out of "
                "isolation as their main reason for coming.",
            ),
            T(
                "Les attentes envers le réseau portent surtout sur l'accès à de nouveaux clients "
                "et sur des formations courtes. La langue reste le premier frein cité pour "
                "travailler avec la Flandre.",
                "De verwachtingen tegenover het netwerk gaan vooral over toegang tot nieuwe "
                "klanten en korte opleidingen. Taal blijft de meest genoemde drempel om met "
                "Vlaanderen samen te werken.",
                "Expectations of the network focus mainly on access to new clients and on short "
                "training courses. Language remains the most frequently cited obstacle to working "
                "with Flanders.",
            ),
        ),
    },
    {
        "slug": "guide-pratique-du-coworker-transfrontalier",
        "title": T(
            "Guide pratique du coworker transfrontalier",
            "Praktische gids voor de grensoverschrijdende coworker",
            "Practical guide for cross-border coworkers",
        ),
        "date": datetime.date(2019, 6, 20),
        "themes": ["transfrontalier", "entrepreneuriat"],
        "partners": ["technocite", "pop", "ideta"],
        "document": "Guide pratique du coworker transfrontalier",
        "summary": T(
            "Statuts, facturation, assurances, langues : les questions à se poser avant de "
            "travailler de l'autre côté de la frontière, et les interlocuteurs qui peuvent y "
            "répondre.",
            "Statuten, facturatie, verzekeringen, talen: de vragen die u zich moet stellen voor u "
            "aan de andere kant van de grens aan de slag gaat, en wie ze kan beantwoorden.",
            "Status, invoicing, insurance, languages: the questions to ask before working on the "
            "other side of the border, and who can answer them.",
        ),
        "body": (
            T(
                "Ce guide ne remplace pas un conseil personnalisé, mais il aide à préparer le "
                "rendez-vous avec un comptable ou un guichet d'entreprises. Chaque chapitre se "
                "termine par une liste de vérification.",
                "Deze gids vervangt geen persoonlijk advies, maar helpt u om het gesprek met een "
                "boekhouder of ondernemingsloket voor te bereiden. Elk hoofdstuk eindigt met een "
                "checklist.",
                "This guide does not replace personal advice, but it helps you prepare a meeting "
                "with an accountant or a business support desk. Each chapter ends with a "
                "checklist.",
            ),
            UL(
                (
                    T(
                        "Choisir son statut et son lieu d'imposition",
                        "Uw statuut en uw plaats van belastingheffing kiezen",
                        "Choosing your status and where you pay tax",
                    ),
                    T(
                        "Facturer un client de l'autre pays",
                        "Een klant in het andere land factureren",
                        "Invoicing a client in the other country",
                    ),
                    T(
                        "S'assurer et se protéger",
                        "Verzekeringen en bescherming",
                        "Insurance and protection",
                    ),
                    T(
                        "Se faire comprendre : langues et usages",
                        "Zich verstaanbaar maken: talen en gebruiken",
                        "Making yourself understood: languages and customs",
                    ),
                )
            ),
        ),
    },
    {
        "slug": "animer-une-communaute-de-coworkers",
        "title": T(
            "Animer une communauté de coworkers : les pratiques du réseau",
            "Een gemeenschap van coworkers begeleiden: de praktijken van het netwerk",
            "Running a coworking community: the network's practices",
        ),
        "date": datetime.date(2020, 9, 10),
        "themes": ["animation", "bonnes-pratiques"],
        "partners": ["mutualab", "co-nnexion", "switch", "esco"],
        "document": "Animer une communauté de coworkers - recueil de pratiques",
        "summary": T(
            "Accueil des nouveaux membres, événements, outils de communication : ce que les "
            "animateurs des espaces ont appris pendant les quatre années du projet.",
            "Onthaal van nieuwe leden, evenementen, communicatiemiddelen: wat de begeleiders van "
            "de ruimtes tijdens de vier projectjaren hebben geleerd.",
            "Welcoming new members, events, communication tools: what the space managers learned "
            "over the four years of the project.",
        ),
        "body": (
            T(
                "Les animateurs s'accordent sur un point : une communauté ne se décrète pas. Elle "
                "se construit par de petits rituels réguliers, un accueil soigné et la "
                "possibilité, pour chaque membre, de proposer ses propres activités.",
                "De begeleiders zijn het over één ding eens: een gemeenschap kun je niet "
                "afdwingen. Ze groeit door kleine, vaste rituelen, een verzorgd onthaal en de "
                "mogelijkheid voor elk lid om zelf activiteiten voor te stellen.",
                "The managers agree on one point: a community cannot be decreed. It grows through "
                "small regular rituals, a careful welcome and the chance for every member to "
                "propose their own activities.",
            ),
            T(
                "Le document rassemble les formats testés dans le réseau, du hold-up créatif au "
                "petit-déjeuner transfrontalier, avec pour chacun la préparation nécessaire et les "
                "erreurs à éviter.",
                "Het document bundelt de formats die in het netwerk werden getest, van de "
                "creatieve hold-up tot het grensoverschrijdende ontbijt, telkens met de nodige "
                "voorbereiding en de valkuilen.",
                "The document brings together the formats tested in the network, from the "
                "creative hold-up to the cross-border breakfast, each with the preparation it "
                "needs and the mistakes to avoid.",
            ),
        ),
    },
]

# --------------------------------------------------------------------------------------------
# Standard pages
# --------------------------------------------------------------------------------------------

SPACE_LIST = UL(
    (
        T(
            "ESCO, espace de coworking à Tournai",
            "ESCO, coworkingruimte in Doornik",
            "ESCO, coworking space in Tournai",
        ),
        T(
            "Switch, espace de coworking à Charleroi",
            "Switch, coworkingruimte in Charleroi",
            "Switch, coworking space in Charleroi",
        ),
        T(
            "The Cowork Factory, espace de coworking à La Louvière",
            "The Cowork Factory, coworkingruimte in La Louvière",
            "The Cowork Factory, coworking space in La Louvière",
        ),
        T(
            "Co-nnexion, espace de coworking à Mons",
            "Co-nnexion, coworkingruimte in Bergen",
            "Co-nnexion, coworking space in Mons",
        ),
        T(
            "Mutualab, espace de coworking à Lille",
            "Mutualab, coworkingruimte in Rijsel",
            "Mutualab, coworking space in Lille",
        ),
        T(
            "Technocité, centre de compétences à Mons",
            "Technocité, competentiecentrum in Bergen",
            "Technocité, competence centre in Mons",
        ),
        T(
            "PoP, centre de compétences à Lille",
            "PoP, competentiecentrum in Rijsel",
            "PoP, competence centre in Lille",
        ),
        T(
            "IDETA, agence intercommunale de développement à Tournai",
            "IDETA, intercommunaal ontwikkelingsagentschap in Doornik",
            "IDETA, inter-municipal development agency in Tournai",
        ),
        T(
            "La Maison de l'Entreprise, accompagnement des créateurs d'entreprise",
            "La Maison de l'Entreprise, begeleiding van starters",
            "La Maison de l'Entreprise, support for business founders",
        ),
        T(
            "Coworking Charleroi et Charleroi Entreprendre",
            "Coworking Charleroi en Charleroi Entreprendre",
            "Coworking Charleroi and Charleroi Entreprendre",
        ),
    )
)

STANDARD_PAGES = [
    {
        "key": "about",
        "title": T("À propos", "Over ons", "About us"),
        "slug": T("a-propos", "over-ons", "about"),
        "intro": (
            T(
                "COFFEE Hub est la plateforme commune d'un réseau transfrontalier d'espaces de "
                "coworking et de centres de compétences, du Hainaut à la métropole lilloise.",
                "COFFEE Hub is het gemeenschappelijke platform van een grensoverschrijdend netwerk "
                "van coworkingruimtes en competentiecentra, van Henegouwen tot de metropool "
                "Rijsel.",
                "COFFEE Hub is the shared platform of a cross-border network of coworking spaces "
                "and competence centres, from Hainaut to the Lille metropolitan area.",
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    H2(
                        T(
                            "Ce que nous voulons faire",
                            "Wat we willen doen",
                            "What we set out to do",
                        )
                    ),
                    T(
                        "Le réseau veut offrir aux entrepreneurs de la région un terrain neutre, "
                        "où l'on se rencontre sans enjeu de territoire. Concrètement, le hub sert "
                        "à :",
                        "Het netwerk wil de ondernemers in de regio een neutrale ontmoetingsplaats "
                        "bieden, zonder territoriumstrijd. Concreet dient de hub om:",
                        "The network wants to give the region's entrepreneurs neutral ground, "
                        "where people meet with no turf to defend. In practice, the hub is here "
                        "to:",
                    ),
                    UL(
                        (
                            T(
                                "fédérer une communauté d'indépendants et de petites entreprises ;",
                                "een gemeenschap van zelfstandigen en kleine bedrijven samen te "
                                "brengen;",
                                "bring together a community of freelancers and small businesses;",
                            ),
                            T(
                                "accélérer les projets, quel que soit leur secteur ;",
                                "projecten te versnellen, ongeacht de sector;",
                                "speed up projects, whatever their sector;",
                            ),
                            T(
                                "rapprocher l'université et le monde de l'entreprise ;",
                                "universiteit en bedrijfsleven dichter bij elkaar te brengen;",
                                "bring universities and businesses closer together;",
                            ),
                            T(
                                "servir de porte d'entrée aux entreprises et aux personnes qui "
                                "arrivent dans la région ;",
                                "een toegangspoort te zijn voor bedrijven en mensen die zich in de "
                                "regio vestigen;",
                                "act as a gateway for companies and people arriving in the region;",
                            ),
                            T(
                                "recenser les idées et les projets sur lesquels chacun aimerait "
                                "travailler avec d'autres.",
                                "ideeën en projecten te verzamelen waaraan mensen graag met "
                                "anderen willen werken.",
                                "collect the ideas and projects people would like to work on with "
                                "others.",
                            ),
                        )
                    ),
                ),
            ),
            (
                "image",
                Picture(
                    image="about-network",
                    alt_text=T(
                        "Les villes du réseau : Lille, Tournai, Mons, La Louvière et Charleroi",
                        "De steden van het netwerk: Rijsel, Doornik, Bergen, La Louvière en "
                        "Charleroi",
                        "The network's cities: Lille, Tournai, Mons, La Louvière and Charleroi",
                    ),
                    caption=T(
                        "Cinq villes, deux pays, un même réseau.",
                        "Vijf steden, twee landen, één netwerk.",
                        "Five cities, two countries, one network.",
                    ),
                ),
            ),
            (
                "paragraph",
                (
                    H2(
                        T(
                            "À qui s'adresse le réseau ?",
                            "Voor wie is het netwerk bedoeld?",
                            "Who is the network for?",
                        )
                    ),
                    T(
                        "Aux coworkers, freelances, porteurs de projet et demandeurs d'emploi ; "
                        "aux PME des deux côtés de la frontière qui cherchent des compétences ou "
                        "des partenaires ; au personnel et aux étudiants des universités ; et à "
                        "toute personne qui a une idée et l'envie de la partager.",
                        "Voor coworkers, freelancers, projectdragers en werkzoekenden; voor kmo's "
                        "aan beide kanten van de grens die competenties of partners zoeken; voor "
                        "personeel en studenten van universiteiten; en voor iedereen die een idee "
                        "heeft en het wil delen.",
                        "Coworkers, freelancers, project owners and job seekers; SMEs on both "
                        "sides of the border looking for skills or partners; university staff and "
                        "students; and anyone with an idea they want to share.",
                    ),
                ),
            ),
        ],
    },
    {
        "key": "partners",
        "title": T("Partenaires du projet", "Projectpartners", "Project partners"),
        "slug": T("partenaires", "partners", "partners"),
        "intro": (
            T(
                "COFFEE est un projet Interreg France-Wallonie-Vlaanderen porté de 2016 à 2020 "
                "par des acteurs belges et français de l'entrepreneuriat.",
                "COFFEE is een Interreg France-Wallonie-Vlaanderen-project dat van 2016 tot 2020 "
                "werd gedragen door Belgische en Franse spelers uit de ondernemerswereld.",
                "COFFEE is an Interreg France-Wallonie-Vlaanderen project carried out from 2016 "
                "to 2020 by Belgian and French organisations that support entrepreneurship.",
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    H2(T("Les partenaires", "De partners", "The partners")),
                    SPACE_LIST,
                    H2(T("Partenaires associés", "Geassocieerde partners", "Associated partners")),
                    UL(
                        (
                            T(
                                "CoWallonia, réseau des espaces de coworking de Wallonie",
                                "CoWallonia, netwerk van de Waalse coworkingruimtes",
                                "CoWallonia, the network of Walloon coworking spaces",
                            ),
                            T(
                                "Flanders DC, centre flamand pour la créativité et "
                                "l'entrepreneuriat",
                                "Flanders DC, Vlaams centrum voor creativiteit en ondernemerschap",
                                "Flanders DC, the Flemish centre for creativity and "
                                "entrepreneurship",
                            ),
                        )
                    ),
                    H2(T("Financement", "Financiering", "Funding")),
                    T(
                        "Le projet a couru du 1er octobre 2016 au 30 septembre 2020, puis a été "
                        "prolongé jusqu'à la fin de l'année 2020. Son budget total s'élève à "
                        "environ 1,47 million d'euros, dont la moitié provient du Fonds européen "
                        "de développement régional (FEDER), dans le cadre du programme Interreg "
                        "France-Wallonie-Vlaanderen.",
                        "Het project liep van 1 oktober 2016 tot 30 september 2020 en werd daarna "
                        "verlengd tot eind 2020. Het totale budget bedraagt ongeveer 1,47 miljoen "
                        "euro, waarvan de helft afkomstig is van het Europees Fonds voor "
                        "Regionale Ontwikkeling (EFRO), in het kader van het programma Interreg "
                        "France-Wallonie-Vlaanderen.",
                        "The project ran from 1 October 2016 to 30 September 2020 and was then "
                        "extended to the end of 2020. Its total budget is about EUR 1.47 million, "
                        "half of which comes from the European Regional Development Fund (ERDF), "
                        "under the Interreg France-Wallonie-Vlaanderen programme.",
                    ),
                ),
            ),
        ],
    },
    {
        "key": "contact",
        "title": T("Nous contacter", "Contacteer ons", "Contact us"),
        "slug": T("contact", "contact", "contact"),
        "recipient_email": "contact@example.org",
        "intro": (
            T(
                "Une question sur le réseau, un événement à proposer ou l'envie de rejoindre un "
                "espace ? Écrivez-nous.",
                "Een vraag over het netwerk, een evenement om voor te stellen of zin om bij een "
                "ruimte aan te sluiten? Schrijf ons.",
                "A question about the network, an event to suggest, or keen to join a space? "
                "Write to us.",
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    T(
                        "Pour toute question générale, utilisez le formulaire ci-dessous. Nous "
                        "répondons en français, en néerlandais ou en anglais.",
                        "Voor algemene vragen kunt u het formulier hieronder gebruiken. We "
                        "antwoorden in het Frans, het Nederlands of het Engels.",
                        "For general questions, use the form below. We answer in French, Dutch "
                        "or English.",
                    ),
                    T(
                        "Chaque espace du réseau a ses propres coordonnées et horaires : vous les "
                        "trouverez sur sa page.",
                        "Elke ruimte van het netwerk heeft eigen contactgegevens en openingsuren: "
                        "u vindt ze op haar pagina.",
                        "Each space in the network has its own contact details and opening hours: "
                        "you will find them on its page.",
                    ),
                ),
            ),
            (
                "call_to_action",
                CallToAction(
                    title=T(
                        "Un espace près de chez vous",
                        "Een ruimte bij u in de buurt",
                        "A space near you",
                    ),
                    text=T(
                        "Cinq espaces de coworking et deux centres de compétences vous attendent.",
                        "Vijf coworkingruimtes en twee competentiecentra verwelkomen u graag.",
                        "Five coworking spaces and two competence centres look forward to your "
                        "visit.",
                    ),
                    label=T("Voir les espaces", "De ruimtes bekijken", "See the spaces"),
                    page="spaces",
                ),
            ),
        ],
    },
]

# --------------------------------------------------------------------------------------------
# Navigation (one per locale; the French one is the translation source)
# --------------------------------------------------------------------------------------------

NAVIGATION = {
    "primary_menu": [
        (T("Espaces", "Ruimtes", "Spaces"), "spaces"),
        (T("Agenda", "Agenda", "Events"), "agenda"),
        (T("Blog", "Blog", "Blog"), "blog"),
        (T("Études", "Studies", "Studies"), "studies"),
        (T("À propos", "Over ons", "About"), "about"),
    ],
    "footer_text": T(
        "COFFEE Hub est un projet cofinancé par l'Union européenne (FEDER) dans le cadre du "
        "programme Interreg France-Wallonie-Vlaanderen.",
        "COFFEE Hub is een project dat medegefinancierd wordt door de Europese Unie (EFRO) in het "
        "kader van het programma Interreg France-Wallonie-Vlaanderen.",
        "COFFEE Hub is a project co-funded by the European Union (ERDF) under the Interreg "
        "France-Wallonie-Vlaanderen programme.",
    ),
    "footer_links": [
        (T("Partenaires", "Partners", "Partners"), "partners"),
        (T("Lettre d'information", "Nieuwsbrief", "Newsletter"), "newsletter"),
        (T("Contact", "Contact", "Contact"), "contact"),
    ],
    "social_links": [
        ("linkedin", "https://example.org/social/linkedin/coffee-hub"),
        ("facebook", "https://example.org/social/facebook/coffee-hub"),
        ("mastodon", "https://example.org/social/mastodon/coffee-hub"),
    ],
}


def _all_specs():
    yield HOME
    yield SPACE_INDEX
    yield from SPACES
    yield EVENT_INDEX
    yield from EVENTS
    yield BLOG_INDEX
    yield from ARTICLES
    yield STUDY_INDEX
    yield from STUDIES
    yield from STANDARD_PAGES
    yield from CATEGORIES.values()
    yield NAVIGATION


def _build_glossary() -> dict[str, dict[str, str]]:
    glossary: dict[str, dict[str, str]] = {}
    for spec in _all_specs():
        for source, targets in translations_for(spec).items():
            glossary.setdefault(source, targets)
    return glossary


TRANSLATIONS: dict[str, dict[str, str]] = _build_glossary()
"""Every French text of the demo content -> {"nl": ..., "en": ...}."""


# Registration on the site for some upcoming events (their settings are synchronised, so the
# Dutch and English translations take registrations too), with demo registrants who registered
# in their own language: a small workshop whose waiting list is in use, an unlimited webinar,
# the weekly breakfast (registration per date) and the bus tour asking for the company.
REGISTRATIONS = {
    "hold-up-creatif-esco": {
        "capacity": 4,
        "ask_dietary_needs": True,
        "registrants": [
            ("Claire Lambert", "claire.lambert@example.org", "fr"),
            ("Pieter Janssens", "pieter.janssens@example.org", "nl"),
            ("Sophie Martin", "sophie.martin@example.org", "fr"),
            ("Emma Davies", "emma.davies@example.org", "en"),
            ("Lotte De Smet", "lotte.desmet@example.org", "nl"),
            ("Julien Petit", "julien.petit@example.org", "fr"),
        ],
    },
    "webinaire-travailler-des-deux-cotes-de-la-frontiere": {
        "capacity": None,
        "registrants": [
            ("Marc Dubois", "marc.dubois@example.org", "fr"),
            ("Wout Peeters", "wout.peeters@example.org", "nl"),
        ],
    },
    "petit-dejeuner-transfrontalier": {
        "capacity": 12,
        "ask_dietary_needs": True,
        "registrants": [("Anke Willems", "anke.willems@example.org", "nl")],
    },
    "coffee-on-the-road": {
        "capacity": 20,
        "ask_company": True,
        "registrants": [("Tom Baker", "tom.baker@example.org", "en")],
    },
}
