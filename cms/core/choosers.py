"""Admin choosers of translatable snippets with draft states (categories, navigation, skills,
sectors): they offer only published rows. An editor filing a published article under a draft
category would expose the draft's name once the article is published (or file it under nothing
a visitor sees), so a draft has to be published before it can be chosen."""

from wagtail.snippets.views.chooser import SnippetChooserViewSet


class PublishedChooserViewSet(SnippetChooserViewSet):
    def get_object_list(self):
        return self.model.objects.public()
