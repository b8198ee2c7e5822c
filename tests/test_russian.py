"""Russian passages coded natively (dragoman.russian): one sentence written for each rule."""

from __future__ import annotations

import pytest

from dragoman.model import Document
from dragoman.russian.syntax import UDToken, english_shape

pytest.importorskip("natasha")


# ---------------------------------------------------------------- the parse in the English scheme


def test_a_preposition_heads_its_noun_as_in_english():
    # "встретился с послом": UD hangs "с" under "послом" (case); the extractor reads prep → pobj
    toks = [
        UDToken("Он", "PRON", {"Case": "Nom"}, 1, "nsubj"),
        UDToken("встретился", "VERB", {}, -1, "root"),
        UDToken("с", "ADP", {}, 3, "case"),
        UDToken("послом", "NOUN", {"Case": "Ins"}, 1, "obl"),
    ]
    heads, deps = english_shape(toks)
    assert deps == ["nsubj", "ROOT", "prep", "pobj"]
    assert heads == [1, 1, 1, 2]


def test_objects_passives_negation_and_bare_datives_get_english_labels():
    toks = [
        UDToken("Документ", "NOUN", {"Case": "Nom"}, 2, "nsubj:pass"),
        UDToken("не", "PART", {}, 2, "advmod"),
        UDToken("подписан", "VERB", {}, -1, "root"),
        UDToken("было", "AUX", {}, 2, "aux:pass"),
        UDToken("стране", "NOUN", {"Case": "Dat"}, 2, "obl"),
        UDToken("договор", "NOUN", {"Case": "Acc"}, 2, "obj"),
    ]
    _, deps = english_shape(toks)
    assert deps == ["nsubjpass", "neg", "ROOT", "auxpass", "dative", "dobj"]


def test_a_russian_passage_becomes_a_spacy_doc_with_its_own_text_and_entities():
    from dragoman.russian.annotate import parse

    text = "Министр иностранных дел Сергей Лавров встретился в Москве с коллегами."
    doc = parse(text)
    assert doc.text == text
    met = next(t for t in doc if t.text == "встретился")
    assert met.lemma_ == "встретиться" and met.dep_ == "ROOT"
    assert [(e.text, e.label_) for e in doc.ents] == [("Сергей Лавров", "PERSON"), ("Москве", "GPE")]
    with_ = next(t for t in doc if t.text == "с")
    assert with_.dep_ == "prep" and with_.head.i == met.i
    assert [c.text for c in with_.children if c.dep_ == "pobj"] == ["коллегами"]


# ---------------------------------------------------------------- knowledge on lemmas


@pytest.fixture(scope="module")
def russian(pipeline):
    return pipeline.russian


def mentions(russian, text):
    from dragoman.russian.annotate import parse

    return russian.mentions(parse(text)[:])


def test_titles_countries_and_acronyms_match_in_any_case(russian):
    found = mentions(
        russian, "Премьер-министр провел встречу с министром иностранных дел Китая и послом ШОС."
    )
    minister = next(m for m in found if "министром" in m.text)
    assert minister.role.name == "foreign minister" and minister.country == "CHN"
    envoy = next(m for m in found if "послом" in m.text)
    assert envoy.role.name == "ambassador" and envoy.org.code == "SCO"


def test_lower_case_demonyms_give_the_country(russian):
    [m] = [m for m in mentions(russian, "Журналисты ждали российского посла у здания.") if "посла" in m.text]
    assert m.country == "RUS" and m.role.name == "ambassador"


def test_a_plural_title_is_a_group(russian):
    [m] = [m for m in mentions(russian, "Президенты Армении провели переговоры.") if "Президенты" in m.text]
    assert m.plural and m.country == "ARM"


def test_an_inflected_name_is_the_known_person_in_latin_script(russian):
    [m] = [m for m in mentions(russian, "Журналисты обсуждали заявление Сергея Лаврова.") if m.person]
    assert m.person == "Sergei Lavrov" and m.known is not None


def test_curated_spellings_name_people_transliteration_cannot(russian):
    [m] = [m for m in mentions(russian, "Гости приехали к Си Цзиньпину.") if m.person]
    assert m.person == "Xi Jinping"


def test_an_unknown_name_is_put_in_the_nominative_and_kept_in_russian(russian):
    from dragoman.russian.annotate import parse
    from dragoman.russian.mentions import person_name

    doc = parse("Делегация встретилась с Иваном Петровым.")
    assert person_name([t for t in doc if t.ent_type_ == "PERSON"]) == "Ivan Petrov"  # to look up people.tsv
    [m] = [m for m in mentions(russian, "Делегация встретилась с Иваном Петровым.") if m.person]
    assert m.person == "Иван Петров"


def test_transliteration_and_the_spelling_blind_key():
    from dragoman.russian.translit import name_key, transliterate

    assert transliterate("Шавкат Мирзиёев") == "Shavkat Mirziyoyev"
    assert transliterate("Евгений Токаев") == "Yevgeniy Tokayev"
    assert name_key(transliterate("Садыр Жапаров")) == name_key("Sadyr Japarov")  # Zhaparov, Japarov


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(
    "name, geonameid",
    [
        ("Ухань", 1791247),
        ("Уханя", 1791247),
        ("Ухане", 1791247),
        ("Москве", 524901),
        ("Тяньцзине", 1792947),
        ("Нижнем Новгороде", 520555),
    ],
)
def test_russian_place_names_resolve_to_the_english_geonames_entry(name, geonameid):
    from dragoman.places import get_gazetteer

    assert get_gazetteer().lookup(name).geonameid == geonameid


def test_curated_aliases_name_provinces_geonames_has_no_russian_name_for():
    from dragoman.places import get_gazetteer

    place = get_gazetteer().lookup("провинции Хубэй".split()[1])
    assert (place.name, place.country_code) == ("Hubei", "CHN")


def test_a_country_in_russian_resolves_in_any_case():
    from dragoman.places import get_gazetteer

    assert get_gazetteer().lookup("Кыргызстане").country_code == "KGZ"


def test_the_event_place_is_a_locative_phrase_attached_to_the_trigger():
    from dragoman.places import get_gazetteer
    from dragoman.russian.annotate import parse
    from dragoman.russian.places import event_place

    doc = parse("Посол Франции, который живет в Париже, встретился в Минске с журналистами.")
    met = next(t.i for t in doc if t.text == "встретился")
    assert event_place(doc[:], met, get_gazetteer()).name == "Minsk"


def test_a_destination_is_the_place_of_a_visit():
    from dragoman.places import get_gazetteer
    from dragoman.russian.annotate import parse
    from dragoman.russian.places import event_place

    doc = parse("Министр прилетел в Пекин с визитом.")
    flew = next(t.i for t in doc if t.text == "прилетел")
    assert event_place(doc[:], flew, get_gazetteer()).name == "Beijing"


# ---------------------------------------------------------------- dates


def date_of(sentence, trigger, anchor):
    from dragoman.russian.annotate import parse
    from dragoman.russian.dates import event_date

    doc = parse(sentence)
    return event_date(doc[:], anchor, next(t.i for t in doc if t.text == trigger))


def test_a_full_russian_date():
    assert (
        date_of("Стороны 2 июня 2021 года подписали соглашение.", "подписали", "2021-06-05").date
        == "2021-06-02"
    )


def test_a_day_and_month_take_the_year_of_the_report():
    assert date_of("Министр 13 июля прилетел в Пекин.", "прилетел", "2025-07-15").date == "2025-07-13"


def test_a_weekday_is_the_last_such_day_up_to_the_report():
    assert date_of("Во вторник министры провели встречу.", "провели", "2025-07-15").date == "2025-07-15"
    assert date_of("В четверг министры провели встречу.", "провели", "2025-07-15").date == "2025-07-10"


def test_last_week_is_a_range():
    found = date_of("На прошлой неделе министры провели встречу.", "провели", "2025-07-15")
    assert (found.date, found.precision, found.end) == ("2025-07-07", "range", "2025-07-13")


def test_the_date_attached_to_the_trigger_wins():
    found = date_of(
        "Соглашение, подписанное 2 марта 2020 года, стороны обсудили 5 мая.", "обсудили", "2020-06-01"
    )
    assert found.date == "2020-05-05"


# ---------------------------------------------------------------- whole documents


def run(pipeline, text, date="2025-03-04"):
    (doc,) = pipeline.process([Document(id="ru-test", text=text, date=date)])
    return doc


def test_a_russian_meeting_is_coded_with_english_ids_and_russian_text(pipeline):
    text = "Министр иностранных дел России Сергей Лавров встретился в Москве с министром иностранных дел Китая Ван И."
    doc = run(pipeline, text)
    [event] = doc.events
    rec = event.to_record()
    assert rec["event"] == "CONSULT" and rec["lang"] == "ru"
    assert rec["text"] == text and rec["trigger"]["text"] == "встретился"
    [actor], [recipient] = rec["actor"], rec["recipient"]
    assert actor["name"] == "Sergei Lavrov" and actor["country"] == "RUS"
    assert actor["text"] == "Министр иностранных дел России Сергей Лавров"
    assert recipient["name"] == "Wang Yi" and recipient["country"] == "CHN"
    assert rec["location"]["geonameid"] == 524901
    english = run(
        pipeline, "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Moscow."
    )
    assert english.events[0].actor[0].id == event.actor[0].id


def test_a_call_to_a_state_is_a_request(pipeline):
    [event] = run(pipeline, "Правительство Армении призвало Азербайджан к переговорам.").events
    assert event.event == "REQUEST"
    assert (event.actor[0].country, event.recipient[0].country) == ("ARM", "AZE")


def test_a_protest_note_handed_to_an_ambassador_is_an_accusation(pipeline):
    [event] = run(pipeline, "МИД Грузии вручил послу Турции ноту протеста.").events
    assert event.event == "ACCUSE"
    assert (event.actor[0].country, event.recipient[0].country) == ("GEO", "TUR")


def test_aid_to_a_bare_dative_recipient(pipeline):
    [event] = run(pipeline, "Япония передала властям Монголии гуманитарную помощь.").events
    assert event.event == "AID"
    assert (event.actor[0].country, event.recipient[0].country) == ("JPN", "MNG")


def test_a_russian_pronoun_stands_for_the_last_person(pipeline):
    doc = run(pipeline, "Президент Казахстана выступил на форуме. Президент Турции его поддержал.")
    [event] = [e for e in doc.events if e.event == "SUPPORT"]
    assert event.actor[0].country == "TUR" and event.recipient[0].country == "KAZ"


def test_mixed_documents_code_each_passage_in_its_language_with_one_actor(pipeline):
    text = (
        "SCO Secretary-General Vladimir Norov arrived in Wuhan on Tuesday.\n"
        "Генеральный секретарь ШОС встретился с руководством провинции Хубэй."
    )
    doc = run(pipeline, text)
    [english] = [e for e in doc.events if e.lang == "en"] or [None]
    [russian] = [e for e in doc.events if e.lang == "ru"]
    assert russian.event == "CONSULT" and russian.actor[0].name == "Vladimir Norov"
    norov = next(e for e in doc.entities if e.name == "Vladimir Norov" and e.span[0] < 10)
    assert russian.actor[0].id == norov.id
    assert russian.recipient[0].country == "CHN"
    assert english is None or english.lang == "en"


def test_without_natasha_russian_passages_are_kept_with_a_warning(monkeypatch):
    from dragoman.clean import clean
    from dragoman.russian import annotate

    monkeypatch.setattr(annotate, "available", lambda: False)
    doc = clean(Document(id="x", text="Президент Казахстана встретился с послом Турции в Астане."))
    annotate.annotate_russian(doc)
    assert not doc.sentences and "pip install" in doc.warnings[0]


def test_a_parse_with_a_cycle_or_two_roots_becomes_one_tree():
    from dragoman.russian.syntax import repair_tree

    toks = [
        UDToken("а", "NOUN", {}, 1, "nmod"),
        UDToken("б", "NOUN", {}, 0, "nmod"),
        UDToken("в", "VERB", {}, -1, "root"),
        UDToken("г", "VERB", {}, -1, "root"),
    ]
    repair_tree(toks)
    assert [t.head for t in toks] == [2, 0, -1, 2]


def test_the_countries_after_a_plural_title_are_each_a_party():
    toks = [
        UDToken("Президенты", "NOUN", {"Number": "Plur", "Case": "Nom"}, 4, "nsubj"),
        UDToken("Узбекистана", "PROPN", {"Case": "Gen"}, 0, "nmod"),
        UDToken("и", "CCONJ", {}, 3, "cc"),
        UDToken("Казахстана", "PROPN", {"Case": "Gen"}, 1, "conj"),
        UDToken("провели", "VERB", {}, -1, "root"),
    ]
    heads, deps = english_shape(toks)
    assert (heads[3], deps[3]) == (0, "conj")


def test_a_name_runs_on_over_lower_case_genitive_words(russian):
    found = mentions(russian, "Сессия Совета коллективной безопасности ОДКБ завершилась в Минске.")
    council = next(m for m in found if "Совета" in m.text)
    assert council.text == "Совета коллективной безопасности ОДКБ" and council.org.code == "CSTO"


def test_a_known_surname_without_a_named_entity_is_the_person(russian):
    found = mentions(russian, "Мирзиёев и Токаев обсудили ситуацию.")
    assert {m.person for m in found} >= {"Shavkat Mirziyoyev", "Kassym-Jomart Tokayev"}


def test_a_meeting_named_as_the_circumstance_of_a_clause_is_its_subjects_meeting(pipeline):
    doc = run(pipeline, "Главы государств СНГ на саммите в Душанбе утвердили декларацию.")
    [meeting] = [e for e in doc.events if e.event == "CONSULT"]
    assert meeting.actor[0].org == "CIS" and meeting.trigger["text"] == "саммите"
    assert meeting.location.name == "Dushanbe"


def test_readiness_to_help_is_an_intent(pipeline):
    [event] = run(pipeline, "Президент Узбекистана заявил о готовности помочь таджикской стороне.").events
    assert (event.event, event.modality) == ("AGREE", "intended")
    assert event.recipient[0].country == "TJK"


def test_a_place_before_a_name_is_not_the_persons_country(russian):
    found = mentions(russian, "Журналисты в Баку Михаила Евдокимова не ждали.")
    person = next(m for m in found if m.person)
    assert person.person == "Михаил Евдокимов" and person.country is None


def test_people_from_a_country_have_its_country(russian):
    found = mentions(russian, "Министр провел встречи с коллегами из Ирана.")
    assert next(m for m in found if "коллегами" in m.text).country == "IRN"


def test_two_words_for_one_act_are_one_event(pipeline):
    doc = run(pipeline, "МИД Грузии вызвал посла Турции и вручил ему ноту протеста.")
    assert len([e for e in doc.events if e.event == "ACCUSE"]) == 1


def test_a_title_in_apposition_after_a_place_is_the_holders_title(russian):
    found = mentions(russian, "МИД вызвал российского посла в Москве Ивана Петрова.")
    person = next(m for m in found if m.person)
    assert person.person == "Иван Петров" and person.country == "RUS" and person.role.name == "ambassador"


def test_a_headline_repeating_the_body_adds_no_event(pipeline):
    text = (
        "Япония передала Монголии гуманитарную помощь\n\n"
        "Во вторник Япония передала властям Монголии гуманитарную помощь для пострадавших."
    )
    doc = run(pipeline, text)
    [event] = [e for e in doc.events if e.event == "AID"]
    assert event.span[0] > text.index("\n")


def test_a_clause_without_subject_has_the_body_it_names_as_actor(pipeline):
    doc = run(pipeline, "Посла Турции Ахмета Йылмаза вызвали в МИД Грузии и выразили ему протест.")
    [event] = [e for e in doc.events if e.event == "ACCUSE"]
    assert event.actor[0].country == "GEO" and event.recipient[0].country == "TUR"


def test_bilateral_meetings_with_several_parties_are_one_meeting_with_each(pipeline):
    doc = run(
        pipeline,
        "Министр иностранных дел Китая провел двусторонние встречи с коллегами из Ирана, Пакистана и Индии.",
    )
    assert sorted(e.recipient[0].country for e in doc.events if e.event == "CONSULT") == ["IND", "IRN", "PAK"]


def test_the_place_of_a_meeting_holds_for_the_sentences_that_follow(pipeline):
    doc = run(
        pipeline,
        "Министр иностранных дел Китая прилетел на заседание в Минск. "
        "На полях мероприятия министр провел встречу с коллегой из Ирана.",
    )
    [talks] = [e for e in doc.events if e.trigger["text"].startswith("провел")]
    assert talks.location.name == "Minsk"


def test_travel_to_ones_own_country_is_no_visit(pipeline):
    doc = run(pipeline, "Президент Казахстана вернулся и прибыл в Казахстан.")
    assert not [e for e in doc.events if e.event == "CONSULT"]


def test_a_bare_meeting_noun_refers_back_to_the_meeting_reported(pipeline):
    doc = run(
        pipeline,
        "Лидеры России и Китая провели переговоры в Пекине. По итогам встречи Китай выделил России кредит.",
    )
    assert len([e for e in doc.events if e.event == "CONSULT"]) == 1


def test_every_word_class_named_for_russian_exists_and_is_extended_where_it_is_read():
    from dragoman.russian.wordclasses import extend_word_classes, resolve, rows

    classes = rows()
    assert classes and all(resolve(row) for row in classes)  # none gone from its module
    extend_word_classes()
    import dragoman.events.roles as roles
    import dragoman.places as places
    import dragoman.syntax as syntax

    assert "саммит" in roles.MEETING_NOUNS and "summit" in roles.MEETING_NOUNS
    # a class defined in syntax and imported by name elsewhere is extended there too
    assert "в" in syntax.LOCATIVE_PREPS and "in" in syntax.LOCATIVE_PREPS
    assert places.LOCATIVE_PREPS is syntax.LOCATIVE_PREPS and roles.LOCATIVE_PREPS is syntax.LOCATIVE_PREPS


def test_a_word_class_on_two_rows_reaches_every_module_that_imported_it(monkeypatch):
    # two rows of one class used to extend it twice, and the importers kept only the first
    import sys
    import types

    from dragoman.russian.wordclasses import _rebind, extended, grouped

    home = types.ModuleType("dragoman._wc_home")
    home.TEST_WORDS = frozenset({"plan"})
    user = types.ModuleType("dragoman._wc_user")
    user.TEST_WORDS = home.TEST_WORDS  # "from ._wc_home import TEST_WORDS"
    monkeypatch.setitem(sys.modules, "dragoman._wc_home", home)
    monkeypatch.setitem(sys.modules, "dragoman._wc_user", user)
    table = [
        {"module": "_wc_home", "name": "TEST_WORDS", "words": "план|намерение"},
        {"module": "_wc_home", "name": "TEST_WORDS", "words": "замысел|план"},
    ]
    for module, name, current, words in grouped(table):
        _rebind(module, name, current, extended(current, words))
    assert user.TEST_WORDS is home.TEST_WORDS
    assert home.TEST_WORDS == {"plan", "план", "намерение", "замысел"}


def test_a_word_class_that_is_gone_is_a_loud_error():
    from dragoman.russian.wordclasses import resolve

    with pytest.raises(ValueError, match="NO_SUCH_WORDS"):
        resolve({"module": "events.roles", "name": "NO_SUCH_WORDS", "words": "слово"})


def test_the_sides_with_no_article_are_the_two_parties_named_before(pipeline):
    doc = run(
        pipeline,
        "Президент России Владимир Путин встретился с президентом Китая Си Цзиньпином в Москве. "
        "Стороны подписали соглашение о сотрудничестве.",
    )
    (signed,) = [e for e in doc.events if e.event == "AGREE"]
    assert {a.country for a in signed.actor + signed.recipient} == {"RUS", "CHN"}


def test_two_leaders_discussing_a_situation_elsewhere_consult_each_other(pipeline):
    # the place in what they discussed is neither the other party nor where they talked
    [event] = run(pipeline, "Путин и Токаев обсудили по телефону обстановку в Сирии.").events
    assert event.event == "CONSULT"
    assert sorted(r.country for r in event.recipient) == ["KAZ", "RUS"]
    assert event.location is None or event.location.country_code != "SYR"


def test_a_place_in_the_topic_of_talks_is_not_where_they_were_held(pipeline):
    doc = run(
        pipeline,
        "Лидеры России и Китая провели переговоры в Пекине. "
        "На переговорах стороны обсудили широкий круг тем, в том числе положение в Ливии.",
    )
    places = [e.location.name for e in doc.events if e.location is not None]
    assert places and "Libya" not in places


def test_an_accusative_pronoun_after_the_subject_is_the_verbs_object():
    # "Премьер его поддержал": the parser hangs "его" from the subject as if a genitive
    toks = [
        UDToken("Премьер", "NOUN", {"Case": "Nom"}, 2, "nsubj"),
        UDToken("его", "PRON", {"Case": "Acc", "Person": "3"}, 0, "nmod"),
        UDToken("поддержал", "VERB", {}, -1, "root"),
    ]
    heads, deps = english_shape(toks)
    assert (heads[1], deps[1]) == (2, "dobj")
    possessive = [
        UDToken("Его", "PRON", {"Case": "Gen", "Person": "3"}, 1, "nmod"),
        UDToken("премьер", "NOUN", {"Case": "Nom"}, 2, "nsubj"),
        UDToken("выступил", "VERB", {}, -1, "root"),
    ]
    assert english_shape(possessive)[1][0] == "nmod"


def test_a_pronoun_object_between_subject_and_verb_is_supported(pipeline):
    doc = run(pipeline, "Президент Китая выступил с инициативой. Премьер Вьетнама его поддержал.")
    [event] = [e for e in doc.events if e.event == "SUPPORT"]
    assert event.actor[0].country == "VNM" and event.recipient[0].country == "CHN"


def test_the_subject_of_a_clause_joined_by_and_is_its_verbs_not_a_conjunct_before_it():
    # "..., и Петров поддержал": the parser joins "Петров" to the noun before "и"
    toks = [
        UDToken("Он", "PRON", {"Case": "Nom"}, 1, "nsubj"),
        UDToken("назвал", "VERB", {"VerbForm": "Fin", "Number": "Sing"}, -1, "root"),
        UDToken("Китай", "PROPN", {"Case": "Acc"}, 1, "obj"),
        UDToken("и", "CCONJ", {}, 4, "cc"),
        UDToken("Петров", "PROPN", {"Case": "Nom", "Number": "Sing"}, 2, "conj"),
        UDToken("поддержал", "VERB", {"VerbForm": "Fin", "Number": "Sing"}, 1, "conj"),
    ]
    heads, deps = english_shape(toks)
    assert (heads[4], deps[4]) == (5, "nsubj")
    # two objects joined by "и" stay joined: the verb after them has its own subject
    toks[5] = UDToken("поддержал", "VERB", {"VerbForm": "Fin", "Number": "Sing"}, -1, "root")
    toks[1] = UDToken("Иванов", "PROPN", {"Case": "Nom", "Number": "Sing"}, 5, "nsubj")
    toks[0] = UDToken("Вчера", "ADV", {}, 5, "advmod")
    toks[2] = UDToken("Китай", "PROPN", {"Case": "Acc"}, 5, "obj")
    heads, deps = english_shape(toks)
    assert deps[4] == "conj"


def test_support_by_the_leader_of_the_second_clause_of_a_sentence(pipeline):
    doc = run(
        pipeline,
        "Президент Вьетнама Нгуен Суан Фук встретился в Пекине с председателем КНР Си Цзиньпином. "
        "Си Цзиньпин подчеркнул важность строительства железной дороги «Китай — Вьетнам», "
        "и Нгуен Суан Фук его в этом поддержал.",
    )
    [event] = [e for e in doc.events if e.event == "SUPPORT"]
    assert (event.actor[0].country, event.recipient[0].country) == ("VNM", "CHN")


def test_calling_a_state_a_partner_is_support(pipeline):
    [event] = run(pipeline, "Президент Армении назвал Францию надежным стратегическим партнером.").events
    assert event.event == "SUPPORT"
    assert (event.actor[0].country, event.recipient[0].country) == ("ARM", "FRA")


def test_assuring_a_state_of_support_is_support(pipeline):
    [event] = run(pipeline, "Министры Армении заверили Египет в дальнейшей поддержке.").events
    assert event.event == "SUPPORT"
    assert (event.actor[0].country, event.recipient[0].country) == ("ARM", "EGY")


def test_an_unknown_capitalised_adjective_alone_is_no_actor(russian):
    found = mentions(russian, "Премьер Сербии предложил создать Сербско-венгерский фонд.")
    assert [m.text for m in found] == ["Премьер Сербии"]


def test_a_date_after_before_or_since_dates_the_reference_point_not_the_event(pipeline):
    doc = run(
        pipeline,
        "Министры Армении и Грузии 3 мая провели встречу в Ереване. "
        "Министры Армении и Грузии провели встречу в Тбилиси после выборов в 2015 году.",
        date="2025-06-10",
    )
    dates = sorted(e.date for e in doc.events if e.event == "CONSULT")
    assert dates and "2015" not in dates
    assert "2025-05-03" in dates


def test_a_common_noun_opening_a_sentence_is_tagged_as_one():
    from dragoman.russian.annotate import parse

    doc = parse("Президенты Армении и Грузии обсудили ситуацию. Совещание министров прошло в Ереване.")
    presidents, meeting = doc[0], next(t for t in doc if t.text == "Совещание")
    assert presidents.pos_ == "NOUN" and presidents.morph.get("Number") == ["Plur"]
    assert meeting.pos_ == "NOUN" and presidents.text == "Президенты"  # the text as written
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Армении", "GPE"), ("Грузии", "GPE")]


def test_a_later_meeting_noun_with_only_a_title_is_the_reported_meeting(pipeline):
    doc = run(
        pipeline,
        "Главы государств СНГ провели саммит в Минске 10 октября. "
        "Встреча лидеров проходила во Дворце независимости в белорусской столице.",
    )
    assert len([e for e in doc.events if e.event == "CONSULT"]) == 1
    alone = run(pipeline, "Встреча министров России и Китая прошла в Пекине.")
    assert len([e for e in alone.events if e.event == "CONSULT"]) == 1


@pytest.mark.parametrize(
    "text, event, recipient",
    [
        ("Президент Армении выразил соболезнования президенту Ирана.", "SUPPORT", "IRN"),
        ("Япония оказала гуманитарную помощь Монголии.", "AID", "MNG"),
    ],
)
def test_a_dative_after_the_object_noun_is_the_addressee(pipeline, text, event, recipient):
    [found] = run(pipeline, text).events
    assert found.event == event and found.recipient[0].country == recipient


@pytest.mark.parametrize(
    "text",
    [
        "Посол Армении был вызван в МИД Грузии.",
        "Посла Армении пригласили в МИД Грузии.",
        "МИД Грузии осудил заявление Армении. Кроме того, в министерство был приглашен посол Армении.",
    ],
)
def test_an_ambassador_called_or_invited_to_a_ministry_is_summoned_by_it(pipeline, text):
    [event] = [e for e in run(pipeline, text).events if e.trigger["text"] != "осудил"]
    assert event.event == "ACCUSE"
    assert (event.actor[0].country, event.recipient[0].country) == ("GEO", "ARM")


def test_a_passive_done_in_a_city_is_not_done_by_its_state(pipeline):
    doc = run(pipeline, "Во вторник в Анкаре были подписаны соглашения между Казахстаном и Азербайджаном.")
    assert not [a for e in doc.events for a in e.actor if a.country == "TUR"]
    invited = run(pipeline, "Президент Армении пригласил президента Грузии посетить Ереван.").events
    assert [e.event for e in invited] == ["REQUEST"]


def test_what_a_verb_calls_its_object_is_a_small_clause_of_the_object():
    # "сочло неуместным протест": the object, under the verb or the adjective, is its subject
    for obj_head in (1, 2):
        toks = [
            UDToken("МИД", "PROPN", {"Case": "Nom"}, 1, "nsubj"),
            UDToken("сочло", "VERB", {"VerbForm": "Fin"}, -1, "root"),
            UDToken("неуместным", "ADJ", {"Case": "Ins"}, 1, "xcomp"),
            UDToken("протест", "NOUN", {"Case": "Acc"}, obj_head, "obj"),
        ]
        heads, deps = english_shape(toks)
        assert (heads[3], deps[3]) == (2, "nsubj")


def test_judging_a_protest_out_of_place_rejects_it(pipeline):
    [event] = run(pipeline, "МИД Армении сочло неуместным официальный протест Грузии.").events
    assert event.event == "REJECT"
    assert (event.actor[0].country, event.recipient[0].country) == ("ARM", "GEO")


def test_an_attempted_or_threatened_strike_is_no_strike(pipeline):
    for text in (
        "Армения призвала Азербайджан прекратить попытки нанести удар по Карабаху.",
        "Армения пригрозила нанести удар по Карабаху.",
    ):
        events = run(pipeline, text).events
        assert not [e for e in events if e.event == "ASSAULT" and e.modality == "asserted"]


def test_the_party_of_an_agreement_may_hang_from_what_it_is_about(pipeline):
    [event] = run(pipeline, "Армения заключила договор о торговле с Грузией.").events
    assert event.event == "AGREE"
    assert (event.actor[0].country, event.recipient[0].country) == ("ARM", "GEO")


def test_the_countries_after_an_office_of_a_plural_title_are_each_a_party(pipeline):
    [event] = run(pipeline, "Министры обороны России и Белоруссии провели переговоры в Москве.").events
    assert sorted(a.country for a in event.actor) == ["BLR", "RUS"]


def test_leaders_spelt_the_russian_way_are_the_known_people(pipeline):
    [event] = run(pipeline, "Макрон встретился с Шольцем и премьер-министром Индии Нарендрой Моди.").events
    assert event.actor[0].name == "Emmanuel Macron"
    assert {"Olaf Scholz", "Narendra Modi"} <= {r.name for r in event.recipient}


def test_a_surname_opening_a_sentence_stays_a_name():
    from dragoman.russian.annotate import parse

    # "Токаев" reads to the dictionary only as a genitive plural of "токай": no lower-casing
    assert parse("Токаев встретился с премьер-министром Японии.")[0].pos_ == "PROPN"


def test_what_two_leaders_discussed_is_no_party_to_it(pipeline):
    [event] = run(pipeline, "Макрон и Шольц обсудили ситуацию на Украине.").events
    assert sorted(r.country for r in event.recipient) == ["DEU", "FRA"]


def test_a_name_in_a_case_the_parser_does_not_name_keeps_its_form(russian):
    from dragoman.russian.annotate import parse
    from dragoman.russian.mentions import nominative

    tok = parse("Иван")[0]
    tok.set_morph("Case=Par")  # a case pymorphy has no grammeme for
    assert nominative(tok) == "Иван"


@pytest.mark.parametrize(
    "text, event",
    [
        ("Вашингтон ввел санкции против России.", "COERCE"),
        ("Россия и Китай провели консультации по Афганистану.", "CONSULT"),
    ],
)
def test_plural_nouns_of_the_lexicon_match_their_singular_lemma(pipeline, text, event):
    assert [e.event for e in run(pipeline, text).events] == [event]


def test_every_russian_trigger_noun_is_a_lemma():
    # a trigger noun written in a form the lemmatiser never gives (a plural) never matches
    from dragoman.russian.lexicon import load_russian_lexicon
    from dragoman.russian.knowledge import morph

    lex = load_russian_lexicon()
    nouns = set(lex.nouns) | {noun for _, noun in lex.light}
    plural_only = {"переговоры"}
    wrong = [n for n in nouns - plural_only if n not in {p.normal_form.replace("ё", "е") for p in morph()(n)}]
    assert wrong == []


def test_a_meeting_whose_genitive_names_its_participants_is_theirs(pipeline):
    [event] = run(pipeline, "Песков прокомментировал встречу Путина и Байдена.").events
    assert event.event == "CONSULT"
    assert sorted(a.country for a in event.actor) == ["RUS", "USA"]


def test_air_strikes_and_rallies_are_coded_as_the_english_nouns(pipeline):
    [strike] = run(pipeline, "Израиль нанес авиаудар по Газе.").events
    assert (strike.event, strike.mode) == ("ASSAULT", "aerial")
    [rally] = run(pipeline, "Митинг оппозиции против правительства Армении прошел в Ереване.").events
    assert rally.event == "PROTEST" and rally.recipient[0].country == "ARM"


def test_a_place_named_after_a_place_noun_is_the_place(pipeline):
    [strike] = run(pipeline, "Израиль нанес удар по сектору Газа.").events
    assert strike.recipient[0].country == "PSE"


def test_a_name_then_the_subject_of_the_clause_are_two_mentions(russian):
    found = mentions(
        russian, "На встрече с секретарем ЦК Иваном Петровым белорусский лидер отметил важность отношений."
    )
    assert [m.text for m in found] == ["секретарем ЦК Иваном Петровым", "белорусский лидер"]
    kept = mentions(russian, "Министр иностранных дел России Сергей Лавров встретился с коллегой.")
    assert kept[0].text == "Министр иностранных дел России Сергей Лавров"


def test_both_countries_are_the_two_states_named_before(pipeline):
    doc = run(
        pipeline, "Армения и Грузия провели переговоры в Ереване. Обе страны договорились о сотрудничестве."
    )
    [agreed] = [e for e in doc.events if e.event == "AGREE"]
    assert sorted(a.country for a in agreed.actor) == ["ARM", "GEO"]


def test_a_passive_done_as_the_outcome_of_a_meeting_is_done_by_its_participants(pipeline):
    doc = run(
        pipeline,
        "Президенты Армении и Грузии провели переговоры в Ереване. "
        "По итогам переговоров делегаций двух стран было подписано 10 документов.",
    )
    [signed] = [e for e in doc.events if e.event == "AGREE"]
    assert sorted(a.country for a in signed.actor) == ["ARM", "GEO"]


def test_a_visit_to_come_sets_no_scene_and_a_city_names_it_better_than_its_country(pipeline):
    doc = run(
        pipeline,
        "Во вторник в Тбилиси в ходе визита президента Армении в Грузию прошли переговоры. "
        "Президент Армении пригласил президента Грузии приехать с визитом в Армению. "
        "Стороны подписали соглашение о торговле.",
    )
    [signed] = [e for e in doc.events if e.event == "AGREE"]
    assert signed.location is not None and signed.location.name == "Tbilisi"


def test_a_signed_documents_genitive_is_no_party_to_the_signing(pipeline):
    [event] = run(pipeline, "Президенты Армении и Грузии подписали декларацию ОДКБ.").events
    assert event.event == "AGREE"
    assert not [r for r in event.recipient if r.org == "CSTO"]
    [signed] = run(pipeline, "Армения подписала соглашение с Грузией.").events
    assert signed.recipient[0].country == "GEO"
