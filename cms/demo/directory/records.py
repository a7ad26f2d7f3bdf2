"""Demo records of the directory (``records_data.py``), linked to the demo spaces. Idempotent:
records that exist (same slug) are left as they are; missing translations are added."""

import datetime

from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Locale

from cms.directory.models import Company, Coworker, Sector, Skill
from cms.directory.models.records import make_slug

from ..factories import CONSENT_DATE, CompanyFactory, CoworkerFactory, ProjectIdeaFactory
from ..translation import translate_record
from . import records_data
from .taxonomy import ensure_taxonomy, spaces_by_city, terms_by_key


def sources(model):
    """The oldest row of each translation group (the record as first written)."""
    return model.objects.values("translation_key").annotate(first=Min("pk")).values("first")


class DirectoryDemo:
    def __init__(self):
        self.counts = {"coworkers": 0, "companies": 0, "projects": 0, "translations": 0}
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.skills, self.sectors = terms_by_key(Skill), terms_by_key(Sector)
        self.spaces = spaces_by_city()

    def load(self, factory, spec, counter, translated_fields, **fields):
        """The record of ``spec`` (created with ``factory`` unless its slug exists), then its
        translations: ``spec["translations"]`` gives, per language, the texts of
        ``translated_fields`` (one text, or a tuple in the same order)."""
        model = factory._meta.model
        name = spec[model.name_field]
        slug = make_slug(name)
        record = model.objects.filter(slug=slug).order_by("pk").first()
        if record is None:
            record = factory(
                locale=self.locales[spec["language"]],
                slug=slug,
                skills=[self.skills[key] for key in spec["skills"] if key in self.skills],
                sectors=[self.sectors[key] for key in spec["sectors"] if key in self.sectors],
                **{model.name_field: name},
                **fields,
            )
            self.counts[counter] += 1
        for code, texts in spec.get("translations", {}).items():
            texts = texts if isinstance(texts, tuple) else (texts,)
            if translate_record(record, code, dict(zip(translated_fields, texts, strict=True))):
                self.counts["translations"] += 1
        return record

    def coworker(self, spec):
        state = spec["state"]
        consent = None if state == "no-consent" else CONSENT_DATE
        withdrawn = CONSENT_DATE + datetime.timedelta(days=30) if state == "withdrawn" else None
        return self.load(
            CoworkerFactory,
            spec,
            "coworkers",
            ("headline", "bio"),
            published=state != "draft",
            headline=spec["headline"],
            bio=spec["bio"],
            languages=spec["languages"],
            open_to=spec["open_to"],
            home_space=self.spaces.get(spec["home"]),
            spaces_visited=[self.spaces[name] for name in spec["visited"] if name in self.spaces],
            city=spec["city"],
            country=spec["country"],
            website=spec.get("website", ""),
            email=spec["email"],
            show_email=spec.get("show_email", False),
            consent_given_at=consent,
            consent_withdrawn_at=withdrawn,
            consent_note="Formulaire signé (démo)" if consent else "",
        )

    def company(self, spec):
        return self.load(
            CompanyFactory,
            spec,
            "companies",
            ("description",),
            description=spec["description"],
            kind=spec["kind"],
            size=spec["size"],
            year_founded=spec["year_founded"],
            city=spec["city"],
            country=spec["country"],
            spaces=[self.spaces[name] for name in spec["spaces"] if name in self.spaces],
            people=list(Coworker.objects.filter(slug__in=spec["people"], pk__in=sources(Coworker))),
        )

    def project(self, spec):
        days = spec.get("deadline_days")
        return self.load(
            ProjectIdeaFactory,
            spec,
            "projects",
            ("title", "description"),
            description=spec["description"],
            status=spec["status"],
            deadline=timezone.localdate() + datetime.timedelta(days=days) if days else None,
            posted_by_coworker=Coworker.objects.filter(
                slug=spec.get("coworker"), pk__in=sources(Coworker)
            ).first(),
            posted_by_company=Company.objects.filter(
                slug=spec.get("company"), pk__in=sources(Company)
            ).first(),
        )


def load_directory_demo() -> dict[str, int]:
    """Create the demo directory (taxonomy, people, companies, project ideas); returns how many
    of each were created, and how many spaces the records could be linked to."""
    with transaction.atomic():
        taxonomy = ensure_taxonomy()
        demo = DirectoryDemo()
        for spec in records_data.COWORKERS:
            demo.coworker(spec)
        for spec in records_data.COMPANIES:
            demo.company(spec)
        for spec in records_data.PROJECTS:
            demo.project(spec)
    return {**taxonomy, **demo.counts, "spaces": len(demo.spaces)}
