"""Synthetic directories for benchmarks: `manage.py generate_directory`.

Deterministic for a seed (on a database without earlier generated records): every random
choice comes from one ``random.Random(seed)`` and no value depends on the clock. Rows are
written with bulk_create in batches, then indexed in bulk through the configured search
backends, so 100,000 people take minutes, not hours.
"""

import datetime
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction
from tqdm import tqdm
from wagtail.models import Locale

from cms.directory.choices import CompanyKind, CompanySize, OpenTo, ProjectStatus
from cms.directory.listing import site_languages
from cms.directory.models import Company, Coworker, ProjectIdea, Sector, Skill
from cms.directory.models.records import make_slug, sort_key_for
from search.indexing import index_records

from .taxonomy import ensure_taxonomy, spaces_by_city, terms_by_key
from .taxonomy_data import REGION_WEIGHTS, REGIONS, SECTORS, SKILLS

EPOCH = datetime.datetime(2024, 1, 1, 9, 0, tzinfo=datetime.UTC)
LANGUAGES = ("fr", "nl", "en")
EXTRA_LANGUAGES = ["en", "de", "es", "it", "pl", "pt", "tr", "ar"]

HEADLINES = {
    "fr": ["{role} à {city}", "{role} indépendant·e, {skill2}", "{role} – {sector}"],
    "nl": ["{role} in {city}", "Freelance {role_lower}, {skill2}", "{role} – {sector}"],
    "en": ["{role} based in {city}", "Freelance {role_lower}, {skill2}", "{role} – {sector}"],
}
BIOS = {
    "fr": [
        "Je travaille en {skill1} et en {skill2} pour des clients du secteur « {sector} ».",
        "Installé·e à {city}, je passe régulièrement à {space}.",
        "Je cherche des partenaires pour des projets transfrontaliers.",
        "Avant de me lancer, j'ai travaillé dix ans en entreprise.",
        "J'aime partager mon expérience avec les jeunes entrepreneurs.",
    ],
    "nl": [
        "Ik werk in {skill1} en {skill2} voor klanten uit de sector {sector}.",
        "Ik woon in {city} en werk geregeld in {space}.",
        "Ik zoek partners voor grensoverschrijdende projecten.",
        "Voor ik zelfstandige werd, werkte ik tien jaar in een bedrijf.",
        "Ik deel graag mijn ervaring met jonge ondernemers.",
    ],
    "en": [
        "I work in {skill1} and {skill2} for clients in {sector}.",
        "Based in {city}, I often work from {space}.",
        "I am looking for partners for cross-border projects.",
        "Before going freelance I spent ten years in industry.",
        "I enjoy sharing what I learnt with young entrepreneurs.",
    ],
}
COMPANY_WORDS = {
    "fr": ["Atelier", "Studio", "Collectif", "Agence", "Bureau", "Fabrique", "Coopérative"],
    "nl": ["Atelier", "Studio", "Collectief", "Bureau", "Werkplaats", "Coöperatie", "Huis"],
    "en": ["Studio", "Labs", "Works", "Partners", "Collective", "Agency", "Hub"],
}
COMPANY_NAMES = [
    "Lumière",
    "Escaut",
    "Lys",
    "Beffroi",
    "Terril",
    "Polder",
    "Houblon",
    "Carillon",
    "Dentelle",
    "Sambre",
    "Haute",
    "Grand-Place",
    "Vlasbloem",
    "Meersen",
    "Nova",
    "Brique",
    "Canal",
    "Hainaut",
    "Picardie",
    "Flandre",
    "Wapi",
    "Mosaïque",
]
COMPANY_TEXT = {
    "fr": (
        "{name} propose {skill1} et {skill2} aux entreprises du secteur « {sector} », "
        "depuis {city}."
    ),
    "nl": "{name} biedt {skill1} en {skill2} aan bedrijven uit de sector {sector}, vanuit {city}.",
    "en": "{name} offers {skill1} and {skill2} to companies in {sector}, from {city}.",
}
PROJECT_TEXT = {
    "fr": (
        "Projet {sector} : {skill1}",
        "Nous cherchons des personnes en {skill1} et en {skill2} pour un projet dans le "
        "secteur « {sector} » autour de {city}.",
    ),
    "nl": (
        "Project {sector}: {skill1}",
        "We zoeken mensen met ervaring in {skill1} en {skill2} voor een project in de sector "
        "{sector} rond {city}.",
    ),
    "en": (
        "{sector} project: {skill1}",
        "We are looking for people with {skill1} and {skill2} skills for a {sector} project "
        "around {city}.",
    ),
}


@dataclass
class GeneratorReport:
    rows: Counter = field(default_factory=Counter)
    seconds: dict = field(default_factory=dict)


class DirectoryGenerator:
    def __init__(
        self,
        seed: int,
        *,
        batch_size: int = 2000,
        progress: bool = True,
        translated_share: float = 0.2,
    ):
        self.rng = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
        self.seed = seed
        self.batch_size = batch_size
        self.progress = progress
        self.translated_share = translated_share
        self.report = GeneratorReport()

    # ------------------------------------------------------------------ set-up

    def prepare(self):
        ensure_taxonomy()
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        self.skills = terms_by_key(Skill)
        self.sectors = terms_by_key(Sector)
        self.skill_keys = sorted(self.skills)
        self.sector_keys = sorted(self.sectors)
        spaces = spaces_by_city()
        self.spaces = {city: page for city, page in spaces.items() if page.city == city}
        self.regions = sorted(REGIONS)
        self.region_weights = [REGION_WEIGHTS[name] for name in self.regions]
        self.slugs: dict[type, set] = {}

    def free_slug(self, model, text: str) -> str:
        if model not in self.slugs:
            self.slugs[model] = set(model.objects.values_list("slug", flat=True))
        taken = self.slugs[model]
        base = make_slug(text)[:100]
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        return slug

    def key(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def moment(self, max_days=900) -> datetime.datetime:
        return EPOCH + datetime.timedelta(minutes=self.rng.randrange(max_days * 24 * 60))

    def words(self, language, skill_keys, sector_key, city, space_title=""):
        def label(terms, key):
            return terms[key][language][0]

        role = SKILLS[skill_keys[0]][language][3]
        second = skill_keys[1] if len(skill_keys) > 1 else skill_keys[0]
        return {
            "role": role,
            "role_lower": role[0].lower() + role[1:],
            "skill1": label(SKILLS, skill_keys[0]).lower(),
            "skill2": label(SKILLS, second).lower(),
            "sector": label(SECTORS, sector_key).lower(),
            "city": city,
            "space": space_title or city,
        }

    def naming(self, model, name_field: str, name: str) -> dict:
        """A new record's translation key, name (or title), free slug and sort key."""
        return {
            "translation_key": self.key(),
            name_field: name,
            "slug": self.free_slug(model, name),
            "sort_key": sort_key_for(name),
        }

    def publication(self, live=True):
        published = self.moment()
        return {
            "live": live,
            "has_unpublished_changes": not live,
            "first_published_at": published if live else None,
            "last_published_at": published if live else None,
        }

    # ------------------------------------------------------------------ records

    def person(self):
        rng = self.rng
        region_name = rng.choices(self.regions, weights=self.region_weights)[0]
        region = REGIONS[region_name]
        name = f"{rng.choice(region['first_names'])} {rng.choice(region['last_names'])}"
        language = region["language"]
        city = rng.choice(region["cities"])
        skill_keys = rng.sample(self.skill_keys, rng.randint(1, 4))
        sector_keys = rng.sample(self.sector_keys, rng.randint(1, 2))
        home_city = rng.choice(region["spaces"])
        home = self.spaces.get(home_city)
        visited = [
            self.spaces[c]
            for c in rng.sample(sorted(self.spaces), min(len(self.spaces), rng.randint(0, 2)))
            if self.spaces.get(c) is not home
        ]
        spoken = [language] + [
            c for c in ("fr", "nl", "en") if c != language and rng.random() < 0.45
        ]
        if rng.random() < 0.15:
            spoken.append(rng.choice(EXTRA_LANGUAGES))
        open_to = rng.sample([value for value, _label in OpenTo.choices], rng.randint(1, 3))
        state = rng.choices(["public", "no-consent", "withdrawn", "draft"], weights=[95, 2, 1, 2])[
            0
        ]
        consent = None if state == "no-consent" else self.moment()
        naming = self.naming(Coworker, "name", name)
        common = {
            **naming,
            "languages": spoken,
            "open_to": open_to,
            "home_space": home,
            "city": city,
            "country": region["country"],
            "email": f"{naming['slug']}@example.org",
            "show_email": rng.random() < 0.1,
            "consent_given_at": consent,
            "consent_withdrawn_at": consent + datetime.timedelta(days=40)
            if state == "withdrawn"
            else None,
            **self.publication(live=state != "draft"),
        }
        template_headline = rng.randrange(len(HEADLINES["fr"]))
        bio_sentences = sorted(rng.sample(range(len(BIOS["fr"])), 3))
        translations = []
        if rng.random() < self.translated_share:
            others = [code for code in LANGUAGES if code != language]
            translations = others if rng.random() < 0.25 else [rng.choice(others)]
        rows = []
        for code in [language, *translations]:
            words = self.words(code, skill_keys, sector_keys[0], city, home.title if home else "")
            rows.append(
                Coworker(
                    locale=self.locales[code],
                    headline=HEADLINES[code][template_headline].format(**words)[:160],
                    bio=" ".join(BIOS[code][i].format(**words) for i in bio_sentences),
                    **common,
                )
            )
        relations = {
            "skills": [self.skills[k] for k in skill_keys],
            "sectors": [self.sectors[k] for k in sector_keys],
            "spaces_visited": visited,
        }
        return rows, relations

    def company(self, people):
        rng = self.rng
        region = REGIONS[rng.choices(self.regions, weights=self.region_weights)[0]]
        language = region["language"]
        name = f"{rng.choice(COMPANY_WORDS[language])} {rng.choice(COMPANY_NAMES)}"
        city = rng.choice(region["cities"])
        skill_keys = rng.sample(self.skill_keys, rng.randint(1, 4))
        sector_keys = rng.sample(self.sector_keys, rng.randint(1, 2))
        spaces = [self.spaces[c] for c in rng.sample(region["spaces"], 1) if c in self.spaces]
        common = {
            **self.naming(Company, "name", name),
            "kind": rng.choice(CompanyKind.values),
            "size": rng.choice(CompanySize.values),
            "year_founded": rng.randint(1990, 2025),
            "city": city,
            "country": region["country"],
            **self.publication(),
        }
        codes = [language] + (
            [rng.choice([c for c in LANGUAGES if c != language])]
            if rng.random() < self.translated_share
            else []
        )
        rows = []
        for code in codes:
            words = self.words(code, skill_keys, sector_keys[0], city)
            rows.append(
                Company(
                    locale=self.locales[code],
                    description=COMPANY_TEXT[code].format(name=name, **words),
                    **common,
                )
            )
        members = rng.sample(people, min(len(people), rng.randint(0, 4))) if people else []
        relations = {
            "skills": [self.skills[k] for k in skill_keys],
            "sectors": [self.sectors[k] for k in sector_keys],
            "spaces": spaces,
            "people": members,
        }
        return rows, relations

    def project(self, people, companies):
        rng = self.rng
        language = rng.choice(LANGUAGES)
        skill_keys = rng.sample(self.skill_keys, rng.randint(1, 3))
        sector_key = rng.choice(self.sector_keys)
        city = rng.choice(REGIONS[rng.choice(self.regions)]["cities"])
        words = self.words(language, skill_keys, sector_key, city)
        title_template, text_template = PROJECT_TEXT[language]
        title = title_template.format(**words)
        title = title[0].upper() + title[1:]
        by_company = companies and (not people or rng.random() < 0.5)
        row = ProjectIdea(
            locale=self.locales[language],
            **self.naming(ProjectIdea, "title", title),
            description=text_template.format(**words),
            status=rng.choices(ProjectStatus.values, weights=[80, 20])[0],
            deadline=(EPOCH + datetime.timedelta(days=rng.randint(30, 1200))).date(),
            posted_by_company_id=rng.choice(companies) if by_company else None,
            posted_by_coworker_id=None if by_company or not people else rng.choice(people),
            **self.publication(),
        )
        relations = {
            "skills": [self.skills[k] for k in skill_keys],
            "sectors": [self.sectors[sector_key]],
        }
        return [row], relations

    # ------------------------------------------------------------------ writing

    def write(self, model, make, count, label, *args):
        """Create ``count`` records with ``make``; returns the source rows' primary keys."""
        started = time.perf_counter()
        sources = []
        bar = tqdm(total=count, unit=label, disable=not self.progress, mininterval=0.5)
        done = 0
        while done < count:
            size = min(self.batch_size, count - done)
            batch = [make(*args) for _ in range(size)]
            with transaction.atomic():
                for rows, _relations in batch:
                    self.choose_shown(rows)
                rows = model.objects.bulk_create([row for rows, _rel in batch for row in rows])
                self.link(model, batch)
                index_records(model, rows)
            sources += [rows_[0].pk for rows_, _rel in batch]
            self.report.rows[f"{label} (rows, translations included)"] += len(rows)
            done += size
            bar.update(size)
        bar.close()
        self.report.rows[label] += count
        self.report.seconds[label] = time.perf_counter() - started
        return sources

    @staticmethod
    def choose_shown(rows):
        """``shown_in`` as cms.directory.listing computes it: the source stands for every
        language without its own translation (all rows of a group share their state)."""
        public = (
            rows[0].live
            and getattr(rows[0], "consent_given_at", True)
            and not getattr(rows[0], "consent_withdrawn_at", None)
        )
        translated = {row.locale.language_code for row in rows[1:]}
        for position, row in enumerate(rows):
            if not public:
                row.shown_in = []
            elif position == 0:
                row.shown_in = [code for code in site_languages() if code not in translated]
            else:
                row.shown_in = [row.locale.language_code]

    @staticmethod
    def link(model, batch):
        """Many-to-many rows, written with one executemany per relation. Every translation
        shares its source's relations (as wagtail-localize does for synchronised fields).
        Also tells each row its keys, so that indexing needs no query per record."""
        for rows, relations in batch:
            taxonomy = [t.translation_key for t in relations["skills"] + relations["sectors"]]
            spaces = [space.translation_key for space in relations.get("spaces", [])]
            if model is Coworker:
                home = rows[0].home_space
                spaces = [home.translation_key] if home else []
                spaces += [space.translation_key for space in relations["spaces_visited"]]
            for row in rows:
                row._taxonomy_keys, row._space_keys = taxonomy, spaces
        for field_name in ("skills", "sectors", "spaces_visited", "spaces", "people"):
            if field_name not in {f.name for f in model._meta.get_fields()}:
                continue
            field = model._meta.get_field(field_name)
            through = field.remote_field.through
            source_column = through._meta.get_field(field.m2m_field_name()).column
            target_column = through._meta.get_field(field.m2m_reverse_field_name()).column
            links = []
            for rows, relations in batch:
                targets = [t if isinstance(t, int) else t.pk for t in relations.get(field_name, [])]
                links += [(row.pk, target) for row in rows for target in dict.fromkeys(targets)]
            if links:
                with connection.cursor() as cursor:
                    cursor.executemany(
                        f"INSERT INTO {through._meta.db_table} ({source_column}, {target_column}) "  # noqa: S608
                        "VALUES (%s, %s)",
                        links,
                    )

    def run(self, coworkers: int, companies: int, projects: int) -> GeneratorReport:
        started = time.perf_counter()
        self.prepare()
        people = self.write(Coworker, self.person, coworkers, "coworkers")
        firms = self.write(Company, self.company, companies, "companies", people)
        self.write(ProjectIdea, self.project, projects, "projects", people, firms)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics for the query planner
        self.report.seconds["total"] = time.perf_counter() - started
        return self.report
