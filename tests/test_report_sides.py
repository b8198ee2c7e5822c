"""Within one article, one event told with different words for its parties is one record."""

from conftest import process_one
from dragoman.mentions import merge_mentions, same_happening
from dragoman.model import Document, Entity, Event, Place
from dragoman.report_sides import NONE, STRONG, WEAK, same_act_word, same_party, sides_agree, told_before

TALIBAN = Entity("Taliban", "Taliban", (0, 7), "organization", "AFG", "REB", id="TALIBAN")
BOMBER = Entity(
    "Taliban suicide bomber", "", (0, 1), "person", "AFG", "REB", title="suicide bomber", id="p-1"
)
MILITANTS = Entity("militants", "militants", (0, 1), "group", None, "REB", title="militants", id="g-m")
GUNMEN = Entity("Gunmen", "Gunmen", (0, 1), "group", None, "REB", title="gunmen", id="g-g")
POLICE = Entity("police", "police", (0, 1), "group", None, "COP", title="police", id="g-p")
CITY_POLICE = Entity("Springfield Police Department", "", (0, 1), "organization", "USA", "GOV", id="g-spd")
CIVILIANS = Entity("civilians", "civilians", (0, 1), "group", None, "CVL", title="civilians", id="g-c")
AMBASSADORS = Entity("ambassadors", "ambassadors", (0, 1), "group", None, "GOV", title="ambassador", id="g-a")
SECRETARY = Entity(
    "Ana Lind", "", (0, 1), "person", "IGO", "GOV", org="UN", title="secretary-general", id="p-2"
)
ISRAEL = Entity("Israel", "Israel", (0, 6), "state", "ISR", "GOV", id="ISR")
COURT = Entity(
    "Israeli military court", "", (0, 1), "organization", "ISR", "JUD", title="court", id="g-court"
)
FRANCE = Entity("France", "France", (0, 6), "state", "FRA", "GOV", id="FRA")
PALESTINIAN = Entity("Palestinian", "Palestinian", (0, 1), "group", "PSE", None, id="g-pse")
ACTIVIST = Entity("Omar Haddad", "Omar Haddad", (0, 1), "person", None, None, id="p-3")
CONSULATE = Entity("German consulate", "", (0, 1), "organization", "DEU", "GOV", title="embassy", id="g-cons")
EMBASSY = Entity("embassy", "embassy", (0, 1), "organization", None, "GOV", title="embassy", id="g-emb")
MAZAR = Entity("Mazar-i-Sharif", "", (0, 1), "state", "AFG", None, id="g-mazar")
MAZAR_PLACE = Place("Mazar-i-Sharif", "Mazar-i-Sharif", country_code="AFG")


def _event(start, actor, recipient, trigger="attacked", event="ASSAULT", date="2017-09-15", **kw):
    return Event(
        "d",
        event,
        f"sentence at {start}",
        (start, start + 10),
        {"text": trigger, "span": [start, start + 1]},
        actor=[actor] if actor else [],
        recipient=[recipient] if recipient else [],
        date=date,
        **kw,
    )


def test_a_group_and_its_member_and_a_generic_description_of_the_same_kind():
    assert same_party(TALIBAN, BOMBER) == STRONG  # "Taliban" and "a Taliban suicide bomber"
    assert same_party(MILITANTS, TALIBAN) == WEAK  # "militants" may be the Taliban
    assert same_party(MILITANTS, GUNMEN) == WEAK
    assert same_party(POLICE, CITY_POLICE) == STRONG  # "police" and the city's police department
    assert same_party(EMBASSY, CONSULATE) == STRONG  # "the embassy" named by its role noun


def test_generic_descriptions_of_different_kinds_or_officials_are_not_one_actor():
    assert same_party(POLICE, MILITANTS) == NONE
    assert same_party(CIVILIANS, CIVILIANS) == WEAK  # any civilians: not evidence by itself
    assert same_party(AMBASSADORS, SECRETARY) == NONE  # both officials, not the same one
    assert same_party(ISRAEL, FRANCE) == NONE


def test_a_state_is_its_court_only_when_the_same_act_word_is_used():
    assert same_party(ISRAEL, COURT, same_word=True) == STRONG  # "Israel indicts" / "court indicted"
    assert same_party(ISRAEL, COURT) == NONE  # an arrest and a court's remand are two acts


def test_a_person_described_by_nationality_is_the_named_person():
    assert same_party(PALESTINIAN, ACTIVIST) == STRONG


def test_a_city_as_recipient_agrees_with_the_target_located_there():
    assert sides_agree([MAZAR], [CONSULATE], (None, MAZAR_PLACE)) == STRONG
    assert sides_agree([MAZAR], [CONSULATE]) == NONE  # the consulate of another city
    assert sides_agree([], [CONSULATE]) is None


def test_the_same_act_word_allows_for_inflection():
    assert same_act_word(_event(0, TALIBAN, None, "ram"), _event(40, TALIBAN, None, "rammed"))
    assert same_act_word(_event(0, TALIBAN, None, "indicts"), _event(40, TALIBAN, None, "indicted"))
    assert not same_act_word(_event(0, TALIBAN, None, "arrested"), _event(40, TALIBAN, None, "extended"))


def test_headline_lead_and_quote_of_one_attack_are_one_record_naming_the_target():
    headline = _event(0, MILITANTS, MAZAR, "ram", location=MAZAR_PLACE)
    lead = _event(40, BOMBER, CONSULATE, "rammed", location=MAZAR_PLACE)
    quote = _event(80, MILITANTS, CONSULATE, "attack", location=MAZAR_PLACE)
    [kept] = merge_mentions([headline, lead, quote])
    assert kept is lead and [m["span"][0] for m in kept.mentions] == [0, 80]


def test_generic_descriptions_alone_do_not_make_two_reports_one():
    # "Gunmen attacked civilians" and "militants attacked civilians" may be two incidents
    assert not same_happening(_event(0, GUNMEN, CIVILIANS), _event(40, MILITANTS, CIVILIANS))
    assert same_happening(_event(0, GUNMEN, CONSULATE), _event(40, MILITANTS, CONSULATE))
    # nor does one city: "gunmen attacked Mazar-i-Sharif" and, after the blast, "militants
    # attacked the city" may be two acts; the consulate there names the target
    in_mazar = {"location": MAZAR_PLACE}
    assert same_party(MAZAR, MAZAR) == WEAK
    assert not same_happening(_event(0, GUNMEN, MAZAR, **in_mazar), _event(40, MILITANTS, MAZAR, **in_mazar))
    assert same_happening(_event(0, GUNMEN, MAZAR, **in_mazar), _event(40, TALIBAN, CONSULATE, **in_mazar))


def test_tit_for_tat_and_different_places_are_different_events():
    assert not same_happening(_event(0, TALIBAN, POLICE), _event(40, POLICE, TALIBAN))
    kandahar = Place("Kandahar", "Kandahar", country_code="AFG")
    herat = Place("Herat", "Herat", country_code="AFG")
    assert not same_happening(
        _event(0, GUNMEN, CONSULATE, location=kandahar), _event(40, MILITANTS, CONSULATE, location=herat)
    )


def test_kindred_types_are_one_act_only_when_told_with_one_word():
    attack = _event(0, TALIBAN, CONSULATE, "attack")
    assert same_happening(attack, _event(40, TALIBAN, CONSULATE, "attack", event="COERCE"))
    assert not same_happening(attack, _event(40, TALIBAN, CONSULATE, "detained", event="COERCE"))


def test_an_article_codes_its_attack_once(pipeline):
    text = (
        "Militants attack Norwegian embassy in Kabul\n\n"
        "Gunmen stormed the Norwegian embassy in Kabul on Friday, officials said. "
        "A suicide bomber rammed the embassy gate, police said."
    )
    doc = process_one(pipeline, Document(id="t", text=text, date="2017-09-16"))
    [attack] = [e for e in doc.events if e.event == "ASSAULT"]
    assert attack.date_text == "on Friday" and len(attack.mentions) == 2
    assert attack.recipient[0].country == "NOR"


def test_attacks_of_two_sides_and_two_cities_stay_apart(pipeline):
    text = (
        "Rebels shell Hodeidah port\n\n"
        "Houthi rebels shelled the port of Hodeidah on Tuesday, officials said. "
        "Government forces shelled Houthi positions near Sanaa on Tuesday.\n\n"
        "Gunmen killed five civilians in Kandahar on Sunday. In Herat, gunmen killed three civilians on Sunday."
    )
    doc = process_one(pipeline, Document(id="t", text=text, date="2017-09-16"))
    attacks = [e for e in doc.events if e.event == "ASSAULT"]
    by_actor = sorted((e.actor[0].sector, len(e.mentions)) for e in attacks if e.date == "2017-09-12")
    assert by_actor == [("MIL", 0), ("REB", 1)]  # the headline is the rebels' shelling
    assert len([e for e in attacks if e.date == "2017-09-10"]) == 2


def test_the_city_standing_in_for_the_wounded_repeats_the_attack_of_its_sentence(pipeline):
    text = "Insurgents struck at the Indian consulate in Jalalabad on Thursday, killing two guards and wounding dozens."
    doc = process_one(pipeline, Document(id="t", text=text, date="2017-09-16"))
    (attack,) = [e for e in doc.events if e.event == "ASSAULT"]  # the harm it did is no attack of its own
    assert {"Indian consulate", "guards"} <= {r.name for r in attack.recipient}  # (harm.with_harm_folded)
    assert all(e.mentions == [] for e in doc.events)  # a sentence is not a mention of itself


def test_the_city_stands_in_only_for_a_target_of_the_same_actor_there():
    lead = _event(0, TALIBAN, CONSULATE, location=MAZAR_PLACE)
    wounding = _event(0, TALIBAN, MAZAR, "wounding", location=MAZAR_PLACE)
    assert same_happening(lead, wounding)
    assert not same_happening(lead, _event(0, POLICE, MAZAR, "wounding", location=MAZAR_PLACE))
    assert not same_happening(_event(0, TALIBAN, CIVILIANS, location=MAZAR_PLACE), lead)


def test_a_state_named_in_its_ministry_is_still_a_state_and_its_organ():
    ministry = Entity(
        "Russia's defence ministry", "", (0, 1), "organization", "RUS", "MIL", title="ministry", id="g-mod"
    )
    russia = Entity("Russia", "Russia", (0, 6), "state", "RUS", "GOV", id="RUS")
    assert same_party(russia, ministry) == NONE  # "Russia attacked Idlib" / "the ministry confirmed hits"
    assert same_party(russia, ministry, same_word=True) == STRONG


def test_a_statement_placed_in_the_country_it_is_about_is_not_another_place():
    trump = Entity("Donald Trump", "Trump", (0, 1), "person", "USA", "GOV", title="president", id="p-t")
    china = Entity("China", "China", (0, 5), "state", "CHN", "GOV", id="CHN")
    in_washington = Place("Washington", "Washington", country_code="USA")
    in_china = Place("China", "China", country_code="CHN", feature="country")
    accused = _event(0, trump, china, "accused", event="ACCUSE", location=in_washington)
    assert same_happening(
        accused, _event(40, trump, china, "disappointed", event="ACCUSE", location=in_china)
    )


def test_an_act_named_as_one_already_told_repeats_it():
    expulsion = Event(
        "d", "SANCTION", "The expulsion was announced.", (100, 128), {"text": "expulsion", "span": [104, 113]}
    )
    assert told_before(expulsion)
    her_arrest = Event(
        "d", "COERCE", "He spoke of her arrest.", (0, 23), {"text": "arrest", "span": [16, 22]}
    )
    assert not told_before(her_arrest)  # not pointing back: her arrest may not have been told


def test_an_article_codes_its_expulsion_once(pipeline):
    text = (
        "Russia expels British diplomats\n\n"
        "MOSCOW -- Russia on Thursday expelled 23 British diplomats in retaliation for London's "
        "expulsion of Russian diplomats. The expulsion of the British diplomats was announced by "
        "the Russian foreign ministry."
    )
    doc = process_one(pipeline, Document(id="t", text=text, date="2017-09-16"))
    [expulsion] = [e for e in doc.events if e.event == "SANCTION"]
    assert expulsion.actor[0].name == "Russia" and len(expulsion.mentions) == 2


def test_a_country_named_as_recipient_is_a_side_of_its_own():
    somalia = Entity("Somalia", "Somalia", (0, 7), "state", "SOM", None, id="g-som")
    people = Entity("people", "people", (0, 6), "group", "SOM", "CVL", title="people", id="g-ppl")
    commission = Entity("European Commission", "", (0, 1), "organization", "IGO", "GOV", id="EC")
    in_somalia = Place("Somalia", "Somalia", country_code="SOM", feature="country")
    aid = _event(0, commission, somalia, "assistance", event="AID", location=in_somalia)
    assert not same_happening(aid, _event(0, commission, people, "help", event="AID", location=in_somalia))


def test_a_city_is_not_the_anyone_attacked_there():
    in_mazar = {"location": MAZAR_PLACE}
    killing = _event(0, TALIBAN, CIVILIANS, "killing", **in_mazar)
    assert sides_agree([MAZAR], [CIVILIANS], (None, MAZAR_PLACE)) == NONE
    assert not same_happening(_event(40, GUNMEN, MAZAR, **in_mazar), killing)


def test_the_kept_record_takes_the_name_another_report_gives_its_generic_actor():
    suspect = Entity("Ron Vale", "Ron Vale", (0, 8), "person", "USA", "CVL", id="p-rv")
    dated = _event(0, POLICE, suspect, "arrested", event="COERCE", date_text="on Thursday")
    named = _event(40, CITY_POLICE, suspect, "arrested", event="COERCE")
    [kept] = merge_mentions([dated, named])
    assert kept is dated and kept.actor == [CITY_POLICE] and kept.recipient == [suspect]
