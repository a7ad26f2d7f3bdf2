"""Excerpts the service highlights itself (database engine, typo-tolerant engine hits)."""

from cms.directory.search.highlight import highlight


def test_words_are_marked_whatever_their_case_and_accents():
    assert highlight("Senior Web DEVELOPER", ["developer"]) == "Senior Web <mark>DEVELOPER</mark>"
    assert highlight("Développeuse à Liège", ["developpeuse", "liege"]) == (
        "<mark>Développeuse</mark> à <mark>Liège</mark>"
    )


def test_marks_stay_on_the_word_after_ligatures_and_symbols():
    text = "Œuvre ﬁnancière ½ – Développeur İzmir"
    assert highlight(text, ["développeur"]) == "Œuvre ﬁnancière ½ – <mark>Développeur</mark> İzmir"


def test_the_excerpt_is_escaped_and_absent_without_a_match():
    assert highlight("<b>Comptable</b> & co", ["comptable"]) == (
        "&lt;b&gt;<mark>Comptable</mark>&lt;/b&gt; &amp; co"
    )
    assert highlight("Comptable", ["boekhouder"]) is None
