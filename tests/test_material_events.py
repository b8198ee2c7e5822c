"""Material acts on sentences written for these tests: missile launches and weapons tests,
sanctions, arrests and detention, attacks, releases (the conventions of the eval README:
launches MOBILIZE with the overflown or targeted country acted upon; sanctions and arrests
COERCE)."""

from __future__ import annotations

from dragoman.model import Document


def extract(pipeline, *texts, date="2024-05-08"):
    docs = pipeline.run_many([Document(id=f"t{i}", text=t, date=date) for i, t in enumerate(texts)])
    return [e for d in docs for e in d.events]


def coded(pipeline, text, event):
    """The events of the type in the text, as (actor countries or orgs, recipient ones)."""
    return [
        ({a.country or a.org for a in e.actor}, {r.country or r.org for r in e.recipient})
        for e in extract(pipeline, text)
        if e.event == event
    ]


def kinds(pipeline, text):
    return [e.event for e in extract(pipeline, text)]


# ---------------------------------------------------------------- launches and weapons tests


def test_the_country_a_missile_flies_over_or_towards_is_acted_upon(pipeline):
    assert coded(pipeline, "Iran fired a ballistic missile over Iraq on Sunday.", "MOBILIZE") == [
        ({"IRN"}, {"IRQ"})
    ]
    assert coded(pipeline, "Pakistan launched a cruise missile toward India on Tuesday.", "MOBILIZE") == [
        ({"PAK"}, {"IND"})
    ]
    assert coded(pipeline, "Iran fired two missiles into the sea off Oman's coast.", "MOBILIZE") == [
        ({"IRN"}, {"OMN"})
    ]


def test_a_weapons_test_is_a_show_of_force_with_or_without_a_target(pipeline):
    assert coded(pipeline, "India tested its most advanced nuclear bomb on Monday.", "MOBILIZE") == [
        ({"IND"}, set())
    ]
    assert coded(pipeline, "Pakistan carried out its third nuclear test in May.", "MOBILIZE") == [
        ({"PAK"}, set())
    ]


def test_a_launch_noun_with_its_weapon_is_an_event_and_a_product_launch_is_not(pipeline):
    assert coded(pipeline, "Iran's latest missile launch over Iraq angered Baghdad.", "MOBILIZE") == [
        ({"IRN"}, {"IRQ"})
    ]
    # what the launch did names the country it flew over
    assert coded(
        pipeline, "Iran's last missile launch, in June, was the first to fly over Kuwait.", "MOBILIZE"
    ) == [({"IRN"}, {"KWT"})]
    assert kinds(pipeline, "Samsung's product launch in Seoul drew large crowds.") == []


def test_a_test_confirmed_by_others_is_the_tester_s_not_theirs(pipeline):
    found = coded(pipeline, "Indian officials confirmed a missile test over Nepal by Pakistan.", "MOBILIZE")
    assert found == [({"PAK"}, {"NPL"})]


# ---------------------------------------------------------------- sanctions


def test_a_resolution_that_restricts_a_state_is_a_sanction_of_those_who_passed_it(pipeline):
    assert coded(
        pipeline, "On Monday, the UN passed a resolution slashing Iran's imports of diesel.", "COERCE"
    ) == [({"IGO"}, {"IRN"})]
    assert coded(
        pipeline,
        "The Security Council voted in favour of a resolution tightening sanctions on Syria.",
        "COERCE",
    ) == [({"IGO"}, {"SYR"})]
    assert coded(
        pipeline, "A resolution that caps Iran's oil imports was adopted by the Security Council.", "COERCE"
    ) == [({"IGO"}, {"IRN"})]
    assert kinds(pipeline, "The company slashed prices on Monday.") == []


def test_a_new_round_of_sanctions_approved_is_a_sanction_and_what_it_targets_no_attack(pipeline):
    text = (
        "The Security Council approved a sixth round of sanctions against Syria, targeting its oil exports."
    )
    assert kinds(pipeline, text) == ["COERCE"]
    assert coded(pipeline, text, "COERCE") == [({"IGO"}, {"SYR"})]
    # sanctions that target a state are a sanction of whoever imposed them
    assert coded(pipeline, "Canada imposed sanctions that target Syria's oil exports.", "COERCE") == [
        ({"CAN"}, {"SYR"})
    ]
    # an armed force that targets is still an attack
    assert "ASSAULT" in kinds(pipeline, "Israeli jets struck Gaza on Monday, targeting Hamas positions.")


def test_a_sanctions_list_and_an_announcement_of_sanctions(pipeline):
    assert coded(
        pipeline, "The French Treasury placed five Syrian shipping companies on its sanctions list.", "COERCE"
    ) == [({"FRA"}, {"SYR"})]
    # the parser hangs the list from the last object: it is still the verb's
    assert coded(
        pipeline,
        "The French Treasury placed four Syrian banks and ten of their branches on its sanctions list.",
        "COERCE",
    ) == [({"FRA"}, {"SYR"})]
    assert coded(
        pipeline,
        "The photos were part of a Canadian government announcement of sanctions on ten Syrian ships.",
        "COERCE",
    ) == [({"CAN"}, {"SYR"})]


# ---------------------------------------------------------------- arrests, detention, releases


def test_a_passive_arrest_with_no_agent_is_the_authorities(pipeline):
    # the police the sentence names
    [e] = [
        e
        for e in extract(pipeline, "A Texas man was arrested in connection with the fraud, police said.")
        if e.event == "COERCE"
    ]
    assert e.actor[0].sector == "COP" and e.recipient[0].country == "USA"
    # the state of the authority the article named before
    text = (
        "A Turkish court indicted the journalist Elif Demir on Monday. Demir was arrested at her home "
        "in a dawn raid."
    )
    assert coded(pipeline, text, "COERCE") == [({"TUR"}, {None})]
    # the state of the place
    assert coded(pipeline, "The opposition leader was placed under house arrest in Minsk.", "COERCE") == [
        ({"BLR"}, {None})
    ]
    # what a law allows is no arrest
    assert (
        coded(
            pipeline,
            "A Turkish court indicted the journalist Elif Demir on Monday. The law allows "
            "journalists to be arrested without charge.",
            "COERCE",
        )
        == []
    )


def test_extending_a_detention_is_coercion(pipeline):
    text = (
        "An Egyptian court indicted the activist Omar Fathy on Sunday. His detention has been extended "
        "for another month."
    )
    assert [a for a, _ in coded(pipeline, text, "COERCE")] == [{"EGY"}]
    assert coded(
        pipeline, "An Egyptian court extended the remand of the activist Omar Fathy for eight days.", "COERCE"
    ) == [({"EGY"}, {None})]


def test_those_who_held_captives_released_them(pipeline):
    assert coded(pipeline, "Nigerian schoolgirls abducted by Boko Haram have been released.", "RETREAT") == [
        ({"NGA"}, {"NGA"})
    ]
    [e] = [
        e for e in extract(pipeline, "The girls were freed from Boko Haram's camps.") if e.event == "RETREAT"
    ]
    assert e.actor[0].name == "Boko Haram"


# ---------------------------------------------------------------- attacks


def test_a_strike_by_aircraft_or_armed_men_is_an_attack_and_a_walkout_is_not(pipeline):
    text = "Dozens were killed when French aircraft carried out strikes in support of Malian forces in Gao."
    assert coded(pipeline, text, "ASSAULT") == [({"FRA"}, {"MLI"})] and "PROTEST" not in kinds(pipeline, text)
    assert kinds(pipeline, "Dock workers went on strike in Rotterdam on Monday.") == ["PROTEST"]


def test_striking_a_note_is_a_figure_of_speech_and_striking_a_deal_an_agreement(pipeline):
    assert kinds(pipeline, "The Brazilian president struck a conciliatory note in Lima on Tuesday.") == []
    assert "ASSAULT" not in kinds(pipeline, "Brazil and Peru struck a deal on fishing rights.")


def test_driving_a_vehicle_into_a_crowd_is_an_attack(pipeline):
    assert coded(pipeline, "On Sunday, a Tunisian man ploughed a truck into crowds in Nice.", "ASSAULT") == [
        ({"TUN"}, {"FRA"})
    ]
    assert (
        kinds(pipeline, "Police said the truck was driven by a Tunisian man through the centre of Nice.")
        == []
    )


def test_dislodging_fighters_and_scuffles_with_police_are_force(pipeline):
    assert coded(pipeline, "Kenyan troops dislodged Somali fighters from the town.", "ASSAULT") == [
        ({"KEN"}, {"SOM"})
    ]
    assert coded(
        pipeline, "Hundreds of German protesters engaged in scuffles with Austrian police.", "ASSAULT"
    ) == [({"DEU"}, {"AUT"})]


def test_the_doer_of_a_deed_seen_or_charged(pipeline):
    # whom a passive verb of seeing shows doing it
    [e] = [
        e
        for e in extract(pipeline, "A Kurdish protester was filmed kicking and slapping Turkish soldiers.")
        if e.event == "ASSAULT"
    ]
    assert e.actor[0].name == "Kurdish protester" and e.recipient[0].country == "TUR"
    # what an accusation or a charge is about is what it claims, not an act of its own: the
    # indictment is coded (ACCUSE), the attack it alleges is not (events/extractor._without_contents)
    found = extract(
        pipeline, "The court indicted Dana Levi on several counts including attacking Syrian soldiers."
    )
    assert [e.event for e in found] == ["ACCUSE"] and found[0].recipient[0].name == "Dana Levi"


def test_a_noun_s_by_phrase_names_its_actor_even_inside_another_event(pipeline):
    # the UN welcomes (SUPPORT) a release that is Boko Haram's (RETREAT)
    found = coded(
        pipeline,
        "The United Nations welcomed the release of 82 Nigerian schoolgirls by Boko Haram.",
        "RETREAT",
    )
    assert found == [({"NGA"}, {"NGA"})]
    # the parser hangs "by X" from the embassy: it is still the attack's
    text = "The attack on the Russian embassy by Taliban militants killed two guards."
    [e] = [e for e in extract(pipeline, text) if e.event == "ASSAULT"]
    assert e.actor[0].name == "Taliban militants" and e.recipient[0].country == "RUS"


# ---------------------------------------------------------------- mass attacks (shootings, bombings)


def test_a_participle_with_an_object_is_a_main_clause_not_a_reduced_relative(pipeline):
    # the parser reads "killed at least" as "a gunman (who was) killed at ...": a passive
    # participle has no object of its own, so the gunman killed, and wounded
    found = extract(
        pipeline, "A gunman killed at least 30 people and wounded more than 200 at a Denver rock concert."
    )
    assert [(e.event, e.actor[0].name, e.trigger["text"]) for e in found] == [
        ("ASSAULT", "gunman", "killed"),
        ("ASSAULT", "gunman", "wounded"),
    ]
    # "a country music festival" is no country
    text = "Canada mourned on Monday. A gunman wounded over 400 at a country music festival on Sunday."
    assert [r.name for e in extract(pipeline, text) for r in e.recipient] == []
    # a participle that has no object is still what it looks like: the man was killed
    assert kinds(pipeline, "A man killed in the Denver attack was buried on Sunday.") == []


def test_force_that_leaves_its_object_dead_is_force(pipeline):
    found = extract(pipeline, "Belgian police shot the gunman dead outside the station.")
    assert [(e.event, e.actor[0].sector, e.recipient[0].name) for e in found] == [
        ("ASSAULT", "COP", "gunman")
    ]


def test_who_claims_the_article_s_attack_attacked_whom_it_was_done_to(pipeline):
    text = (
        "A gunman opened fire on worshippers in Lahore on Friday. Police shot the gunman dead. "
        "The Islamic State group claimed responsibility for the attack."
    )
    found = [e for e in extract(pipeline, text) if e.actor[0].org == "ISIS"]
    # the attack the article is about (the first), not the police's shot that ended it
    assert [(e.event, e.recipient[0].name, e.recipient[0].country) for e in found] == [
        ("ASSAULT", "worshippers", "PAK")
    ]
    # a headline's claim is of the attack its story tells
    text = "ISIS claims Lahore attack. A gunman opened fire on worshippers in Lahore on Friday."
    assert [e.recipient[0].country for e in extract(pipeline, text) if e.actor[0].org == "ISIS"] == ["PAK"]
    # a claim of an attack already coded with the claimant adds nothing
    text = "Taliban fighters attacked a police post in Kunduz. The Taliban claimed responsibility for the attack."
    assert len(coded(pipeline, text, "ASSAULT")) == 1
    # and an article that tells of no attack gives the claim no one to be done to
    assert kinds(pipeline, "The Islamic State group claimed responsibility for the attack.") == []


def test_gunfire_let_loose_and_explosives_set_off_are_attacks(pipeline):
    [e] = extract(
        pipeline, "A Kurdish gunman unleashed a barrage of gunfire onto a crowd of Turkish soldiers."
    )
    assert (e.event, e.actor[0].name, e.recipient[0].country) == ("ASSAULT", "Kurdish gunman", "TUR")
    assert coded(pipeline, "The gunman sprayed bullets at Afghan soldiers from a rooftop.", "ASSAULT")[0][
        1
    ] == {"AFG"}
    text = "Al-Shabaab militants detonated an explosive device at a Somali army base."
    assert coded(pipeline, text, "ASSAULT") == [({"SOM"}, {"SOM"})]
    # a bomb is set off at, outside or near whom it is aimed at
    text = "Militants set off a car bomb outside the Kenyan parliament."
    assert coded(pipeline, text, "ASSAULT") == [(set([None]), {"KEN"})]
    assert kinds(pipeline, "The demolition crew set off explosives at the old stadium.") == []


def test_an_attack_noun_acts_on_those_it_leaves_dead_or_those_killed_in_it(pipeline):
    text = "A bombing by Boko Haram militants left 30 Cameroonian villagers dead."
    assert coded(pipeline, text, "ASSAULT") == [({"NGA"}, {"CMR"})]
    text = "Two Iraqi soldiers were wounded in a bombing by Islamic State fighters near Mosul."
    [e] = extract(pipeline, text)
    assert e.actor[0].org == "ISIS" and e.recipient[0].name == "Iraqi soldiers"


def test_a_city_before_an_attack_is_where_it_was_not_who_did_it(pipeline):
    assert kinds(pipeline, "The Baghdad bombing killed 12 people.") == []
    assert kinds(pipeline, "Mourners gathered after the Manchester attack.") == []
    # a country or its people before it did it
    assert coded(pipeline, "US strikes on Raqqa killed 20 Syrian civilians.", "ASSAULT") == [
        ({"USA"}, {"SYR"})
    ]
    assert coded(pipeline, "The Taliban attack on the police post killed 4 Afghan policemen.", "ASSAULT") == [
        ({"AFG"}, {"AFG"})
    ]


def test_who_harmed_those_killed_when_an_act_of_force_was_done(pipeline):
    text = "More than 30 Yemeni civilians were killed on Monday when Saudi aircraft carried out strikes near Taiz."
    assert ({"SAU"}, {"YEM"}) in coded(pipeline, text, "ASSAULT")
    text = "Twelve Iraqi soldiers were wounded as Islamic State fighters shelled their positions."
    [e] = extract(pipeline, text)
    assert (e.actor[0].org, e.recipient[0].name) == ("ISIS", "Iraqi soldiers")
    # an accident harms, but no one did it
    assert kinds(pipeline, "Three Kenyan policemen were killed when their car hit a landmine.") == []


def test_a_weapon_acts_for_whoever_its_phrase_says_used_it(pipeline):
    text = "A car bomb driven by a Taliban suicide bomber initiated the attack on the Indian consulate."
    assert coded(pipeline, text, "ASSAULT") == [({"AFG"}, {"IND"})]
    # a weapon no one is said to have used names no attacker: no event
    assert kinds(pipeline, "A car laden with explosives initiated the attack on the Indian consulate.") == []


# ---------------------------------------------------------------- responses


def test_an_act_in_response_to_another_is_aimed_at_its_actor(pipeline):
    # the act named in the phrase: its actor
    assert coded(
        pipeline, "Taiwan announced a missile drill in response to China's missile launch.", "MOBILIZE"
    ) == [({"TWN"}, {"CHN"})]
    # the act named by its kind only: the actor of the last such act the article reported
    text = (
        "Pakistan fired a missile over Afghanistan on Friday. Hours later, India announced a live-fire "
        "missile drill in response to the missile launch."
    )
    found = [e for e in extract(pipeline, text) if e.event == "MOBILIZE"]
    assert [(a.country, [r.country for r in e.recipient]) for e in found for a in e.actor] == [
        ("PAK", ["AFG"]),
        ("IND", ["PAK"]),
    ]


# ---------------------------------------------------------------- what is not the act it looks like


def test_figures_of_speech_with_verbs_of_force(pipeline):
    assert kinds(pipeline, "Spy satellites of the Indian army captured photos of Chinese ships.") == []
    assert kinds(pipeline, "None of the Russian ministers could have amassed such wealth on a salary.") == []


def test_who_secured_a_release_did_not_release_anyone(pipeline):
    text = "The Kenyan government said it had secured the release of 21 hostages."
    assert "RETREAT" not in kinds(pipeline, text)


def test_a_list_one_is_on_is_no_sanction_of_one_s_own(pipeline):
    assert "COERCE" not in kinds(
        pipeline,
        "Reporters asked the Chinese ministry: are the Panamanian ships on "
        "the sanctions list of the UN Security Council?",
    )


def test_supplying_a_state_with_a_good_aids_the_state(pipeline):
    assert coded(pipeline, "China supplies Nepal with oil.", "AID") == [({"CHN"}, {"NPL"})]


def test_what_one_is_accused_of_is_the_accusation_only(pipeline):
    assert coded(pipeline, "India accused China of exporting oil to Nepal.", "COOPERATE") == []
    assert coded(pipeline, "India accused China of exporting oil to Nepal.", "ACCUSE") == [({"IND"}, {"CHN"})]


def test_an_act_to_counter_another_is_aimed_at_its_actor(pipeline):
    assert coded(
        pipeline,
        "Iran said it had conducted a test of a ballistic missile to counter Israeli air drills.",
        "MOBILIZE",
    ) == [({"IRN"}, {"ISR"})]


def test_an_act_on_an_act_is_on_its_actor(pipeline):
    text = (
        "Taliban militants attacked the German consulate in Kunduz on Thursday. The attack was repelled "
        "early on Friday by Afghan and German security forces."
    )
    repelled = [e for e in extract(pipeline, text) if e.trigger["text"] == "repelled"]
    assert [(sorted(a.country for a in e.actor), [r.name for r in e.recipient]) for e in repelled] == [
        (["AFG", "DEU"], ["Taliban militants"])
    ]
    # with no such act reported before, there is no one to code it against
    assert (
        kinds(pipeline, "The attack was repelled early on Friday by Afghan and German security forces.") == []
    )


def test_coordinated_modifiers_of_a_plural_are_one_actor_each(pipeline):
    [e] = [
        e
        for e in extract(
            pipeline,
            "The launch came as Indian and French forces conducted annual military "
            "exercises in the Indian Ocean.",
        )
        if e.event == "COOPERATE"
    ]
    assert {a.country for a in e.actor} == {"IND", "FRA"} and {"IND", "FRA"} <= {
        r.country for r in e.recipient
    }


def test_capitals_in_a_title_case_headline_are_not_names(pipeline):
    (doc,) = pipeline.run_many(
        [Document(id="h", text="Iran Fires Another Missile Over Iraq", date="2024-05-08")]
    )
    assert "Missile" not in {e.name for e in doc.entities}
    assert [
        (e.event, [a.country for a in e.actor], [r.country for r in e.recipient]) for e in doc.events
    ] == [("MOBILIZE", ["IRN"], ["IRQ"])]
