"""The directory in the site search (search/site.py): people, companies and project ideas,
found by the directory's own search (names, skills named in any language, only public and
consented records), presented in the visitor's language."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from search import site

from . import cache
from .kinds import KINDS
from .models import Sector, Skill
from .search import parse_directory_query
from .search import search as directory_search
from .vocabulary import Vocabulary

#: what one hit is, and the position of the kind among the site search's groups
TYPE_LABELS = {
    "coworkers": gettext_lazy("Coworker"),
    "companies": gettext_lazy("Company"),
    "projects": gettext_lazy("Project idea"),
}
ORDER = {"coworkers": 40, "companies": 50, "projects": 60}
#: whose words each kind offers for suggestions and "did you mean" (each once)
TERMS_OF = {"coworkers": Skill, "companies": Sector}


def searcher(kind: str):
    def run(text: str, language: str, offset: int, limit: int) -> site.Found:
        query, _problems, vocabulary = parse_directory_query(
            {"q": text, "page": str(offset // limit + 1), "page_size": str(limit)},
            locale=language,
            kind=kind,
            # read once for every kind of one site search
            vocabulary=site.shared(
                ("directory-vocabulary", language), lambda: Vocabulary.current(language)
            ),
        )
        results = directory_search(query, vocabulary=vocabulary, facets=False)
        label = str(TYPE_LABELS[kind])
        hits = [
            site.SiteHit(
                title=hit.view.name,
                url=hit.view.url,
                summary=hit.view.summary,
                language=hit.view.language,
                type_label=label,
            )
            for hit in results.hits
        ]
        return site.Found(total=results.total, hits=hits, degraded=results.degraded)

    return run


def _known(kind: str, language: str) -> list[site.Known]:
    model = KINDS[kind].model
    name = model.name_field
    records = model.objects.in_locale(language).only(name, "slug", "locale").order_by("sort_key")
    known = [site.Known(getattr(record, name), record.get_url(language)) for record in records]
    terms = TERMS_OF.get(kind)
    if terms is not None:  # labels and synonyms in every language: searched, not linked
        for term in terms.objects.public().only("label", "synonyms"):
            known.extend(site.Known(word) for word in term.words)
    return known


def knower(kind: str):
    return lambda language: cache.kept(
        ("site-known", kind, language), lambda: _known(kind, language)
    )


def register_site_sources() -> None:
    register_miss_actions()
    for kind, spec in KINDS.items():
        site.register(
            site.SiteSource(
                kind=kind,
                label=lambda spec=spec: spec.label,
                search=searcher(kind),
                known=knower(kind),
                order=ORDER[kind],
            )
        )


# ---------------------------------------------------------------------- searches without results


def skill_targets(language: str, user) -> list[tuple[str, str]]:
    """The skills of ``language`` (published) a user who may edit skills can add a synonym to."""
    if not user.has_perm("directory.change_skill"):
        return []
    skills = Skill.objects.public().filter(locale__language_code=language).order_by("label")
    return [(str(skill.pk), skill.label) for skill in skills]


def add_skill_synonym(words: str, language: str, target: str, user) -> str:
    """``words`` become a synonym of the skill (a new published revision): the directory and
    the site search find its people and companies with them at once, in every language."""
    skill = Skill.objects.public().get(pk=int(target), locale__language_code=language)
    if site.normalise_query(words) not in {site.normalise_query(w) for w in skill.words}:
        skill.synonyms = ", ".join([*skill.synonym_list, words])
        skill.save_revision(user=user).publish(user=user)
    return _("“%(words)s” is now a synonym of the skill “%(skill)s”.") % {
        "words": words,
        "skill": skill.label,
    }


def register_miss_actions() -> None:
    site.register_miss_action(
        site.MissAction(
            name="skill",
            label=lambda: _("Synonym of a skill"),
            targets=skill_targets,
            apply=add_skill_synonym,
        )
    )
