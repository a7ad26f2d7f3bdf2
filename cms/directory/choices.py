"""Fixed vocabularies of the directory (the editable ones, skills and sectors, are snippets)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SpokenLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    SPANISH = "es", _("Spanish")
    ITALIAN = "it", _("Italian")
    PORTUGUESE = "pt", _("Portuguese")
    POLISH = "pl", _("Polish")
    TURKISH = "tr", _("Turkish")
    ARABIC = "ar", _("Arabic")


class OpenTo(models.TextChoices):
    COLLABORATION = "collaboration", _("Collaboration")
    FREELANCE = "freelance", _("Freelance missions")
    HIRING = "hiring", _("Hiring")
    MENTORING = "mentoring", _("Mentoring")
    CROSS_BORDER = "cross-border", _("Cross-border projects")
    INTERNSHIPS = "internships", _("Students and internships")


class Country(models.TextChoices):
    BELGIUM = "BE", _("Belgium")
    FRANCE = "FR", _("France")
    NETHERLANDS = "NL", _("Netherlands")
    LUXEMBOURG = "LU", _("Luxembourg")
    GERMANY = "DE", _("Germany")


class CompanyKind(models.TextChoices):
    STARTUP = "startup", _("Start-up")
    SME = "sme", _("Small or medium-sized enterprise")
    LARGE = "large", _("Large company")
    UNIVERSITY_LAB = "university-lab", _("University lab")
    ASSOCIATION = "association", _("Association")
    PUBLIC = "public", _("Public body")


class CompanySize(models.TextChoices):
    SOLO = "1", _("1 person")
    MICRO = "2-9", _("2 to 9 people")
    SMALL = "10-49", _("10 to 49 people")
    MEDIUM = "50-249", _("50 to 249 people")
    LARGE = "250+", _("250 people or more")


class ProjectStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
