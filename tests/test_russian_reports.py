"""Russian reports, fourth session: attempts at force, names in the nominative, separate acts of
the same parties, name-calling by an official body. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dragoman.model import Document

pytest.importorskip("natasha")


def run(pipeline, text, date="2025-03-04"):
    (doc,) = pipeline.process([Document(id="ru-test", text=text, date=date)])
    return doc


def coded(pipeline, text):
    return [(e.event, e.modality) for e in run(pipeline, text).events]


# ---------------------------------------------------------------- an attempt at force is force


@pytest.mark.parametrize(
    "text",
    [
        "Армия Азербайджана попыталась обстрелять позиции армянских военных.",
        "Израиль предпринял попытку нанести удар по Ирану.",
        "Повстанцы в среду попытались атаковать колонну армии Мали.",
        "Азербайджан пытался оккупировать территорию Армении.",
        "Россия попыталась сбить американский беспилотник над Черным морем.",
    ],
)
def test_an_attempt_at_force_is_the_force_used(pipeline, text):
    # as English codes "tried to attack": the act, asserted, not a threat
    assert ("ASSAULT", "asserted") in coded(pipeline, text)


def test_a_plan_to_strike_stays_a_threat(pipeline):
    assert coded(pipeline, "Иран планирует нанести удар по Израилю.") == [("THREATEN", "intended")]


@pytest.mark.parametrize(
    "text",
    [
        "Армения призвала Азербайджан прекратить попытки нанести удар по Карабаху.",
        "Армения призвала Азербайджан прекратить провокации и попытки нанести удар по Карабаху.",
        "Грузия призвала Россию пресечь попытки атаковать грузинские села.",
        "Armenia urged Azerbaijan to stop the provocations and attempts to strike Karabakh.",
    ],
)
def test_attempts_someone_wants_stopped_are_no_act(pipeline, text):
    assert [event for event, _ in coded(pipeline, text)] == ["REQUEST"]


def test_a_participle_standing_for_people_is_no_act_of_theirs(pipeline):
    events = run(pipeline, "Полиция Грузии пыталась разогнать протестующих в Тбилиси.").events
    assert [(e.event, e.mode) for e in events] == [("COERCE", "crowd-control")]
    assert events[0].actor[0].country == "GEO"


# ---------------------------------------------------------------- a name's nominative


def person(pipeline, text):
    from dragoman.russian.annotate import parse

    return [m.person for m in pipeline.russian.mentions(parse(text)[:]) if m.person]


@pytest.mark.parametrize(
    "text, name",
    [
        # a surname in -а in the nominative is no genitive of a name in a consonant
        ("Посол Таджикистана Назирмад Ализода прибыл в Бишкек.", "Назирмад Ализода"),
        ("МИД вызвал посла Таджикистана Назирмада Ализоду.", "Назирмад Ализода"),
        ("Министр встретился с послом Назирмадом Ализодой.", "Назирмад Ализода"),
        ("Президент встретился с премьер-министром Узбекистана Абдуллой Ариповым.", "Абдулла Арипов"),
        ("Президент Молдавии Мая Санду посетила Киев.", "Мая Санду"),
        ("МИД вызвал посла Ивана Петрова.", "Иван Петров"),
        # (a name the parser hangs from a later title keeps its own case)
        (
            "МИД Армении вручил ноту протеста послу Грузии Ивану Петрову из-за заявления пресс-секретаря "
            "МИД Грузии Анны Сидоровой.",
            "Иван Петров",
        ),
        # foreign names that do not decline are kept as written
        ("Министр встретился с Саломе Зурабишвили в Тбилиси.", "Саломе Зурабишвили"),
        ("Лавров провел переговоры с Муратом Нуртлеу.", "Мурат Нуртлеу"),
        ("Эрдоган встретился с Рустамом Эмомали.", "Рустам Эмомали"),
        ("Путин принял Роберта Фицо в Кремле.", "Роберт Фицо"),
    ],
)
def test_a_name_is_put_in_the_nominative_as_a_whole(pipeline, text, name):
    assert name in person(pipeline, text)


# ---------------------------------------------------------------- two acts of the same parties


def test_an_act_said_to_come_besides_another_is_not_folded_into_it(pipeline):
    first = "Президент Армении предложил построить дорогу, и президент Грузии его в этом поддержал. "
    doc = run(pipeline, first + "Президент Грузии также поблагодарил президента Армении за помощь.")
    assert [e.trigger["text"] for e in doc.events if e.event == "SUPPORT"] == ["поддержал", "поблагодарил"]


def test_documents_also_approved_at_a_summit_are_one_agreement(pipeline):
    doc = run(
        pipeline,
        "Президенты Армении и Грузии подписали декларацию о сотрудничестве. "
        "Президенты Армении и Грузии утвердили также план действий.",
    )
    assert len([e for e in doc.events if e.event == "AGREE"]) == 1


def test_also_marks_another_act_in_english_too(pipeline):
    first = (
        "Georgian President Salome Zourabichvili praised Armenian Prime Minister Nikol Pashinyan on Monday. "
    )
    also = run(pipeline, first + "Zourabichvili also praised Pashinyan for his help.")
    again = run(pipeline, first + "Zourabichvili praised Pashinyan for his help.")
    assert [len([e for e in d.events if e.event == "SUPPORT"]) for d in (also, again)] == [2, 1]


# ---------------------------------------------------------------- name-calling by an official body


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("МИД Грузии назвал действия России позорными.", "GEO", "RUS"),
        ("Министр иностранных дел Армении заявил, что действия Азербайджана недопустимы.", "ARM", "AZE"),
        ("В МИД Казахстана заявили, что решение Киргизии является незаконным.", "KAZ", "KGZ"),
        # a quote, a dash, then who said it; said by the body an unnamed "they" speak in
        ("«Подход Азербайджана является деструктивным», — заявили в МИД Армении.", "ARM", "AZE"),
        ("«Политика Баку остается агрессивной», — сказал премьер-министр Армении.", "ARM", "AZE"),
    ],
)
def test_calling_anothers_acts_by_condemning_words_is_an_accusation(pipeline, text, actor, recipient):
    [event] = run(pipeline, text).events
    assert event.event == "ACCUSE"
    assert (event.actor[0].country, event.recipient[0].country) == (actor, recipient)


@pytest.mark.parametrize(
    "text",
    [
        "Министр заявил, что переговоры с Азербайджаном являются важными.",
        "«Россия остается нашим главным партнером», — сказал президент Армении.",
        "Лавров назвал Грузию соседом.",
    ],
)
def test_words_that_do_not_condemn_make_no_accusation(pipeline, text):
    assert "ACCUSE" not in [e.event for e in run(pipeline, text).events]


def test_a_quote_before_a_dash_is_said_by_the_verb_after_it():
    from dragoman.russian.annotate import parse

    doc = parse("«Мы готовы к переговорам», — сказал министр.")
    said = next(t for t in doc if t.text == "сказал")
    assert said.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in said.children)


@pytest.mark.parametrize(
    "text, event, actor",
    [
        ("Посол Армении был вызван министерством иностранных дел Азербайджана.", "ACCUSE", "AZE"),
        ("Колонна армии Мали была атакована боевиками из Нигера.", "ASSAULT", "NER"),
    ],
)
def test_an_instrumental_noun_of_a_passive_is_its_agent(pipeline, text, event, actor):
    [found] = run(pipeline, text).events
    assert (found.event, found.actor[0].country) == (event, actor)


def test_a_policy_pursued_by_a_state_and_called_aggressive_accuses_the_state(pipeline):
    [event] = run(
        pipeline, "«Политика, проводимая Баку, является агрессивной», — заявили в МИД Армении."
    ).events
    assert event.event == "ACCUSE"
    assert (event.actor[0].country, event.recipient[0].country) == ("ARM", "AZE")


def test_a_participle_before_its_noun_hangs_from_the_noun_it_agrees_with():
    from dragoman.russian.syntax import UDToken, english_shape

    def tok(text, pos, head, rel, **feats):
        return UDToken(text, pos, feats, head, rel)

    # "Выбранный стороной подход по проведению кампании является ошибкой", the participle hung
    # by the parser from "кампании", with which it does not agree
    toks = [
        tok(
            "Выбранный",
            "VERB",
            5,
            "acl",
            VerbForm="Part",
            Voice="Pass",
            Case="Nom",
            Gender="Masc",
            Number="Sing",
        ),
        tok("стороной", "NOUN", 0, "obl", Case="Ins", Gender="Fem", Number="Sing"),
        tok("подход", "NOUN", 6, "nsubj", Case="Acc", Gender="Masc", Number="Sing", Animacy="Inan"),
        tok("по", "ADP", 4, "case"),
        tok("проведению", "NOUN", 2, "nmod", Case="Dat", Gender="Neut", Number="Sing"),
        tok("кампании", "NOUN", 4, "nmod", Case="Gen", Gender="Fem", Number="Sing"),
        tok("является", "VERB", -1, "root"),
        tok("ошибкой", "NOUN", 6, "xcomp", Case="Ins", Gender="Fem", Number="Sing"),
    ]
    heads, deps = english_shape(toks)
    assert heads[0] == 2  # подход
    assert (heads[1], deps[1]) == (0, "agent")
    assert deps[7] == "attr"  # what the subject is


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("В заявлении МИД Армении решение суда Азербайджана названо позорным.", "ARM", "AZE"),
        (
            "Посольство Армении опубликовало заявление, в котором действия Азербайджана названы провокацией.",
            "ARM",
            "AZE",
        ),
        (
            "МИД Армении распространил заявление, в котором решение суда Азербайджана названо позорным.",
            "ARM",
            "AZE",
        ),
        (
            "The decision of the Azerbaijani court was called shameful by the Armenian Foreign Ministry.",
            "ARM",
            "AZE",
        ),
    ],
)
def test_what_a_statement_calls_shameful_is_condemned_by_its_author(pipeline, text, actor, recipient):
    [event] = run(pipeline, text).events
    assert event.event == "ACCUSE"
    assert (event.actor[0].country, event.recipient[0].country) == (actor, recipient)


def test_the_eve_alone_is_the_day_before_the_report(pipeline):
    [said] = run(pipeline, "Накануне МИД Армении осудил действия Азербайджана.", date="2025-03-04").events
    assert said.date == "2025-03-03"
    [met] = run(
        pipeline, "Накануне выборов президент Армении встретился с президентом Грузии.", date="2025-03-04"
    ).events
    assert met.date != "2025-03-03"
