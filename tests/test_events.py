"""The events stage on sentences written for these tests: triggers, roles, modality."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.events import load_lexicon
from dragoman.model import EVENT_TYPES, Document


def extract(pipeline, text, date="2024-05-08"):
    (doc,) = pipeline.run_many([Document(id="t", text=text, date=date)])
    return doc.events


def one(pipeline, text, **kw):
    events = extract(pipeline, text, **kw)
    assert len(events) == 1, [(e.event, e.trigger["text"]) for e in events]
    return events[0]


def names(entities):
    return [e.name for e in entities]


def assert_coded(pipeline, text, event, actor, recipient):
    """The text gives an event of the type, with the actor and recipient codes (country or
    organisation) where given."""
    ev = [e for e in extract(pipeline, text) if e.event == event]
    assert ev, [(e.event, e.trigger["text"]) for e in extract(pipeline, text)]
    e = ev[0]
    if actor:
        assert actor in {a.country for a in e.actor} | {a.org for a in e.actor}
    if recipient:
        assert recipient in {r.country for r in e.recipient} | {r.org for r in e.recipient}


def test_every_plover_type_is_reachable_by_the_lexicon():
    assert load_lexicon().types() == set(EVENT_TYPES)


def test_signing_parties_act_on_each_other(pipeline):
    e = one(pipeline, "Kenya and Uganda signed a border agreement on Monday.")
    assert {a.country for a in e.actor} == {r.country for r in e.recipient} == {"KEN", "UGA"}


def test_the_place_of_an_undirected_event_is_its_recipient(pipeline):
    e = one(pipeline, "Turkey and Russia announced a ceasefire in Idlib on Thursday.")
    assert e.event == "RETREAT"
    assert [(r.text, r.country, r.kind) for r in e.recipient] == [("Idlib", "SYR", "state")]


def test_the_place_does_not_replace_a_named_recipient(pipeline):
    e = one(pipeline, "Iran threatened Israel with a swift response in Tehran.")
    assert [r.country for r in e.recipient] == ["ISR"]


def test_fighting_a_disease_is_not_an_attack(pipeline):
    events = extract(pipeline, "Egypt sent doctors to Khartoum to help fight the epidemic.")
    assert "ASSAULT" not in [e.event for e in events]
    assert "ASSAULT" in [
        e.event for e in extract(pipeline, "Egypt sent troops to fight the rebels in Darfur.")
    ]


def test_passive_agent_is_the_actor(pipeline):
    e = one(pipeline, "Three Kurdish activists were detained by Iranian police in Tehran.")
    assert e.event == "COERCE"
    assert e.actor[0].country == "IRN" and "police" in e.actor[0].text
    assert "activists" in e.recipient[0].text


def test_relative_clause_subject_is_the_antecedent(pipeline):
    events = extract(pipeline, "Chile hosted the Peruvian president, who praised Chile's reforms.")
    praise = [e for e in events if e.event == "SUPPORT"][0]
    assert praise.actor[0].country == "PER" and praise.recipient[0].country == "CHL"


def test_compound_actors_are_reciprocal(pipeline):
    e = one(pipeline, "Jordan and Britain agreed to expand their defence cooperation.")
    assert e.event == "AGREE"
    assert set(names(e.actor)) == {"Jordan", "United Kingdom"}
    assert set(names(e.recipient)) >= {"Jordan", "United Kingdom"}


def test_negation_of_a_past_event(pipeline, negating_pipeline):
    e = one(negating_pipeline, "The Nigerian president did not meet the opposition leader.")
    assert e.event == "CONSULT" and e.modality == "negated"
    # by default what did not happen is not written ([events] negated)
    assert extract(pipeline, "The Nigerian president did not meet the opposition leader.") == []


def test_statements_of_intent_are_coded_as_the_statement(pipeline):
    meet = one(pipeline, "Vietnam will meet Cambodia next month to discuss the river.")
    assert meet.event == "AGREE" and meet.modality == "future" and meet.cameo == "036"
    attack = one(pipeline, "The militia said it would attack Somali troops.")
    assert attack.event == "THREATEN"
    refuse = one(pipeline, "Greece will not lift the embargo on Turkey.")
    assert refuse.event == "REJECT" and refuse.modality == "asserted"


def test_reported_speech_speaker_is_the_actor(pipeline):
    e = one(pipeline, '"We strongly condemn the raid on Gaza," the Qatari foreign minister said.')
    assert e.event == "ACCUSE" and e.actor[0].country == "QAT"


def test_light_verbs_and_noun_triggers(pipeline):
    e = one(pipeline, "Norway expressed its gratitude to Sweden for the rescue.")
    assert (e.event, e.trigger["text"]) == ("SUPPORT", "expressed its gratitude")
    summit = one(pipeline, "The ASEAN summit will take place in Jakarta on 3-4 July 2024.")
    assert summit.event == "CONSULT" and summit.location.name == "Jakarta" and summit.date == "2024-07-03"


def test_no_event_without_an_actor_or_a_real_target(pipeline):
    assert extract(pipeline, "The report was released on Friday.") == []
    assert extract(pipeline, "The initiative met with a warm response from the public.") == []
    assert extract(pipeline, "Egypt's economy grew faster than expected.") == []


def test_self_directed_events_are_dropped(pipeline):
    assert extract(pipeline, "The SCO strengthened cooperation between SCO member states.") == []


def test_sports_news_is_not_event_data_unless_asked_for(pipeline):
    text = "The Cardinals praised Palmer after the game."
    assert extract(pipeline, text) == []
    from dragoman.events import EventExtractor

    everything = EventExtractor(political_only=False)
    original = pipeline.extractor
    try:
        pipeline.extractor = everything
        assert [e.event for e in extract(pipeline, text)] == ["SUPPORT"]
    finally:
        pipeline.extractor = original


def test_the_two_sides_are_the_pair_just_named(pipeline):
    events = extract(pipeline, "China and Russia held talks in Moscow. The two sides agreed to expand trade.")
    agree = [e for e in events if e.event == "AGREE"][0]
    assert {a.country for a in agree.actor} == {"CHN", "RUS"}
    assert agree.actor[0].text == "The two sides"


def test_member_states_stand_for_the_organisations_members(pipeline):
    (doc,) = pipeline.run_many([Document(id="m", text="The SCO member states praised Kazakhstan.")])
    group = [e for e in doc.entities if e.name == "SCO member states"][0]
    assert group.org == "SCO" and {"CHN", "RUS", "KAZ"} <= {m.country for m in group.members}


def test_an_ordered_event_is_the_event_of_who_orders_it(pipeline):
    e = one(pipeline, "A Kenyan court ordered the arrest of the Somali envoy.")
    assert e.event == "COERCE" and e.actor[0].country == "KEN" and e.recipient[0].country == "SOM"


def test_a_strike_with_a_target_is_an_attack(pipeline):
    attack = one(pipeline, "Russia launched a strike on Kyiv.")
    assert attack.event == "ASSAULT" and attack.recipient[0].country == "UKR"
    assert all(e.event != "ASSAULT" for e in extract(pipeline, "Nurses in France launched a strike."))


def test_what_is_sent_is_not_the_recipient(pipeline):
    e = one(pipeline, "Chad deployed troops to Niger.")
    assert e.event == "MOBILIZE" and [r.country for r in e.recipient] == ["NER"]
    given = one(pipeline, "Norway gave Sudan humanitarian aid.")
    assert given.event == "AID" and [r.country for r in given.recipient] == ["SDN"]


def test_peacekeepers_sent_are_aid_and_groups_take_the_country_they_are_in(pipeline):
    aid = one(
        pipeline, "Nigeria announced the deployment of 230 troops to Liberia on a peacekeeping mission."
    )
    assert aid.event == "AID" and aid.cameo == "074" and [r.country for r in aid.recipient] == ["LBR"]
    protest = one(pipeline, "Protesters in Hong Kong condemned the police.")
    assert protest.actor[0].country == "HKG"


def test_willingness_is_intent_and_agreements_about_a_place_name_it(pipeline):
    e = one(pipeline, "The United States is willing to withdraw its troops from Syria.")
    assert (e.event, e.modality) == ("AGREE", "intended") and e.recipient[0].country == "SYR"
    truce = one(pipeline, "Russia has agreed to a ceasefire in eastern Ukraine.")
    assert truce.event == "AGREE" and truce.recipient[0].country == "UKR"


def test_an_object_pronoun_is_not_the_subject_of_its_clause(pipeline):
    e = one(pipeline, "Peter Biar Ajak was released after South Sudan's President Salva Kiir pardoned him.")
    assert e.event == "CONCEDE" and e.actor[0].name == "Salva Kiir"
    assert (
        e.recipient[0].name == "Peter Biar Ajak" and e.recipient[0].text == "Peter Biar Ajak"
    )  # its antecedent


def test_hyphenated_triggers_survive_the_split_and_the_prefilter(pipeline):
    e = one(pipeline, "Afghanistan announced a weeklong cease-fire with the Taliban.")
    assert (e.event, e.mode, e.trigger["text"]) == ("RETREAT", "ceasefire", "cease-fire")
    assert e.recipient[0].org == "TALIBAN"


def test_interviews_and_homecomings_are_not_events(pipeline):
    assert extract(pipeline, "Iraqi intelligence officers spoke to the Guardian about the camp.") == []
    assert extract(pipeline, "Many Syrian refugees want to return.") == []


@pytest.mark.parametrize(
    "text,event,actor,recipient",
    [
        # CAMEO 057 "sign formal agreement" is SUPPORT in PLOVER (CAMEO2PLOVER); each side is both.
        ("Kenya and Uganda signed a border agreement on Monday.", "SUPPORT", "KEN", "UGA"),
        ("Kenya agreed to reopen the border with Uganda.", "AGREE", "KEN", "UGA"),
        (
            "The Egyptian foreign minister held talks with his Jordanian counterpart in Cairo.",
            "CONSULT",
            "EGY",
            "JOR",
        ),
        ("Brazil praised Argentina for its handling of the crisis.", "SUPPORT", "BRA", "ARG"),
        ("Japan sent humanitarian aid to the Philippines after the typhoon.", "AID", "JPN", "PHL"),
        ("Rebels released twelve Nepali hostages on Sunday.", "RETREAT", None, "NPL"),
        ("The European Union urged Serbia to resume the dialogue.", "REQUEST", "IGO", "SRB"),
        ("Pakistan condemned India over the border incident.", "ACCUSE", "PAK", "IND"),
        ("Hungary rejected the proposal of the European Commission.", "REJECT", "HUN", "IGO"),
        ("Iran threatened Israel with a swift response.", "THREATEN", "IRN", "ISR"),
        # CAMEO 163 "impose embargo, boycott or sanctions" is COERCE in PLOVER; SANCTION cuts ties.
        ("The United States imposed sanctions on Venezuela.", "COERCE", "USA", "VEN"),
        ("Canada expelled two Russian diplomats on Friday.", "SANCTION", "CAN", "RUS"),
        ("A Belgian court convicted the Flemish party of inciting hatred.", "ACCUSE", "BEL", None),
        ("Turkish police arrested three Syrian journalists in Istanbul.", "COERCE", "TUR", "SYR"),
        ("Russian forces shelled the Ukrainian city of Kharkiv overnight.", "ASSAULT", "RUS", "UKR"),
        # a call to punish X accuses X; a verbal "attack" is an accusation
        ("Poland called for sanctions against Belarus over the crisis.", "ACCUSE", "POL", "BLR"),
        (
            "The Australian prime minister launched a scathing attack on China on Monday.",
            "ACCUSE",
            "AUS",
            "CHN",
        ),
        # agreeing to a plan endorses it; agreeing to act is an AGREE
        ("Britain and Ireland agreed to the peace plan on Friday.", "SUPPORT", "GBR", "IRL"),
        # raised objects: spaCy makes them subjects of the infinitive
        ("Russia refused to allow two EU-based airlines to land.", "REJECT", "RUS", "IGO"),
        # armed forces seizing a ship use force; an authority ordering a newspaper imposes on it
        ("British Royal Marines seized an Iranian tanker off Gibraltar.", "ASSAULT", "GBR", None),
        (
            "Uruguay's military government ordered the opposition newspaper to suspend publication.",
            "COERCE",
            "URY",
            None,
        ),
        (
            "The European Union ordered Serbia to withdraw its police from the border.",
            "REQUEST",
            "IGO",
            "SRB",
        ),
        # not yielding is a REJECT, past or future, with or without a named target
        (
            "The Indian government did not give permission for the rally of Pakistani activists.",
            "REJECT",
            "IND",
            None,
        ),
        ("Kazakh oil workers will not end the strike.", "REJECT", None, None),
        ("The United States reduced tariffs on Chinese goods.", "RETREAT", "USA", "CHN"),
        (
            "Islamic State militants held thousands of Iraqi civilians as human shields.",
            "ASSAULT",
            None,
            "IRQ",
        ),
        ("West African peacekeeping troops arrived in Monrovia on Sunday.", "AID", None, "LBR"),
        # opponents of a government are the opposition; unarmed groups clashing with police riot
        ("Political opponents of the Maldives government clashed with police.", "PROTEST", "MDV", None),
        (
            "The Jordan and the United States began a new round of joint military exercises.",
            "COOPERATE",
            "JOR",
            "USA",
        ),
        (
            "Cooperation between the Philippines and the United States was strengthened.",
            "COOPERATE",
            "PHL",
            "USA",
        ),
        # people sent to help or to watch are aid; troops sent to a border are a show of force
        ("The European Union has deployed election observers in Zimbabwe.", "AID", "IGO", "ZWE"),
        ("Russia deployed troops to the Ukrainian border.", "MOBILIZE", "RUS", "UKR"),
        # a decision taken is coded as the act decided
        ("Japan has decided to lift economic sanctions on India.", "CONCEDE", "JPN", "IND"),
        ("US President Donald Trump reneged on the nuclear accord with Iran.", "REJECT", "USA", None),
        ("The EU called on Serbia to resume the dialogue.", "REQUEST", "IGO", "SRB"),
        # "on Saturday" after the object is a date, not the particle of "call on"
        (
            "Israeli President Reuven Rivlin called Ethiopian President Sahle-Work Zewde on Friday.",
            "CONSULT",
            "ISR",
            "ETH",
        ),
        ("A Dutch court approved the extradition of a Moroccan militant to France.", "ACCUSE", "NLD", "MAR"),
        ("Saudi Arabia imposed a blockade on Qatar in 2017.", "ASSAULT", "SAU", "QAT"),
        ("Two inspectors of the IAEA were expelled from North Korea.", "SANCTION", "PRK", "IAEA"),
        ("Algerian authorities suspended publication of the newspaper El Watan.", "COERCE", "DZA", None),
        # a light verb's noun may be a compound of its object, or follow "for"
        ("The United States will provide a loan guarantee to Ukraine.", "AGREE", "USA", "UKR"),
        ("The Egyptian government ended mediation efforts with Ethiopia.", "SANCTION", "EGY", "ETH"),
        (
            "The US Secretary of State joined the Iranian foreign minister for a meeting in Vienna.",
            "CONSULT",
            "USA",
            "IRN",
        ),
        ("Police in Japan issued an arrest warrant for a Chinese actor.", "COERCE", "JPN", "CHN"),
        ("A Chinese court ordered the retrial of a Canadian man.", "ACCUSE", "CHN", "CAN"),
        ("A Gibraltar court ordered the Iranian tanker's release.", "RETREAT", "GIB", "IRN"),
        ("The United Arab Emirates repealed the Israel Boycott Law.", "CONCEDE", "ARE", "ISR"),
        (
            "Russian President Vladimir Putin attended a meeting of the Belarusian government.",
            "CONSULT",
            "RUS",
            "BLR",
        ),
    ],
)
def test_types_and_roles(pipeline, text, event, actor, recipient):
    assert_coded(pipeline, text, event, actor, recipient)


def test_a_meeting_stands_for_its_parties(pipeline):
    events = extract(pipeline, "The summit between the EU and Turkey failed to reach agreement on migration.")
    by_type = {e.event: e for e in events}
    assert set(by_type) == {"REJECT", "CONSULT"}  # the summit itself is a meeting of the two
    for e in events:
        assert {a.org or a.country for a in e.actor} == {"EU", "TUR"}


def test_the_parties_of_a_plural_body_each_act(pipeline):
    e = one(pipeline, "The armies of Brazil and Argentina held joint war games in October.")
    assert e.event == "COOPERATE" and {a.country for a in e.actor} == {"BRA", "ARG"}


def test_arriving_is_an_event_only_for_peacekeepers(pipeline):
    assert extract(pipeline, "The Chinese delegation arrived in Moscow on Monday.") == []


def test_the_phrase_of_a_role_names_the_actor_inside_it(pipeline):
    e = one(pipeline, "The Israeli opposition leader blamed Netanyahu's hardline policies for the crisis.")
    assert [r.text for r in e.recipient] == ["Netanyahu's hardline policies"]
    assert e.recipient[0].kind == "person" and "Netanyahu" in e.recipient[0].name


def test_opponents_of_a_government_are_the_opposition(pipeline):
    e = one(pipeline, "Political opponents of the Maldives government clashed with police.")
    assert e.actor[0].sector == "OPP" and e.actor[0].country == "MDV"


def test_a_place_phrase_without_a_name_stands_for_the_place(pipeline):
    e = one(pipeline, "NATO troops remained on alert Sunday in Bosnian Serb territory.")
    assert e.event == "MOBILIZE"
    assert [(r.text, r.country) for r in e.recipient] == [("Bosnian Serb territory", "BIH")]


def test_a_pronoun_is_written_as_its_antecedent_in_the_same_sentence(pipeline):
    e = one(pipeline, "The Israeli military said on Friday that it launched airstrikes on Hamas in Gaza.")
    assert e.actor[0].text == "Israeli military" and e.actor[0].country == "ISR"
    events = extract(
        pipeline, "The Israeli military spoke on Friday. It launched airstrikes on Hamas in Gaza."
    )
    assert [a.text for e in events for a in e.actor] == ["It"]


def test_a_judge_finding_someone_guilty_accuses_them(pipeline):
    e = one(pipeline, "A Paris court found the Iranian diplomat Assadollah Assadi guilty of terrorism.")
    assert e.event == "ACCUSE" and "Assadi" in e.recipient[0].text


def test_a_thing_made_by_an_actor_stands_for_it(pipeline):
    e = one(pipeline, "The president rejected the proposals laid out by the National Assembly of Nigeria.")
    assert e.event == "REJECT" and "National Assembly" in e.recipient[0].text


def test_the_place_joins_recipients_of_no_known_country(pipeline):
    e = one(
        pipeline, "Taliban suicide bombers killed 48 people at an election rally in Afghanistan on Tuesday."
    )
    assert e.event == "ASSAULT"
    # (the people killed there are the place's people: local_people.py)
    assert [(r.text, r.country) for r in e.recipient] == [("48 people", "AFG"), ("Afghanistan", "AFG")]
    e = one(pipeline, "Taliban suicide bombers killed 48 people in Afghanistan on Tuesday.")
    assert [(r.text, r.country) for r in e.recipient] == [("48 people", "AFG")]  # coded by their place


def test_mediation_is_with_the_parties_of_the_dispute(pipeline):
    e = one(pipeline, "Pakistan launched a mediation effort to resolve the rift between Qatar and Bahrain.")
    assert e.event == "CONSULT" and {r.country for r in e.recipient} == {"QAT", "BHR"}


def test_what_a_speaker_says_another_must_do_is_a_request(pipeline):
    events = extract(pipeline, "Russia says Israel must end its attacks on Syria.")
    request = [e for e in events if e.event == "REQUEST"]
    assert len(request) == 1 and request[0].trigger["text"] == "must end"
    assert request[0].actor[0].country == "RUS" and request[0].recipient[0].country == "ISR"
    assert request[0].modality == "asserted"
    assert [
        e.event
        for e in extract(pipeline, "Russia says Israel will end its attacks on Syria.")
        if e.event == "REQUEST"
    ] == []


def test_the_dateline_is_not_the_subject(pipeline):
    e = one(pipeline, "MOGADISHU, Somalia -- A U.S. military airstrike has killed two militants in Jilib.")
    assert e.event == "ASSAULT" and e.actor[0].country == "USA" and "airstrike" in e.actor[0].text


def test_a_complaint_to_a_body_accuses_before_it(pipeline):
    e = one(pipeline, "Syria's foreign ministry filed a complaint to the United Nations Security Council.")
    assert e.event == "ACCUSE" and e.recipient[0].org == "UNSC"


def test_title_case_acronyms_of_organisations(pipeline):
    e = one(pipeline, "Asean held talks with China in Jakarta.")
    assert e.actor[0].org == "ASEAN"


def test_who_is_responsible_for_an_act_is_its_actor(pipeline):
    e = one(pipeline, "The Islamic State claimed responsibility for the bombing of a mosque in Kabul.")
    assert e.event == "ASSAULT" and e.actor[0].name == "Islamic State"
    assert "mosque" in e.recipient[0].text


def test_conjoined_nouns_of_one_verb_are_each_an_event(pipeline):
    events = extract(
        pipeline, "The OIC expressed its total rejection and strong condemnation of Israel's decision."
    )
    assert "ACCUSE" in {e.event for e in events}  # "condemnation", beside "rejection"
    accuse = next(e for e in events if e.event == "ACCUSE")
    assert accuse.actor[0].org == "OIC" and accuse.recipient[0].country == "ISR"


def test_a_speaker_saying_someone_was_responsible_accuses_them(pipeline):
    e = one(pipeline, "The Afghan government said that Taliban militants were responsible for the attack.")
    assert e.event == "ACCUSE" and e.actor[0].country == "AFG" and "Taliban" in e.recipient[0].text


def test_a_dateline_with_an_article(pipeline):
    e = one(
        pipeline,
        "THE HAGUE, Netherlands -- A United Nations prosecutor has charged a former Rwandan minister.",
    )
    assert e.event == "ACCUSE" and e.actor[0].org == "UN"


def test_a_protest_outside_an_embassy_is_against_its_state(pipeline):
    e = one(pipeline, "Kurdish activists held a protest outside the Turkish embassy in Berlin.")
    assert e.event == "PROTEST" and "TUR" in {r.country for r in e.recipient}


# ---------------------------------------------------------------- the rules on hand-built parses
# As spaCy's own tests do: a Doc built from words, heads and labels, with no model loaded, so
# that each rule is stated on the parse it reads.


def parse(*tokens):
    """Tokens as (word, head index, dependency label, part of speech[, lemma])."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab  # English lexical attributes (lower_), no trained model
    return Doc(
        vocab,
        words=[t[0] for t in tokens],
        heads=[t[1] for t in tokens],
        deps=[t[2] for t in tokens],
        pos=[t[3] for t in tokens],
        lemmas=[t[4] if len(t) > 4 else t[0].lower() for t in tokens],
    )


def trigger(lemma, event, preps=(), pos="V", **kw):
    from dragoman.events import Trigger

    return Trigger(lemma, pos, event, None, None, preps, **kw)


def texts(tokens):
    return [t.text for t in tokens]


def test_a_passive_agent_acts_on_the_passive_subject():
    from dragoman.events import Candidate
    from dragoman.events.roles import verb_roles

    doc = parse(
        ("Kenya", 2, "nsubjpass", "PROPN"),
        ("was", 2, "auxpass", "AUX"),
        ("attacked", 2, "ROOT", "VERB", "attack"),
        ("by", 2, "agent", "ADP"),
        ("Somalia", 3, "pobj", "PROPN"),
        (".", 2, "punct", "PUNCT"),
    )
    roles = verb_roles(Candidate(trigger("attack", "ASSAULT", ("on",)), [doc[2]], doc[2]), load_lexicon())
    assert (texts(roles.actor), texts(roles.objects)) == (["Somalia"], ["Kenya"])


def test_a_relative_pronoun_stands_for_its_antecedent():
    from dragoman.events import Candidate
    from dragoman.events.roles import verb_roles

    # "Activists who were detained by police protested."
    doc = parse(
        ("Activists", 6, "nsubj", "NOUN", "activist"),
        ("who", 3, "nsubjpass", "PRON"),
        ("were", 3, "auxpass", "AUX"),
        ("detained", 0, "relcl", "VERB", "detain"),
        ("by", 3, "agent", "ADP"),
        ("police", 4, "pobj", "NOUN"),
        ("protested", 6, "ROOT", "VERB", "protest"),
        (".", 6, "punct", "PUNCT"),
    )
    roles = verb_roles(Candidate(trigger("detain", "COERCE"), [doc[3]], doc[3]), load_lexicon())
    assert (texts(roles.actor), texts(roles.objects)) == (["police"], ["Activists"])


def test_a_verb_without_a_subject_takes_the_subject_of_its_clause():
    from dragoman.events import Candidate
    from dragoman.events.roles import verb_roles

    # "Kenya decided to attack Somalia."
    doc = parse(
        ("Kenya", 1, "nsubj", "PROPN"),
        ("decided", 1, "ROOT", "VERB", "decide"),
        ("to", 3, "aux", "PART"),
        ("attack", 1, "xcomp", "VERB"),
        ("Somalia", 3, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    )
    roles = verb_roles(Candidate(trigger("attack", "ASSAULT", ("on",)), [doc[3]], doc[3]), load_lexicon())
    assert (texts(roles.actor), texts(roles.objects)) == (["Kenya"], ["Somalia"])


def test_a_dateline_parsed_as_the_subject_gives_way_to_its_apposition():
    from dragoman.events import Candidate
    from dragoman.events.roles import verb_roles

    # "NAIROBI -- Kenya condemned Somalia.": spaCy makes the dateline the subject
    doc = parse(
        ("NAIROBI", 3, "nsubj", "PROPN"),
        ("--", 0, "punct", "PUNCT"),
        ("Kenya", 0, "appos", "PROPN"),
        ("condemned", 3, "ROOT", "VERB", "condemn"),
        ("Somalia", 3, "dobj", "PROPN"),
        (".", 3, "punct", "PUNCT"),
    )
    roles = verb_roles(Candidate(trigger("condemn", "ACCUSE"), [doc[3]], doc[3]), load_lexicon())
    assert texts(roles.actor) == ["Kenya"]


def test_what_is_sent_is_not_acted_upon_but_where_it_goes_is():
    from dragoman.events import Candidate
    from dragoman.events.roles import verb_roles

    # "Japan sent troops to Mali."
    doc = parse(
        ("Japan", 1, "nsubj", "PROPN"),
        ("sent", 1, "ROOT", "VERB", "send"),
        ("troops", 1, "dobj", "NOUN", "troop"),
        ("to", 1, "prep", "ADP"),
        ("Mali", 3, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    )
    cand = Candidate(trigger("send", "MOBILIZE", ("to",), object_is_theme=True), [doc[1]], doc[1])
    roles = verb_roles(cand, load_lexicon())
    assert (texts(roles.actor), roles.objects, texts(roles.preps)) == (["Japan"], [], ["Mali"])


def test_a_noun_trigger_takes_its_possessor_as_actor_and_its_preposition_as_recipient():
    from dragoman.events import Candidate
    from dragoman.events.roles import noun_roles

    # "Russia's strike on Kyiv failed."
    doc = parse(
        ("Russia", 2, "poss", "PROPN"),
        ("'s", 0, "case", "PART"),
        ("strike", 5, "nsubj", "NOUN"),
        ("on", 2, "prep", "ADP"),
        ("Kyiv", 3, "pobj", "PROPN"),
        ("failed", 5, "ROOT", "VERB", "fail"),
        (".", 5, "punct", "PUNCT"),
    )
    cand = Candidate(trigger("strike", "ASSAULT", ("on", "against", "at"), pos="N"), [doc[2]], doc[2], doc[2])
    roles = noun_roles(cand)
    assert (texts(roles.actor), texts(roles.objects)) == (["Russia"], ["Kyiv"])
    assert roles.cand is cand  # not the subject of a verb of occurrence: the noun stays the head


def test_a_noun_that_takes_place_moves_its_head_without_changing_the_candidate():
    from dragoman.events import Candidate
    from dragoman.events.roles import noun_roles

    # "The Kenyan summit will take place in Nairobi."
    doc = parse(
        ("The", 2, "det", "DET"),
        ("Kenyan", 2, "amod", "ADJ"),
        ("summit", 4, "nsubj", "NOUN"),
        ("will", 4, "aux", "AUX"),
        ("take", 4, "ROOT", "VERB"),
        ("place", 4, "dobj", "NOUN"),
        ("in", 4, "prep", "ADP"),
        ("Nairobi", 6, "pobj", "PROPN"),
        (".", 4, "punct", "PUNCT"),
    )
    cand = Candidate(trigger("summit", "CONSULT", ("with",), pos="N"), [doc[2]], doc[2], doc[2])
    before = repr(cand)
    roles = noun_roles(cand)
    assert repr(cand) == before and not cand.occurrence
    assert (roles.cand.head.text, roles.cand.occurrence, texts(roles.actor)) == ("take", True, ["Kenyan"])


def stated(doc, head, event, cameo):
    """What the stated-intent rules make of an event of `event` with its trigger at `head`."""
    from dragoman.events import Candidate, modality_of
    from dragoman.events.recode import STATED_INTENT, Coding, recode
    from dragoman.events.roles import Case, RoleTokens

    cand = Candidate(trigger(doc[head].lemma_, event), [doc[head]], doc[head])
    case = Case(cand, None, load_lexicon(), RoleTokens(cand, [], [], []))
    coding = recode(STATED_INTENT, Coding(event, None, cameo, modality_of(doc[head])), case)
    return coding.event, coding.cameo, coding.modality


def test_refusing_to_yield_is_a_rejection():
    # "Kenya will not lift the ban."
    doc = parse(
        ("Kenya", 3, "nsubj", "PROPN"),
        ("will", 3, "aux", "AUX"),
        ("not", 3, "neg", "PART"),
        ("lift", 3, "ROOT", "VERB"),
        ("the", 5, "det", "DET"),
        ("ban", 3, "dobj", "NOUN"),
        (".", 3, "punct", "PUNCT"),
    )
    assert stated(doc, 3, "CONCEDE", "081") == ("REJECT", "124", "asserted")


def test_a_plan_to_meet_is_an_intent_and_a_plan_to_attack_a_threat():
    # "Kenya plans to meet Uganda." / "Kenya plans to attack Uganda."
    for verb, event, expected in (
        ("meet", "CONSULT", ("AGREE", "036", "intended")),
        ("attack", "ASSAULT", ("THREATEN", "138", "intended")),
    ):
        doc = parse(
            ("Kenya", 1, "nsubj", "PROPN"),
            ("plans", 1, "ROOT", "VERB", "plan"),
            ("to", 3, "aux", "PART"),
            (verb, 1, "xcomp", "VERB"),
            ("Uganda", 3, "dobj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        )
        assert stated(doc, 3, event, "040") == expected


def test_a_threat_keeps_the_code_of_what_is_threatened():
    # "Kenya will impose sanctions on Uganda." (CAMEO 163) is a threat of sanctions (1312)
    doc = parse(
        ("Kenya", 2, "nsubj", "PROPN"),
        ("will", 2, "aux", "AUX"),
        ("impose", 2, "ROOT", "VERB"),
        ("sanctions", 2, "dobj", "NOUN", "sanction"),
        (".", 2, "punct", "PUNCT"),
    )
    assert stated(doc, 2, "COERCE", "163") == ("THREATEN", "1312", "future")


def test_conjoined_places_stand_where_the_first_stands():
    from dragoman.syntax import first_conjunct

    # "in Moscow, Islamabad and Tashkent"
    doc = parse(
        ("in", 0, "ROOT", "ADP"),
        ("Moscow", 0, "pobj", "PROPN"),
        (",", 1, "punct", "PUNCT"),
        ("Islamabad", 1, "conj", "PROPN"),
        ("and", 3, "cc", "CCONJ"),
        ("Tashkent", 3, "conj", "PROPN"),
    )
    assert first_conjunct(doc[5]).text == "Moscow" and first_conjunct(doc[1]).text == "Moscow"


# ---------------------------------------------------------------- the lexicon and the layout


def test_every_trigger_file_is_read_and_the_hand_written_one_first(tmp_path):
    from dragoman.events.lexicon import data_dir

    for name in ("contexts.tsv", "rules.toml"):
        (tmp_path / name).write_text((data_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    header = "trigger\tpos\tevent\tmode\tcameo\tpreps\tneeds\n"
    (tmp_path / "triggers.tsv").write_text(header + "denounce\tV\tACCUSE\t\t111\n", encoding="utf-8")
    # "-" sorts before "." : the hand-written file must still come first
    (tmp_path / "triggers-petrarch.tsv").write_text(
        header + "# derived\ndenounce\tV\tREJECT\t\t120\nbombard\tV\tASSAULT\t\t195\n", encoding="utf-8"
    )
    lex = load_lexicon(str(tmp_path))
    assert [t.event for t in lex.verbs["denounce"]] == ["ACCUSE", "REJECT"]
    assert lex.verbs["bombard"][0].cameo == "195" and lex.types() == {"ACCUSE", "REJECT", "ASSAULT"}


def test_a_trigger_of_an_unknown_type_names_its_file(tmp_path):
    from dragoman.events.lexicon import data_dir

    for name in ("contexts.tsv", "rules.toml"):
        (tmp_path / name).write_text((data_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "triggers.tsv").write_text(
        "trigger\tpos\tevent\tmode\tcameo\tpreps\tneeds\n", encoding="utf-8"
    )
    (tmp_path / "triggers_extra.tsv").write_text(
        "trigger\tpos\tevent\tmode\tcameo\tpreps\tneeds\nscold\tV\tSCOLD\t\t\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="triggers_extra.tsv: unknown PLOVER type 'SCOLD'"):
        load_lexicon(str(tmp_path))


def test_plover_types_keep_one_order_everywhere():
    from dragoman import classify, model, plover

    assert model.EVENT_TYPES is plover.EVENT_TYPES and model.QUADS is plover.QUADS
    assert plover.EVENT_TYPES[:3] == ("AGREE", "CONSULT", "SUPPORT") and plover.EVENT_TYPES[-1] == "ASSAULT"
    assert classify.LABELS == (*sorted(plover.EVENT_TYPES), "NONE")  # the saved model's columns
    assert plover.SYMMETRIC_TYPES == {"AGREE", "CONSULT", "COOPERATE"}


def test_a_types_file_with_an_unknown_trait_is_refused():
    from dragoman.plover import read_types

    with pytest.raises(ValueError, match="unknown quad or trait"):
        read_types(
            "type\tquad\tcameo\tpreps\tintent_cameo\tthreat_cameo\ttraits\n"
            "AGREE\tverbal_cooperation\t030\twith\t030\t\tfriendly\n"
        )


def imports_of(path):
    """The dragoman modules a source file imports, at any depth of the file."""
    import ast

    package = ".".join(path.relative_to(SRC).parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            found |= {f"{base}.{node.module}" if node.module else f"{base}.{a.name}" for a in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dragoman"):
            found.add(node.module)
    return found


SRC = Path(__file__).resolve().parents[1] / "src"
STAGE_MODULES = [
    "events/*.py",
    "actors/*.py",
    "russian/*.py",
    "classify.py",
    "plover.py",
    "syntax.py",
    "words.py",
    "places.py",
    "dates.py",
    "knowledge.py",
    "model.py",
]


def test_the_stage_modules_import_no_cycle_and_events_never_the_classifier():
    graph = {}
    for pattern in STAGE_MODULES:
        for path in (SRC / "dragoman").glob(pattern):
            name = "dragoman." + ".".join(path.relative_to(SRC / "dragoman").with_suffix("").parts)
            graph[name.removesuffix(".__init__")] = imports_of(path)
    assert not any(
        "classify" in m for name, deps in graph.items() if name.startswith("dragoman.events") for m in deps
    )

    def reaches(start, target, seen):
        for dep in graph.get(start, ()):
            if dep not in graph:  # "from . import name": the module that holds the name
                dep = max((m for m in graph if dep.startswith(m + ".")), key=len, default=dep)
            if dep == target or dep not in seen and (seen.add(dep) or reaches(dep, target, seen)):
                return True
        return False

    cycles = [name for name in graph if reaches(name, name, set())]
    assert cycles == []


# Fixed diplomatic and legal phrases (issue 11): each a trigger of the lexicon, hand-written in
# triggers.tsv or imported from PETRARCH-2 (triggers_petrarch.tsv).
@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        (
            "Armenia's foreign minister spoke by phone with his Georgian counterpart on Monday.",
            "CONSULT",
            "phone",
            "ARM",
            "GEO",
        ),
        (
            "The Iranian president held a video call with the Indian prime minister on Tuesday.",
            "CONSULT",
            "phone",
            "IRN",
            "IND",
        ),
        (
            "The Malaysian premier had a phone call with the Thai prime minister on Sunday.",
            "CONSULT",
            "phone",
            "MYS",
            "THA",
        ),
        (
            "The Turkish president sat down with the Greek prime minister in Ankara on Tuesday.",
            "CONSULT",
            None,
            "TUR",
            "GRC",
        ),
        (
            "Ghana's president exchanged views with the Nigerian president on the crisis.",
            "CONSULT",
            None,
            "GHA",
            "NGA",
        ),
        (
            "Poland declared a Russian diplomat persona non grata on Friday.",
            "SANCTION",
            "expel",
            "POL",
            "RUS",
        ),
        ("Lithuania summoned the Chinese chargé d'affaires on Friday.", "ACCUSE", "disapprove", "LTU", "CHN"),
        (
            "Japan lodged a demarche with China over the detention of its citizen.",
            "ACCUSE",
            "disapprove",
            "JPN",
            "CHN",
        ),
        (
            "The US Treasury designated two Iranian companies under its sanctions programme.",
            "COERCE",
            "restrict",
            "USA",
            "IRN",
        ),
        (
            "The European Union designated three Syrian officials for sanctions on Monday.",
            "COERCE",
            "restrict",
            "IGO",
            "SYR",
        ),
        (
            "The Kazakh president put his signature to the treaty with Uzbekistan.",
            "SUPPORT",
            None,
            "KAZ",
            "UZB",
        ),
    ],
)
def test_fixed_diplomatic_and_legal_phrases(pipeline, text, event, mode, actor, recipient):
    coded = [e for e in extract(pipeline, text) if e.event == event]
    assert coded, [(e.event, e.trigger["text"]) for e in extract(pipeline, text)]
    e = coded[0]
    assert e.mode == mode
    assert actor in {a.country for a in e.actor} and recipient in {r.country for r in e.recipient}


def test_exchanging_views_is_consulting_each_other(pipeline):
    e = one(pipeline, "The foreign ministers of Kenya and Tanzania exchanged views on regional security.")
    assert e.event == "CONSULT"
    assert {a.country for a in e.actor} == {r.country for r in e.recipient} == {"KEN", "TZA"}


def test_sitting_down_alone_is_no_meeting(pipeline):
    assert extract(pipeline, "The Turkish president sat down after his speech.") == []


def test_a_meeting_held_to_discuss_is_one_meeting(pipeline):
    # the purpose clause of an act, an act of the same type between the same sides, is that act
    text = "The foreign ministers of Chile and Peru met in Lima on Friday to discuss fishing rights."
    assert [e.event for e in extract(pipeline, text)] == ["CONSULT"]
    # an act of another type in the purpose clause is an event of its own
    text = "Chile and Peru met in Lima to sign a fishing agreement."
    assert sorted(e.event for e in extract(pipeline, text)) in (["AGREE", "CONSULT"], ["CONSULT", "SUPPORT"])
