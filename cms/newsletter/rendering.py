"""An issue as an e-mail: the subject, the HTML and the plain-text alternative, in the edition's
language, every link and image absolute to the public site.

The issue is rendered once; each recipient's message only swaps their own unsubscribe and
preferences links into it (``IssueMail.for_recipient``), so a send of thousands stays cheap.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

UNSUBSCRIBE_PLACEHOLDER = "__NEWSLETTER_UNSUBSCRIBE_URL__"
PREFERENCES_PLACEHOLDER = "__NEWSLETTER_PREFERENCES_URL__"
IMAGE_RENDITION = "fill-560x315"

RELATIVE_LINK = re.compile(r'(\s(?:href|src))="(/[^"/][^"]*|/)"')
ANCHOR = re.compile(r'<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.S | re.I)
BLOCK_END = re.compile(r"</(p|h[1-6]|li|ul|ol|div)>|<br\s*/?>", re.I)
LIST_ITEM = re.compile(r"<li[^>]*>", re.I)


def site_base(issue, request=None) -> str:
    """scheme://host[:port] of the public site the issue is published on (as the request
    being answered reaches it, when there is one: cms.core.base_url)."""
    parts = urlsplit(issue.get_full_url(request) or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def absolute_links(markup: str, base: str) -> str:
    """Site-relative href and src attributes made absolute."""
    return RELATIVE_LINK.sub(lambda m: f'{m.group(1)}="{base}{m.group(2)}"', markup)


def rich_text_html(value, base: str) -> str:
    return absolute_links(expand_db_html(value.source if hasattr(value, "source") else value), base)


def html_to_text(markup: str) -> str:
    """Rich text as plain text: links as "text (url)", one line per paragraph or item."""
    markup = ANCHOR.sub(
        lambda m: (
            f"{strip_tags(m.group(2))} ({m.group(1)})"
            if strip_tags(m.group(2)).strip() != m.group(1)
            else m.group(1)
        ),
        markup,
    )
    markup = LIST_ITEM.sub("- ", markup)
    markup = BLOCK_END.sub("\n", markup)
    text = html.unescape(strip_tags(markup))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def image_url(image, base: str) -> str:
    if image is None:
        return ""
    rendition = image.get_rendition(IMAGE_RENDITION)
    url = rendition.url
    return url if url.startswith(("http://", "https://")) else base + url


def item(page, request, meta: str, image: str = "", image_alt: str = "") -> dict:
    """One page of a list, as the e-mail shows it: title, link, date line, summary, image."""
    return {
        "title": page.title,
        "url": page.get_full_url(request),
        "meta": meta,
        "summary": page.summary,
        "image": image,
        "image_alt": image_alt,
    }


def article_item(page, base, request):
    meta = date_format(page.date, "DATE_FORMAT")
    return item(page, request, meta, image_url(page.hero_image, base), page.hero_image_text)


def event_item(page, base, request):
    return item(page, request, date_format(timezone.localtime(page.start), "DATETIME_FORMAT"))


def study_item(page, base, request):
    return item(page, request, date_format(page.date, "DATE_FORMAT"))


ITEMS = {"articles": article_item, "events": event_item, "studies": study_item}


def sections(issue, request=None) -> list[dict]:
    """The issue's blocks, resolved: text as absolute HTML and plain text, lists as items;
    links on the site as ``request`` reaches it, or as an e-mail does without one."""
    base = site_base(issue, request)
    result = []
    for block in issue.body:
        if block.block_type == "text":
            markup = rich_text_html(block.value, base)
            result.append({"kind": "text", "html": markup, "text": html_to_text(markup)})
            continue
        make_item = ITEMS.get(block.block_type)
        if make_item is None:
            continue
        pages = block.block.items(block.value, issue.locale, issue.date)
        if not pages:
            continue
        result.append(
            {
                "kind": block.block_type,
                "heading": block.value.get("heading") or str(block.block.meta.label),
                "items": [make_item(page, base, request) for page in pages],
            }
        )
    return result


@dataclass
class IssueMail:
    """The rendered issue with placeholders for each recipient's own links."""

    subject: str
    html: str
    text: str
    language: str

    def for_recipient(self, unsubscribe_url: str, preferences_url: str) -> tuple[str, str]:
        """(html, text) for one recipient."""
        markup = self.html.replace(UNSUBSCRIBE_PLACEHOLDER, html.escape(unsubscribe_url)).replace(
            PREFERENCES_PLACEHOLDER, html.escape(preferences_url)
        )
        text = self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url).replace(
            PREFERENCES_PLACEHOLDER, preferences_url
        )
        return markup, text


def render_issue(issue) -> IssueMail:
    """Render ``issue`` once, in its language, for every recipient."""
    language = issue.locale.language_code
    base = site_base(issue)
    with translation.override(language):
        context = {
            "issue": issue,
            "language": language,
            "sections": sections(issue),
            "web_url": issue.get_full_url(),
            "site_url": base + "/" + language + "/",
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
            "preferences_url": PREFERENCES_PLACEHOLDER,
        }
        markup = render_to_string("newsletter/email.html", context)
        text = render_to_string("newsletter/email.txt", context)
    return IssueMail(subject=issue.title, html=markup, text=text, language=language)
