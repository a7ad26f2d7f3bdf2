"""Demo records of the directory, linked to the demo spaces. Idempotent: records that exist
(same slug) are left as they are; missing translations are added."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from . import demo_data
from .models import Company, Coworker, ProjectIdea, Sector, Skill
from .models.records import make_slug
from .seed import ensure_taxonomy, spaces_by_city, terms_by_key

CONSENT_DATE = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def translate_record(instance, language_code: str, texts: dict[str, str]):
    """Translate a record the way an editor does with wagtail-localize: the strings of its
    translatable fields get translations, then the translation is created and published."""
    from wagtail_localize.models import StringTranslation, TranslationSource
    from wagtail_localize.operations import TranslationCreator
    from wagtail_localize.strings import StringValue

    locale = Locale.objects.get(language_code=language_code)
    if instance.get_translation_or_none(locale) is not None:
        return None
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for segment in source.stringsegment_set.select_related("string", "context"):
        field_name = segment.context.path.split(".")[0]
        if field_name in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(texts[field_name]).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    TranslationCreator(None, [locale]).create_translations(instance)
    translated = instance.get_translation_or_none(locale)
    if translated is not None and not translated.live:
        # New translations are drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False):
        # these are real translations, so publish them as the editor would.
        translated.latest_revision.publish()
        translated.refresh_from_db()
    return translated


def _publish(record, *, live=True):
    record.live = False
    record.save()
    revision = record.save_revision()
    if live:
        revision.publish()
        record.refresh_from_db()
    return record


def _coworker(spec, locales, skills, sectors, spaces, counts):
    slug = make_slug(spec["name"])
    record = Coworker.objects.filter(slug=slug).order_by("pk").first()
    if record is None:
        state = spec["state"]
        consent = None if state == "no-consent" else CONSENT_DATE
        record = Coworker(
            locale=locales[spec["language"]],
            name=spec["name"],
            slug=slug,
            headline=spec["headline"],
            bio=spec["bio"],
            languages=spec["languages"],
            open_to=spec["open_to"],
            home_space=spaces.get(spec["home"]),
            city=spec["city"],
            country=spec["country"],
            website=spec.get("website", ""),
            email=spec["email"],
            show_email=spec.get("show_email", False),
            consent_given_at=consent,
            consent_withdrawn_at=CONSENT_DATE + datetime.timedelta(days=30)
            if state == "withdrawn"
            else None,
            consent_note="Formulaire signé (démo)" if consent else "",
        )
        record.skills = [skills[key] for key in spec["skills"] if key in skills]
        record.sectors = [sectors[key] for key in spec["sectors"] if key in sectors]
        record.spaces_visited = [spaces[name] for name in spec["visited"] if name in spaces]
        _publish(record, live=state != "draft")
        counts["coworkers"] += 1
    for code, (headline, bio) in spec.get("translations", {}).items():
        if translate_record(record, code, {"headline": headline, "bio": bio}):
            counts["translations"] += 1
    return record


def _company(spec, locales, skills, sectors, spaces, counts):
    slug = make_slug(spec["name"])
    record = Company.objects.filter(slug=slug).order_by("pk").first()
    if record is None:
        record = Company(
            locale=locales[spec["language"]],
            name=spec["name"],
            slug=slug,
            description=spec["description"],
            kind=spec["kind"],
            size=spec["size"],
            year_founded=spec["year_founded"],
            city=spec["city"],
            country=spec["country"],
        )
        record.skills = [skills[key] for key in spec["skills"] if key in skills]
        record.sectors = [sectors[key] for key in spec["sectors"] if key in sectors]
        record.spaces = [spaces[name] for name in spec["spaces"] if name in spaces]
        record.people = list(
            Coworker.objects.filter(slug__in=spec["people"], pk__in=_sources(Coworker))
        )
        _publish(record)
        counts["companies"] += 1
    for code, description in spec.get("translations", {}).items():
        if translate_record(record, code, {"description": description}):
            counts["translations"] += 1
    return record


def _project(spec, locales, skills, sectors, counts):
    slug = make_slug(spec["title"])
    record = ProjectIdea.objects.filter(slug=slug).order_by("pk").first()
    if record is None:
        days = spec.get("deadline_days")
        record = ProjectIdea(
            locale=locales[spec["language"]],
            title=spec["title"],
            slug=slug,
            description=spec["description"],
            status=spec["status"],
            deadline=timezone.localdate() + datetime.timedelta(days=days) if days else None,
            posted_by_coworker=Coworker.objects.filter(
                slug=spec.get("coworker"), pk__in=_sources(Coworker)
            ).first(),
            posted_by_company=Company.objects.filter(
                slug=spec.get("company"), pk__in=_sources(Company)
            ).first(),
        )
        record.skills = [skills[key] for key in spec["skills"] if key in skills]
        record.sectors = [sectors[key] for key in spec["sectors"] if key in sectors]
        _publish(record)
        counts["projects"] += 1
    for code, (title, description) in spec.get("translations", {}).items():
        if translate_record(record, code, {"title": title, "description": description}):
            counts["translations"] += 1
    return record


def _sources(model):
    """The oldest row of each translation group (the record as first written)."""
    from django.db.models import Min

    return model.objects.values("translation_key").annotate(first=Min("pk")).values("first")


def load_directory_demo(stdout=None) -> dict[str, int]:
    """Create the demo directory (taxonomy, people, companies, project ideas)."""
    counts = {"coworkers": 0, "companies": 0, "projects": 0, "translations": 0}
    with transaction.atomic():
        taxonomy = ensure_taxonomy()
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        skills, sectors = terms_by_key(Skill), terms_by_key(Sector)
        spaces = spaces_by_city()
        for spec in demo_data.COWORKERS:
            _coworker(spec, locales, skills, sectors, spaces, counts)
        for spec in demo_data.COMPANIES:
            _company(spec, locales, skills, sectors, spaces, counts)
        for spec in demo_data.PROJECTS:
            _project(spec, locales, skills, sectors, counts)
    if stdout is not None:
        stdout.write(
            "Directory: {skills} skills and {sectors} sectors added; {coworkers} coworkers, "
            "{companies} companies, {projects} project ideas and {translations} translations "
            "created{spaces}.".format(
                **taxonomy,
                **counts,
                spaces="" if spaces else " (no space page found: records are not linked to spaces)",
            )
        )
    return counts
