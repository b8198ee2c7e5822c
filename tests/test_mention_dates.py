"""An act reported without a date takes the date the article gives it when it names it again."""

from conftest import process_one
from dragoman.model import Document

ANCHOR = "2023-03-11"  # a Saturday


def _dates(pipeline, text, event_type, date=ANCHOR):
    events = process_one(pipeline, Document(id="t", text=text, date=date)).events
    found = [e.date for e in events if e.event == event_type]
    assert found, f"no {event_type} in {[e.event for e in events]}"
    return found


def test_a_day_owning_the_acts_noun_dates_the_act(pipeline):
    text = "Pyongyang said on Friday it had conducted a missile test. Wednesday's test flew 900 km."
    assert _dates(pipeline, text, "MOBILIZE")[0] == "2023-03-08"


def test_a_noun_of_the_same_kind_dated_by_a_verb_of_happening(pipeline):
    text = (
        "Indonesia has seized a Liberian-flagged tanker carrying smuggled fuel. "
        "The seizure took place in January, the navy said."
    )
    assert _dates(pipeline, text, "COERCE")[0] == "2023-01"


def test_a_date_in_the_nouns_own_phrase(pipeline):
    text = "Gunmen attacked a police post in Kandahar. The attack on March 2 left four officers dead."
    assert _dates(pipeline, text, "ASSAULT")[0] == "2023-03-02"


def test_an_indefinite_noun_is_another_act(pipeline):
    text = "Gunmen attacked a police post in Kandahar. An attack in February had killed two guards."
    assert _dates(pipeline, text, "ASSAULT")[0] != "2023-02"


def test_an_act_noun_dating_another_is_no_mention(pipeline):
    text = "Gunmen attacked a police post in Kandahar. Days after the attack on March 2, police arrested a suspect."
    assert _dates(pipeline, text, "ASSAULT")[0] != "2023-03-02"


def test_an_act_dated_in_its_own_sentence_keeps_its_date(pipeline):
    text = "Gunmen attacked a police post on Thursday. The attack on March 2 was the first this year."
    assert _dates(pipeline, text, "ASSAULT")[0] == "2023-03-09"


def test_a_saying_takes_no_date_from_an_act_noun(pipeline):
    text = "Kabul accused the Taliban of the attack. The attack on March 2 killed four officers."
    assert _dates(pipeline, text, "ACCUSE")[0] != "2023-03-02"


# sentences that say nothing datable: the day of a saying further down than the lead
BACKGROUND = (
    "Kashmir is claimed by both countries. The border is long and mountainous. "
    "Villagers there farm rice and apples. Many families have relatives on both sides. "
    "Roads in the area are poor. Schools close when the snow comes.\n"
    "Most people there speak Kashmiri.\n"
)


def test_a_statement_was_made_on_the_day_its_actor_is_said_to_have_spoken(pipeline):
    text = (
        "Pakistan has accused India of shelling villages in Kashmir. "
        + BACKGROUND
        + "On Thursday, Pakistan said the shelling killed four villagers."
    )
    assert _dates(pipeline, text, "ACCUSE")[0] == "2023-03-09"


def test_another_actors_day_of_saying_does_not_date_the_statement(pipeline):
    text = (
        "Pakistan has accused India of shelling villages in Kashmir. "
        + BACKGROUND
        + "On Thursday, the United Nations said the shelling killed four villagers."
    )
    assert _dates(pipeline, text, "ACCUSE")[0] == ANCHOR


def test_an_act_takes_no_date_from_its_doers_saying(pipeline):
    text = (
        "Pakistani troops shelled villages in Kashmir. "
        + BACKGROUND
        + "On Thursday, Pakistan said the shelling killed four militants."
    )
    assert _dates(pipeline, text, "ASSAULT")[0] == ANCHOR


def test_an_undated_act_right_after_an_act_dated_in_words_continues_its_story(pipeline):
    # (a terrorist attack: violence among ordinary people is crime, not event data)
    text = "On March 2, a man drove a van into shoppers in Marseille in a terrorist attack. Police shot dead the driver."
    assert _dates(pipeline, text, "ASSAULT") == ["2023-03-02", "2023-03-02"]


def test_an_act_further_on_does_not_continue_that_story(pipeline):
    text = (
        "On March 2, a man drove a van into shoppers in Marseille. The city is the second largest in France. "
        "Police shot dead the driver."
    )
    assert _dates(pipeline, text, "ASSAULT")[-1] != "2023-03-02"


def test_a_meeting_right_after_a_sentence_told_with_its_month_continues_its_story(pipeline):
    text = (
        "In January, a vigilante group found a missing student in the forest. "
        "The student met President Bola Tinubu in Abuja."
    )
    assert _dates(pipeline, text, "CONSULT") == ["2023-01"]


def test_a_statement_right_after_a_dated_sentence_keeps_the_day_of_its_report(pipeline):
    text = "In January, a vigilante group found a missing student in the forest. The government praised the group."
    assert _dates(pipeline, text, "SUPPORT") == [ANCHOR]


def test_a_saying_told_with_its_day_starts_no_story(pipeline):
    text = "The minister said on March 2 that the border was calm. Police shot dead a smuggler."
    assert _dates(pipeline, text, "ASSAULT")[0] != "2023-03-02"


POST = (
    "Mexican President Andres Manuel Lopez Obrador has accused Brazil of spying on Mexican diplomats. "
    + BACKGROUND
    + '"Shameful spying on our friends," he wrote.\nShameful spying on our friends.\n'
    + "— {author} (@{handle}) 7 March 2023\nThe embassy was closed."
)


def test_the_signature_of_an_embedded_post_dates_its_authors_statement(pipeline):
    text = POST.format(author="Andres Manuel Lopez Obrador", handle="lopezobrador_")
    assert _dates(pipeline, text, "ACCUSE")[0] == "2023-03-07"


def test_the_signature_of_another_authors_post_does_not(pipeline):
    text = POST.format(author="Luiz Inacio Lula da Silva", handle="LulaOficial")
    assert _dates(pipeline, text, "ACCUSE")[0] == ANCHOR
