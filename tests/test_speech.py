"""Verbal conflict and cooperation in whole documents, on sentences written for these tests:
acts named by a noun ("condemned the test") and their doers, evaluative naming, denials,
requests, threats, and what is not a verbal event of its own."""

from __future__ import annotations

import pytest

from dragoman.model import Document


def extract(pipeline, text, date="2024-05-08"):
    (doc,) = pipeline.run_many([Document(id="t", text=text, date=date)])
    return doc.events


def coded(pipeline, text, event):
    """(actor codes, recipient codes) of each event of the type: countries, else organisations,
    else names."""

    def codes(entities):
        return {e.country or e.org or e.name for e in entities}

    return [(codes(e.actor), codes(e.recipient)) for e in extract(pipeline, text) if e.event == event]


def dyads(pipeline, text, event):
    """(actor, recipient) of each event of the type, each side as its codes and names."""

    def keys(entities):
        return {k for e in entities for k in (e.country, e.org, e.name) if k}

    return [(keys(e.actor), keys(e.recipient)) for e in extract(pipeline, text) if e.event == event]


def types(pipeline, text):
    return [e.event for e in extract(pipeline, text)]


# ---------------------------------------------------------------- acts named by a noun


@pytest.mark.parametrize(
    "text,event,actor,recipient",
    [
        # the doer named in the act's phrase: possessor, "by" agent, modifier, relative clause
        ("Iran condemned Israel's strike on Damascus.", "ACCUSE", "IRN", "ISR"),
        ("Egypt condemned the bombing of the church by the Islamic State.", "ACCUSE", "EGY", "ISIS"),
        ("Seoul condemned the North Korean launch on Sunday.", "ACCUSE", "KOR", "PRK"),
        ("Ankara rejected the proposal that Athens made on Monday.", "REJECT", "TUR", "GRC"),
        # else the one who did such an act before in the document
        (
            "North Korea fired a missile over Japan on Friday. Japan condemned the test.",
            "ACCUSE",
            "JPN",
            "PRK",
        ),
        (
            "Militants attacked a police post in Kandahar on Monday. Pakistan condemned the attack on the post.",
            "ACCUSE",
            "PAK",
            "Militants",
        ),
        (
            "Russia expelled 23 British diplomats. The British government criticized the decision.",
            "ACCUSE",
            "GBR",
            "RUS",
        ),
        (
            "The Likud Central Committee voted on Sunday to annex the settlements. The Palestinian Authority "
            + "rejected the vote.",
            "REJECT",
            "PSE",
            "ISR",
        ),
        (
            "Police detained the activist on Monday. Amnesty International condemned the detention of the activist.",
            "ACCUSE",
            "NGO",
            "police",
        ),
        # a headline before its story: the first such act after it
        ("Japan condemns test\nNorth Korea fired a missile over Japan on Friday.", "ACCUSE", "JPN", "PRK"),
    ],
)
def test_an_act_named_by_a_noun_is_done_by_its_doer(pipeline, text, event, actor, recipient):
    found = coded(pipeline, text, event)
    assert any(actor in a and any(recipient.lower() in r.lower() for r in rs) for a, rs in found), found


def test_an_act_named_with_its_doer_is_a_deed_of_the_document(pipeline):
    text = (
        "Officials confirmed another missile test by North Korea on Friday. The Japanese government "
        + "spokesman condemned the test."
    )
    assert coded(pipeline, text, "ACCUSE") == [({"JPN"}, {"PRK"})]


def test_a_relative_clause_about_a_person_names_no_actor_of_them(pipeline):
    text = (
        "The Tunisian foreign ministry said the attacker, who police said held dual citizenship, had "
        + "committed an act of cowardice."
    )
    assert dyads(pipeline, text, "ACCUSE") == []  # (not of the police)


def test_the_doer_of_an_act_comes_before_its_target(pipeline):
    # "the attack on the post": the post was attacked; the doer is who is condemned
    text = "Militants attacked a police post near Kabul on Monday. Pakistan condemned the attack on Kabul."
    assert coded(pipeline, text, "ACCUSE") == [({"PAK"}, {"Militants"})]
    # with no doer in the document, whom the act's phrase names (as PLOVER's annotators code it)
    assert coded(pipeline, "Egypt condemned the attack on Kabul.", "ACCUSE") == [({"EGY"}, {"AFG"})]
    # and with no one at all, no event
    assert coded(pipeline, "Japan condemned the test.", "ACCUSE") == []


def test_an_act_of_an_actor_named_before_by_a_definite_description_is_theirs(pipeline):
    text = (
        "An Israeli military court indicted the Palestinian teenager on Monday. The court indicted her on "
        + "twelve counts against the soldiers. The Palestinian activist Bassem Tamimi called the indictment a "
        + "political trial."
    )
    found = dyads(pipeline, text, "ACCUSE")
    assert any("Bassem Tamimi" in a and "ISR" in r for a, r in found), found


def test_a_criticism_rejected_is_the_one_made_of_who_rejects_it(pipeline):
    text = (
        "Washington criticized Beijing over trade. Brazil criticized Argentina. China rejected the criticism."
    )
    assert coded(pipeline, text, "REJECT") == [({"CHN"}, {"USA"})]


def test_one_does_not_condemn_ones_own_act(pipeline):
    text = "Japan tested a missile on Friday. Japan condemned the test."
    assert coded(pipeline, text, "ACCUSE") == []


# ---------------------------------------------------------------- judgements


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        # a speaker says what another is or does with words that condemn
        (
            "Iran launched a rocket on Monday. Germany said the launch was reckless and unacceptable.",
            "DEU",
            "IRN",
        ),
        ("Tehran is playing a dangerous game, the German minister said.", "DEU", "IRN"),
        (
            "North Korea fired a missile on Monday. Seoul said the launch would represent a serious violation "
            + "of UN resolutions.",
            "KOR",
            "PRK",
        ),
        ("Ankara said Athens was politically motivated.", "TUR", "GRC"),
        # naming: "called X Y", "described X as Y"
        (
            "Militants attacked a market in Kabul. The Greek prime minister called the attack a cowardly act.",
            "GRC",
            "Militants",
        ),
        (
            "Militants attacked a market in Kabul. The Greek prime minister described the attack as barbaric.",
            "GRC",
            "Militants",
        ),
        (
            "The Likud Central Committee voted on Sunday to annex the settlements. Opposition leader Isaac Herzog "
            + "called Sunday's vote crazy.",
            "ISR",
            "Likud Central Committee",
        ),
        (
            "Israel indicted the Palestinian teenager on Monday. Palestinian official Saeb Erekat called Monday's "
            + "indictment a political trial.",
            "PSE",
            "ISR",
        ),
        # "it" named after an act in the same sentence is that act
        (
            "The Likud Central Committee voted on Sunday to annex the settlements. Labor leader Avi Gabbay voiced "
            + "opposition to the decision, calling it another mistake.",
            "Avi Gabbay",
            "Likud Central Committee",
        ),
        # what is said of an act: "these provocations", reacting sharply to it
        (
            'North Korea fired a missile on Friday. The US Secretary of State said, "These continued provocations '
            + "only deepen North Korea's isolation.\"",
            "USA",
            "PRK",
        ),
        (
            "North Korea fired a missile on Friday. Japan reacted sharply to the missile overflight.",
            "JPN",
            "PRK",
        ),
        # expressing indignation at an act
        (
            "Militants attacked a market in Kabul. The Algerian president expressed his profound indignation "
            + "at the attack.",
            "DZA",
            "Militants",
        ),
    ],
)
def test_condemning_words_said_of_another_accuse_them(pipeline, text, actor, recipient):
    found = dyads(pipeline, text, "ACCUSE")
    assert any(actor in a and recipient in rs for a, rs in found), found


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        ("Germany is disappointed with the Turkish government.", "DEU", "TUR"),
        (
            "The Greek minister said he was very disappointed that Turkey had vetoed the resolution.",
            "GRC",
            "TUR",
        ),
        # the speaker of a post, and what the post is about is no event of its own
        (
            'After the photos were published, the US president tweeted, "Caught red handed - very disappointed '
            + 'that China is allowing oil to go into North Korea."',
            "USA",
            "CHN",
        ),
    ],
)
def test_disappointment_with_another_accuses_them(pipeline, text, actor, recipient):
    assert dyads(pipeline, text, "ACCUSE") and all(
        actor in a and recipient in r for a, r in dyads(pipeline, text, "ACCUSE")
    )
    assert set(types(pipeline, text)) == {"ACCUSE"}


@pytest.mark.parametrize(
    "text",
    [
        "The French minister was not disappointed with Italy.",
        "The Indian minister said he was disappointed with the weather.",
        "Macron called the meeting a success.",
        "Germany said the talks were useful.",
        "Germany said Iran was not dangerous.",
        "The Greek prime minister called the attack a cowardly act.",  # no attacker in the document
    ],
)
def test_naming_and_saying_without_condemnation_or_anyone_condemned_is_no_accusation(pipeline, text):
    assert coded(pipeline, text, "ACCUSE") == []


# ---------------------------------------------------------------- denials and what acts are about


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        # a denial answers whoever made the claim against who denies it
        (
            "The United States accused China of exporting oil to North Korea. Beijing has denied making illegal "
            + "shipments.",
            "CHN",
            "USA",
        ),
        (
            "Washington accused Moscow of meddling in the election. Russia denied any involvement.",
            "RUS",
            "USA",
        ),
        # a claim said to be false is rejected, and whoever made it
        ("The US allegations are baseless, the Iranian foreign minister said.", "IRN", "USA"),
        (
            "The United States accused China of exporting oil to North Korea. The Chinese spokeswoman said that "
            + "charges of Chinese ships sending oil to North Korea do not accord with facts.",
            "CHN",
            "USA",
        ),
        # a report dismissed: its authors
        (
            "The newspaper Vedomosti published a report on the offshore accounts of Russian officials. The Kremlin "
            + "dismissed the report as nothing concrete.",
            "RUS",
            "Vedomosti",
        ),
    ],
)
def test_denials_answer_who_made_the_claim(pipeline, text, actor, recipient):
    found = dyads(pipeline, text, "REJECT")
    assert any(actor in a and any(recipient in r for r in rs) for a, rs in found), found


def test_a_denial_is_not_addressed_to_those_the_denied_act_names(pipeline):
    # nobody in the document made the claim: no one to address the denial to
    assert types(pipeline, "Moscow has denied supplying weapons to the rebels.") == []
    assert types(pipeline, "The Iranian foreign minister said the talks did not match expectations.") == []


@pytest.mark.parametrize(
    "text,event",
    [
        ("The EU urged Serbia to withdraw its troops from Kosovo.", "REQUEST"),
        ("Ukraine accused Russia of shelling Kharkiv.", "ACCUSE"),
        ("North Korea threatened to fire missiles at Guam.", "THREATEN"),
        ("Greece refused to lift the embargo on Turkey.", "REJECT"),
        (
            "The foreign minister called on China and Russia to take direct action to show they oppose the "
            + "missile launches.",
            "REQUEST",
        ),
    ],
)
def test_what_a_verbal_act_is_about_is_no_event_of_its_own(pipeline, text, event):
    assert types(pipeline, text) == [event]


def test_what_a_verbal_act_is_about_recoded_as_that_act_may_name_whom_it_is_addressed_to(pipeline):
    (e,) = extract(pipeline, "Germany has refused to send peacekeepers to Iraq.")
    assert (e.event, e.trigger["text"], e.recipient[0].country) == ("REJECT", "refused", "IRQ")
    (e,) = extract(pipeline, "The opposition leader threatened to halt the talks with President Mugabe.")
    assert (e.event, e.trigger["text"], e.recipient[0].name) == ("THREATEN", "threatened", "Mugabe")


def test_only_the_clause_said_of_another_is_about_what_is_said(pipeline):
    # what the lawyer says the journalist must do is no event; what the court did is one
    text = (
        "A court in Ankara ordered the release of an Austrian journalist, but he will have to remain in "
        + "the country, his lawyer said."
    )
    assert "RETREAT" in types(pipeline, text)
    assert "RETREAT" not in types(pipeline, "The EU said Serbia must withdraw its troops from Kosovo.")


def test_an_act_joined_to_a_verbal_act_is_an_event_of_its_own(pipeline):
    # (troops sent abroad are a deployment: triggers.tsv "send troop")
    assert types(pipeline, "The EU condemned Serbia and sent troops to Kosovo.") == ["ACCUSE", "MOBILIZE"]
    # blame says who did an act that happened
    assert "ASSAULT" in types(
        pipeline,
        "The government said Taliban militants were responsible for the "
        + "attack on the police station in Kabul.",
    )


# ---------------------------------------------------------------- requests


def test_a_request_to_a_generic_body_is_addressed_to_it(pipeline):
    found = dyads(
        pipeline,
        "The UN spokesman urged the international community to continue supporting the "
        + "government of Nigeria.",
        "REQUEST",
    )
    assert [r for _, r in found] == [{"international community"}], found
    # what is requested is no event of its own: no SUPPORT of the government
    assert types(
        pipeline,
        "The UN spokesman urged the international community to continue supporting the "
        + "government of Nigeria.",
    ) == ["REQUEST"]


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        (
            "The American ambassador said the Security Council now needed to take serious action.",
            "USA",
            "IGO",
        ),
        ("The South Korean president proposed that Washington postpone the military drills.", "KOR", "USA"),
        # a second clause said
        (
            "The American ambassador said the launch was reckless and that the Security Council needed to act.",
            "USA",
            "IGO",
        ),
    ],
)
def test_what_a_speaker_says_another_needs_to_do_is_a_request(pipeline, text, actor, recipient):
    found = coded(pipeline, text, "REQUEST")
    assert any(actor in a and recipient in r for a, r in found), found
    assert "REJECT" not in types(pipeline, text)  # (postponing is what is requested)


def test_what_evidence_suggests_is_no_request(pipeline):
    assert types(pipeline, "The documents suggest the Russian banker was acting as a front man.") == []
    assert types(pipeline, "It has not been suggested that Chinese authorities were involved.") == []


def test_a_call_for_something_may_be_addressed_to_no_one(pipeline):
    found = dyads(
        pipeline,
        "The Algerian president called for more effective international counter-terrorism " + "efforts.",
        "REQUEST",
    )
    assert len(found) == 1 and "DZA" in found[0][0] and found[0][1] == set()
    # but a request verb still needs someone asked
    assert types(pipeline, "The Algerian president urged more effective counter-terrorism efforts.") == []


def test_a_question_of_the_press_is_no_request(pipeline):
    text = "Asked by reporters to comment on the speech of Kim Jong Un, the US president said nothing."
    assert "REQUEST" not in types(pipeline, text)
    # the one asked by a participle's agent is the subject of the clause it hangs from
    found = dyads(
        pipeline, "Asked by the European Union to release the prisoners, Belarus refused.", "REQUEST"
    )
    assert any("IGO" in a and "BLR" in r for a, r in found), found


# ---------------------------------------------------------------- threats


@pytest.mark.parametrize(
    "text,actor,recipient",
    [
        (
            "The American president said North Korea would face fire and fury if it threatened the United States.",
            "USA",
            "PRK",
        ),
        ("Iran will pay a heavy price, the Israeli minister said.", "ISR", "IRN"),
        # naming no one, a threat answers the last hostile act told of before it
        (
            'North Korea fired a missile over Japan on Tuesday. "All options are on the table," the American '
            + "president said in a statement.",
            "USA",
            "PRK",
        ),
        (
            "The UN Security Council imposed new sanctions on North Korea. North Korea warned of retaliation.",
            "PRK",
            "IGO",
        ),
    ],
)
def test_threats_said_of_another(pipeline, text, actor, recipient):
    found = dyads(pipeline, text, "THREATEN")
    assert any(actor in a and recipient in r for a, r in found), found


def test_the_condition_of_a_threat_is_no_event_of_its_own(pipeline):
    text = (
        "The American president said North Korea would face fire and fury if it threatened the United States."
    )
    assert types(pipeline, text) == ["THREATEN"]


def test_a_threat_naming_no_one_does_not_answer_a_later_act(pipeline):
    text = (
        '"All options are on the table," the American president said. North Korea fired a missile on Tuesday.'
    )
    assert "THREATEN" not in types(pipeline, text)


def test_a_warning_of_nothing_is_not_addressed_to_the_last_hostile_actor(pipeline):
    text = "Turkey attacked Kurdish fighters in Syria. Several American senators have warned about the situation."
    assert "THREATEN" not in types(pipeline, text)


# ---------------------------------------------------------------- what is no verbal event


def test_ordinary_people_addressing_authorities_is_a_verbal_event(pipeline):
    assert types(pipeline, "Residents accused the police of brutality.") == ["ACCUSE"]
    assert coded(pipeline, "Students praised the French president.", "SUPPORT") == [({"Students"}, {"FRA"})]


@pytest.mark.parametrize(
    "text",
    [
        # ordinary people among themselves
        "People gathered in the square to pay tribute to the victims.",
        # a holiday is no one praised, nor the place where it is celebrated
        "Crowds were celebrating National Day in Paris when the bomb exploded.",
        "The Nato-led Support mission in northern Afghanistan has about 850 soldiers.",
        # what evidence suggests happened is no proposal
        "Initial US assessments suggested North Korea fired an intermediate-range ballistic missile.",
        # a denial not made, and rights denied, answer no claim
        '"We cannot deny that it was a terror attack," the French president said.',
        "Human rights are denied by fanatics, the French president said.",
        # "it" names no one condemned
        "It may seem outrageous, but it is common for planes to return to Tokyo, Japanese officials said.",
        # a call for something made by no subject of its own
        "The Berlin police have set up a number for friends and family to call for information.",
        # personal feelings
        "The German officer was angry that his neighbour had parked in front of his house.",
    ],
)
def test_no_verbal_event_is_read_into(pipeline, text):
    assert [t for t in types(pipeline, text) if t in ("SUPPORT", "ACCUSE", "REJECT", "REQUEST")] == []


def test_a_participle_describing_a_noun_is_done_by_what_the_noun_names(pipeline):
    # the protests demanded it, not the military that ousted him
    assert (
        types(
            pipeline,
            "The military ousted the divisive Morsi following mass protests demanding his " + "resignation.",
        )
        == []
    )
    # but what a document says, its authors say
    found = coded(
        pipeline,
        "The US and the EU released a joint statement criticising human rights violations " + "in Zimbabwe.",
        "ACCUSE",
    )
    assert found and {"USA", "IGO"} <= found[0][0]
