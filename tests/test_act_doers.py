"""Who did the act a judgement names by a noun ("Morocco condemned the attack"), read from the
whole document: the one named as its agent, by its own verb before one only of its kind, never
the town the act is named after."""

from __future__ import annotations

from dragoman.model import Document


def judged(pipeline, text, event="ACCUSE"):
    (doc,) = pipeline.process([Document(id="a", text=text, date="2024-03-01")])
    return [e for e in doc.events if e.event == event]


def test_the_attacker_named_in_apposition_did_the_attack(pipeline):
    text = (
        "A man drove a truck into a crowd in Lyon on Friday. The attacker, Karim Haddad, "
        "zigzagged through the crowd for two kilometres. In a photo caption: a gunman smashed a truck "
        "into revellers, killing 20 people. Morocco condemned the attack."
    )
    (condemned,) = judged(pipeline, text)
    assert len(condemned.recipient) == 1 and "Haddad" in condemned.recipient[0].name


def test_an_act_done_by_its_own_verb_comes_before_one_only_of_its_kind(pipeline):
    # the missile launch is what is provoking, not the drill that answered it
    text = (
        "North Korea launched a ballistic missile over Japan on Friday. South Korea's military "
        "announced a live-fire drill in response. The foreign minister of Canada said the "
        "launches were reckless provocations."
    )
    found = judged(pipeline, text)
    assert found and all(r.country == "PRK" for e in found for r in e.recipient)


def test_the_town_an_attack_is_named_after_did_not_do_it(pipeline):
    text = (
        "Five Belgians were among the dead in the Lyon attack. A man drove a truck into a crowd in "
        "Lyon on Friday. Belgium condemned the attack."
    )
    (condemned,) = judged(pipeline, text)
    assert [r.name for r in condemned.recipient] == ["man"]


def test_a_word_that_only_describes_the_act_does_not_name_its_doer(pipeline):
    # "terrorist" says what kind of attack it was; the document says who did it
    text = "A gunman attacked a market in Lyon on Friday. Spain condemned the horrible terrorist attack."
    (condemned,) = judged(pipeline, text)
    assert [r.name for r in condemned.recipient] == ["gunman"]
    (by_name,) = judged(pipeline, "Spain condemned the Taliban attack on the school.")
    assert [r.country for r in by_name.recipient] == ["AFG"]


def test_the_victims_of_a_participle_did_not_do_it(pipeline):
    # "Belgians were among the people killed": killed, not killers
    text = "At least five Belgians were among the 30 people killed when a man drove a truck into crowds in Lyon in a terrorist attack."
    attacks = judged(pipeline, text, "ASSAULT")
    assert attacks and all(a.country != "BEL" for e in attacks for a in e.actor)


def test_an_acts_own_description_did_not_do_the_act_judged(pipeline):
    # "jihadist attacks" is what Tunisia faced, not who attacked in Lyon
    text = (
        "The attacker, Karim Haddad, drove a truck into a crowd in Lyon on Friday. Tunisia, like "
        "France, has faced a series of jihadist attacks in the past year, killing dozens. Algerian "
        "President Abdelmadjid Tebboune expressed his indignation at the horrible terrorist attack."
    )
    (indignant,) = judged(pipeline, text)
    assert len(indignant.recipient) == 1 and "Haddad" in indignant.recipient[0].name
