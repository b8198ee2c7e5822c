"""Missed events, third round (issue 11, recall): parse shapes the roles did not read, words
the lexicon lacked. Sentences written for these tests."""

from __future__ import annotations

from test_events import extract


def sides(event):
    return [a.name for a in event.actor], [r.name for r in event.recipient]


def force(pipeline, text):
    return [sides(e) for e in extract(pipeline, text) if e.event == "ASSAULT"]


def test_a_verbless_sentence_of_force_is_a_main_clause_with_its_target(pipeline):
    # the parser reads the only verb as a participle of the noun ("a man (who was) fired ..."):
    # a participle naming whom it is aimed at is the sentence's verb
    assert force(pipeline, "A gunman fired from a rooftop onto the crowd of marchers in Lyon.") == [
        (["gunman"], ["crowd", "Lyon"])
    ]
    # a light verb's noun names whom it is aimed at: "engaged in scuffles with police"
    assert force(pipeline, "Hundreds of young men engaged in scuffles with police in Marseille.") == [
        (["men"], ["police", "Marseille"])
    ]
    # a headline's passive names its victims, not the doer: no one is the doer
    assert force(pipeline, "Two guards killed in an ambush near Gao.") == []
    assert force(pipeline, "A man wounded in the Lyon shooting died on Sunday.") == []


def test_a_partner_named_before_a_purpose_clause_is_the_recipient(pipeline):
    # the parser reads "with Chile, Peru and other neighbours to fight ..." as a clause the
    # preposition takes: its subject is whom the preposition names
    found = [
        (e.event, sides(e))
        for e in extract(
            pipeline,
            "The government will cooperate closely with Chile, Peru and other neighbours to respond to"
            " the floods, the minister said.",
        )
    ]
    assert found == [("AGREE", (["government"], ["Chile", "Peru"]))]


def test_a_stated_intent_is_dated_when_it_was_said(pipeline):
    # "will cooperate" is a promise made on the day of the report; "will agree" is yet to come
    (promise,) = extract(pipeline, "Norway will cooperate with Sweden on border controls.", date="2024-03-02")
    assert (promise.event, promise.cameo, promise.modality, promise.date) == (
        "AGREE",
        "031",
        "future",
        "2024-03-02",
    )
    events = extract(pipeline, "Norway will agree with Sweden on border controls.", date="2024-03-02")
    assert [(e.modality, e.date) for e in events] == [("future", None)]


def test_an_act_done_at_the_request_of_another_is_their_request_of_the_doer(pipeline):
    found = [
        (e.event, sides(e))
        for e in extract(pipeline, "The Chinese premier visited Kenya at the invitation of President Ruto.")
    ]
    assert ("REQUEST", (["William Ruto"], ["Chinese premier"])) in found
    assert ("CONSULT", (["Chinese premier"], ["Kenya"])) in found
    found = [
        (e.event, [a.country for a in e.actor], [r.org for r in e.recipient])
        for e in extract(
            pipeline, "The Security Council will meet on Friday at the request of France and Germany."
        )
    ]
    assert ("REQUEST", ["FRA", "DEU"], ["UNSC"]) in found or ("REQUEST", ["FRA", "DEU"], ["UN"]) in found


def test_words_the_lexicon_lacked(pipeline):
    # British spelling of an inquiry; bullets sprayed at someone
    text = "Militants attacked a police post in Lyon on Monday. Paris said it was opening a judicial enquiry into the attack."
    assert [(e.event, sides(e)) for e in extract(pipeline, text) if e.event == "ACCUSE"] == [
        ("ACCUSE", (["France"], ["Militants"]))
    ]
    text = "Police said the gunman sprayed bullets at officers outside the station in Lyon."
    assert force(pipeline, text) == [(["gunman"], ["officers", "Lyon"])]


def test_a_subject_it_goes_on_with_the_subject_it_before(pipeline):
    # "France" is named between the two, but not as a subject: each "it" is Tunisia
    text = (
        "A Tunisian man drove a truck into crowds in Nice. Tunisia condemned the attack.\n"
        "It said the attacker had committed an act of cowardice and expressed solidarity with France.\n"
        "It also said it was opening a judicial enquiry into the attack."
    )
    accusations = [(e.trigger["text"], sides(e)) for e in extract(pipeline, text) if e.event == "ACCUSE"]
    # a condemnation and an inquiry are two sayings, not one told twice
    assert accusations == [
        ("condemned", (["Tunisia"], ["Tunisian man"])),
        ("enquiry", (["Tunisia"], ["Tunisian man"])),
    ]
    # a body named as a main clause's subject in between is whom "it" stands for
    text = "Rebels raided a border post in Uganda. Kenya condemned the raid. Uganda said it would open an inquiry into the raid."
    assert [sides(e)[0] for e in extract(pipeline, text) if e.trigger["text"] == "inquiry"] == [["Uganda"]]


FESTIVAL_SHOOTING = """A man fired from a hotel window onto a country music festival crowd in Reno on Saturday night, in one of the deadliest {words} in the state.
The festival had drawn more than 20,000 fans for three days of concerts, food stalls and fireworks, and tickets for next year's edition went on sale in March.
The singer on the main stage stopped playing as the crowd ran for cover behind the bars and the merchandise tents, and many fans climbed fences to escape.
The hotel and casino said its rooms would stay closed for the weekend, and the festival organisers cancelled the final day of concerts.
Fans shared videos of the concert and the crowd on social media, and the singer thanked the fans and the staff of the venue for their help.
The casino's shares fell 4 percent on Monday, and analysts said the tourism season in the city could suffer."""


def test_a_mass_shooting_is_coded_in_an_article_of_festival_words(pipeline):
    # the relevance model reads concerts, fans and shares: not political news; a mass shooting
    # keeps its force (and only its force), whoever did it
    found = [(e.event, sides(e)) for e in extract(pipeline, FESTIVAL_SHOOTING.format(words="mass shootings"))]
    assert found == [("ASSAULT", (["man"], ["crowd"]))]
    assert extract(pipeline, FESTIVAL_SHOOTING.format(words="storms")) == []


def test_a_past_verb_joined_to_a_clause_said_with_a_modal_goes_on_from_the_speaker(pipeline):
    # "will ... and invited": a past form cannot share "will", so the speaker invited
    text = "The Kenyan president has said the election will be fair and invited Uganda to send observers."
    assert [(e.event, sides(e)) for e in extract(pipeline, text)] == [
        ("REQUEST", (["Kenyan president"], ["Uganda"]))
    ]
    # a perfect's conjunct is the clause's own: the rebels killed
    text = "The minister said the rebels had attacked the town and killed ten civilians."
    assert force(pipeline, text) == [(["rebels"], ["civilians"])]


def test_the_author_of_an_embedded_post_is_its_first_person(pipeline):
    text = (
        "Kenyan President William Ruto said the talks went well.\n"
        "As I depart Nairobi for Berlin on an official visit, I welcome the release of the hostages."
        " — William Ruto (@WilliamsRuto) May 3, 2023"
    )
    found = [(e.event, sides(e)) for e in extract(pipeline, text)]
    # the visit is the travel verb's, though "I welcome" makes an event of the clause above it;
    # the city left is not the host, nor one name with the city visited
    assert ("CONSULT", (["William Ruto"], ["Germany"])) in found
    assert ("SUPPORT", (["William Ruto"], ["hostages"])) in found
    # no signature: "I" is no one
    assert (
        extract(
            pipeline,
            "As I depart Nairobi for Berlin on an official visit, I welcome the release of the hostages.",
        )
        == []
    )


def test_who_asked_for_an_act_is_not_its_target(pipeline):
    text = "Government troops fired on protesters in Bamako at the request of the governor."
    assert force(pipeline, text) == [(["Government troops"], ["protesters", "Bamako"])]
