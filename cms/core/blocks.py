"""StreamField blocks shared by every page body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; empty uses the image title."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_with_caption.html"
        label = _("Image with caption")

    def get_api_representation(self, value, context=None):
        image = value["image"]
        rendition = image.get_rendition("max-1200x900") if image else None
        return {
            "image": image.pk if image else None,
            "url": rendition.url if rendition else None,
            "width": rendition.width if rendition else None,
            "height": rendition.height if rendition else None,
            "alt": value["alt_text"] or (image.title if image else ""),
            "caption": value["caption"],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address."""

    label = blocks.CharBlock(label=_("Label"))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.BlockValidationError(_("Choose a page or an address."))
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        label = _("Call to action")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Label"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link.html"
        label = _("Document link")

    def get_api_representation(self, value, context=None):
        document = value["document"]
        return {
            "document": document.pk if document else None,
            "title": value["label"] or (document.title if document else ""),
            "url": document.url if document else None,
            "file_extension": document.file_extension if document else None,
        }


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="blocks/paragraph.html",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(label=_("Embedded media"), template="blocks/embed.html")
    document = DocumentLinkBlock()
    table = TableBlock(label=_("Table"), template="blocks/table.html")

    class Meta:
        label = _("Body")
