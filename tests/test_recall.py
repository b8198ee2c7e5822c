"""Events a careful coder writes down that were missed: diplomatic and legal phrases, on
sentences written for these tests (issue 11, recall)."""

from __future__ import annotations

from dragoman.events.lexicon import data_dir, data_rows
from test_events import extract


def coded(pipeline, text, event):
    """The events of the type in the text, each as (actor codes, recipient codes)."""
    out = []
    for e in extract(pipeline, text):
        if e.event == event:
            out.append(({a.country or a.org for a in e.actor}, {r.country or r.org for r in e.recipient}))
    return out


def test_a_pair_that_spoke_by_phone_consulted_each_other(pipeline):
    found = coded(
        pipeline,
        "Armenian Foreign Minister Ararat Mirzoyan and his Georgian counterpart Ilia Darchiashvili"
        " spoke by phone on Monday.",
        "CONSULT",
    )
    assert found and {"ARM", "GEO"} <= found[0][0] and {"ARM", "GEO"} <= found[0][1]


def test_one_who_speaks_alone_consults_no_one(pipeline):
    assert not coded(pipeline, "The Armenian foreign minister spoke at the conference on Monday.", "CONSULT")


def test_declaring_diplomats_persona_non_grata_expels_them(pipeline):
    for text in (
        "Latvia declared three Russian diplomats persona non grata on Friday.",
        "Moldova declared the Russian ambassador persona non grata.",
    ):
        found = coded(pipeline, text, "SANCTION")
        assert found and found[0][1] == {"RUS"}, text


def test_who_travels_for_a_visit_or_talks_meets_the_host(pipeline):
    for text, actor, host in (
        ("Nigerian President Muhammadu Buhari departed for Germany on an official visit.", "NGA", "DEU"),
        ("The Turkish president flew to Moscow for talks on Tuesday.", "TUR", "RUS"),
        ("The Indian prime minister arrived in Tokyo on a three-day visit.", "IND", "JPN"),
    ):
        found = coded(pipeline, text, "CONSULT")
        assert found and actor in found[0][0] and host in found[0][1], text


def test_travel_for_a_match_is_no_meeting(pipeline):
    assert not extract(pipeline, "Thousands of fans travelled to Madrid for the final on Saturday.")


def test_ordering_a_company_to_hand_something_over_is_a_demand(pipeline):
    assert coded(pipeline, "A Brazilian court ordered the mining company to provide its records.", "REQUEST")
    # ordering people about is coercion
    assert coded(pipeline, "Kenyan police ordered the protesters to leave the square.", "COERCE")


def test_one_charged_or_suspected_is_accused_by_the_authorities(pipeline):
    text = "Serbian police arrested the former minister on Sunday. He was charged with fraud on Monday."
    assert any("SRB" in actor for actor, _ in coded(pipeline, text, "ACCUSE"))
    text = "The former Serbian minister is suspected of taking bribes, prosecutors in Belgrade said."
    found = [e for e in extract(pipeline, text) if e.event == "ACCUSE"]
    assert found and "minister" in found[0].recipient[0].text


def test_one_who_faces_counts_of_a_crime_is_accused_by_the_authorities(pipeline):
    text = "Serbian police arrested the former minister on Sunday. The minister faces 12 counts of fraud."
    found = [e for e in extract(pipeline, text) if e.event == "ACCUSE"]
    assert found and found[0].actor[0].country == "SRB" and "minister" in found[0].recipient[0].text


def test_a_state_that_faces_sanctions_is_not_accused(pipeline):
    assert not coded(pipeline, "Russia faces new sanctions over the war.", "ACCUSE")


def test_a_protest_note_handed_over_is_a_complaint(pipeline):
    found = coded(pipeline, "Lithuania handed a protest note to the Chinese ambassador on Monday.", "ACCUSE")
    assert found and found[0] == ({"LTU"}, {"CHN"})


def test_sides_that_exchanged_fire_attacked_each_other(pipeline):
    found = coded(pipeline, "India and Pakistan exchanged fire across the border on Sunday.", "ASSAULT")
    assert found and {"IND", "PAK"} <= found[0][0] and {"IND", "PAK"} <= found[0][1]


def test_sides_that_swapped_prisoners_released_them_to_each_other(pipeline):
    found = coded(pipeline, "Ukraine and Russia swapped prisoners of war on Sunday.", "RETREAT")
    assert found and {"UKR", "RUS"} <= found[0][1]


def test_welcoming_a_leader_to_a_place_is_hosting_a_visit(pipeline):
    text = "President Biden welcomed Kenyan President William Ruto to the White House on Thursday."
    found = coded(pipeline, text, "CONSULT")
    assert found and "USA" in found[0][0] and "KEN" in found[0][1]
    # welcoming a decision is approval
    assert coded(pipeline, "The Kenyan president welcomed the decision of the court.", "SUPPORT")


def test_every_light_verb_noun_is_written_as_the_parser_lemmatizes_it(nlp):
    """The lexicon is looked up by lemma: a light verb's noun of the hand-written lexicon
    written in the plural ("send troops") would never be found."""
    rows = data_rows(data_dir() / "triggers.tsv")
    wrong = []
    for words in (r["trigger"].split() for r in rows if r["pos"] == "LV"):
        doc = nlp(f"They {words[0]} the {words[-1]} now.")
        lemma = next(t.lemma_.lower() for t in doc if t.lower_ == words[-1])
        if lemma != words[-1]:
            wrong.append((words, lemma))
    assert not wrong


def test_troops_sent_to_a_state_are_a_deployment_and_withdrawn_from_it_a_retreat(pipeline):
    assert coded(pipeline, "Japan sent troops to Mali on Monday.", "MOBILIZE") == [({"JPN"}, {"MLI"})]
    found = coded(pipeline, "Honduras withdrew its troops from the border with Nicaragua.", "RETREAT")
    assert found and found[0][1] == {"NIC"}


def test_being_open_to_dialogue_is_an_intent_to_meet(pipeline):
    for text in (
        "Kim Jong Un said he is open to dialogue with South Korea.",
        "North Korea is ready for talks with the United States.",
    ):
        found = [e for e in extract(pipeline, text) if e.event in ("AGREE", "CONSULT")]
        assert [(e.event, e.cameo) for e in found] == [("AGREE", "036")], text
        assert found[0].actor[0].country == "PRK" and found[0].recipient[0].country in ("KOR", "USA")


def test_easing_part_of_the_sanctions_on_a_state_yields_to_it(pipeline):
    text = "The European Union lifted most of its sanctions on Belarus on Monday."
    found = [(a, r) for t in ("CONCEDE", "RETREAT") for a, r in coded(pipeline, text, t)]
    assert found and "BLR" in found[0][1]


def test_aid_handed_over_is_aid_and_captives_handed_over_a_release(pipeline):
    assert coded(pipeline, "China handed over 500,000 vaccine doses to Cambodia.", "AID") == [
        ({"CHN"}, {"KHM"})
    ]
    assert coded(pipeline, "Kenya handed over the suspects to Uganda.", "RETREAT")
