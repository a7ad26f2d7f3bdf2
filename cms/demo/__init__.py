"""Demo and generated content, built on the apps (no app imports this package).

- ``factories``: factory_boy / wagtail-factories factories, shared by the tests and the demo;
- ``content``: the demo site's data (pages, snippets, images, in fr/nl/en);
- ``loader``: ``load_demo_content``, one method per part of the demo;
- ``translation``: wagtail-localize translations made in code, as an editor makes them;
- ``media``: images and PDFs drawn for the demo;
- ``directory/``: the directory's taxonomy, demo records and synthetic generator.
"""
