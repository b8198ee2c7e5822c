"""Precision on whole articles (round 4): the unnamed people of a place are of its country.
Sentences written for these tests."""

from __future__ import annotations


def extract(pipeline, text, date="2024-05-08"):
    from dragoman.model import Document

    (doc,) = pipeline.run_many([Document(id="t", text=text, date=date)])
    return doc.events


def sides(entities):
    return [(e.name, e.country) for e in entities]


def test_unnamed_victims_are_of_the_country_where_they_were_struck(pipeline):
    text = "At least 12 people were killed on Monday when Turkish jets bombed a village near Kirkuk."
    (event,) = [e for e in extract(pipeline, text) if e.event == "ASSAULT"]
    assert ("people", "IRQ") in sides(event.recipient)
    assert [country for _, country in sides(event.actor)] == ["TUR"]  # the jets keep theirs


def test_unnamed_protesters_are_of_the_country_where_they_protest(pipeline):
    text = "For months, residents have protested every Friday against Russian troops in Abkhazia."
    (event,) = [e for e in extract(pipeline, text) if e.event == "PROTEST"]
    assert sides(event.actor) == [("residents", "GEO")]


def test_a_single_person_or_a_named_nationality_keeps_its_own(pipeline):
    # one man may be a visitor; people whose nationality is said are of that nation
    text = "A man attacked French tourists in Cairo on Sunday."
    (event,) = [e for e in extract(pipeline, text) if e.event == "ASSAULT"]
    assert all(country != "EGY" for _, country in sides(event.actor) + sides(event.recipient))


def test_local_people_take_the_place_only_on_records_with_a_place():
    from dragoman.local_people import is_local_people, of_their_place
    from dragoman.model import Entity, Event, Place

    def people(name, **kw):
        return Entity(name=name, text=name, span=(0, 1), kind="group", sector="CVL", **kw)

    assert is_local_people(people("civilians")) and is_local_people(people("crowds"))
    assert not is_local_people(people("Chibok"))  # a name
    assert not is_local_people(people("civilians", country="SYR"))  # a nationality said
    assert not is_local_people(people("gunmen"))  # not ordinary people
    base = dict(doc_id="d", event="ASSAULT", text="t", span=(0, 1), trigger={"text": "t", "span": [0, 1]})
    kabul = Place(name="Kabul", text="Kabul", country_code="AFG")
    placed = Event(**base, actor=[], recipient=[people("civilians")], location=kabul)
    nowhere = Event(**base, actor=[], recipient=[people("civilians")])
    of_their_place([placed, nowhere])
    assert sides(placed.recipient) == [("civilians", "AFG")]
    assert sides(nowhere.recipient) == [("civilians", None)]


def test_a_promise_of_what_is_commits_to_nothing(pipeline):
    # a verb of commitment whose clause says what is: a claim, no agreement to act
    text = "The North Korean leader vowed that his final goal is parity with the United States."
    assert [e.event for e in extract(pipeline, text) if e.event == "AGREE"] == []
    text = "The Chinese foreign minister agreed that the old treaty is outdated."
    assert [e.event for e in extract(pipeline, text) if e.event == "AGREE"] == []
    text = "The Russian foreign ministry vowed the country has strictly observed the sanctions."
    assert [e for e in extract(pipeline, text) if e.event == "AGREE"] == []
    text = "The German chancellor promised voters that the pension system is safe."
    assert [e.event for e in extract(pipeline, text) if e.event == "AGREE"] == []
    # a clause of what will be done, or an infinitive, commits
    text = "Hollande vowed that the tax authorities will investigate the banks."
    assert "AGREE" in [e.event for e in extract(pipeline, text)]
    assert "AGREE" in [
        e.event for e in extract(pipeline, "Putin promised to withdraw troops from the border.")
    ]
    # and a thing promised to someone is a promise
    assert [e.event for e in extract(pipeline, "Germany promised Ukraine 20 tanks.")] == ["AGREE"]


def test_titles_listed_under_read_more_are_other_stories():
    from dragoman.clean import boilerplate_flags

    lines = [
        "Rebels freed ten hostages in the north on Monday, officials said.",
        "Read more:",
        "Army retakes the border town from rebels",
        "Why the talks failed. And what comes next.",
        "The ministry said on Tuesday that it would send more troops to the region, where fighting has gone"
        " on for three weeks despite a truce.",
        "Short line of the article.",
    ]
    assert boilerplate_flags(lines) == [False, True, True, True, False, False]
    # a "Read more" link with no colon, or with its title on the same line, heads no list
    assert boilerplate_flags(["Read more", "Army retakes the border town from rebels"]) == [True, False]
    assert boilerplate_flags(["Read more: Army retakes the town", "Rebels flee to the hills"]) == [
        True,
        False,
    ]


def test_a_story_listed_under_read_more_gives_no_event(pipeline):
    text = (
        "Syrian troops resumed talks with the rebels in Geneva on Monday.\n"
        "Read more:\n"
        "U.S. imposes sanctions on two North Korean officials\n"
    )
    assert [e.event for e in extract(pipeline, text)] == ["CONSULT"]
    assert [e.event for e in extract(pipeline, text.replace("Read more:\n", ""))] == ["CONSULT", "COERCE"]


def test_what_ordinary_people_do_for_each_other_is_no_event(pipeline):
    # the press, a hospital, people: cooperation or help among them is not event data
    text = "The local newspaper worked with students from the university to study the files."
    assert extract(pipeline, text) == []
    assert extract(pipeline, "The hospital sent food to the families of the victims.") == []
    # help from an organisation, or force against ordinary people, is
    (aid,) = extract(pipeline, "The Red Cross sent food to villagers in Aleppo.")
    assert aid.event == "AID"
    assert [e.event for e in extract(pipeline, "A gunman opened fire on a crowd of shoppers.")] == ["ASSAULT"]


def test_what_did_not_happen_is_not_written(pipeline, negating_pipeline):
    text = "The calm held, with Pyongyang not carrying out a missile test for months."
    assert extract(pipeline, text) == []
    assert [e.modality for e in extract(negating_pipeline, text)] == ["negated"]
    # a refusal to yield is an act of its own: a REJECT
    assert [e.event for e in extract(pipeline, "Russia did not lift the ban on Polish apples.")] == ["REJECT"]


def test_each_other_is_the_actors_themselves(pipeline):
    (event,) = extract(pipeline, "Pakistan and India accused each other of violating the ceasefire.")
    assert event.event == "ACCUSE"
    assert {e.country for e in event.actor} == {e.country for e in event.recipient} == {"PAK", "IND"}
    # of one actor it says no one else: no recipient taken from the story around it
    text = (
        "An isolated North Korea tested a missile in May. The two Koreas then threatened each other"
        " with war in August after mine blasts blamed on Pyongyang."
    )
    assert [e for e in extract(pipeline, text) if e.event == "THREATEN"] == []


def test_what_is_given_by_saying_it_is_no_aid(pipeline):
    assert extract(pipeline, "Pyongyang had given warnings to maritime authorities before the launch.") == []
    assert extract(pipeline, "Iran gave notice to the IAEA inspectors on Monday.") == []
    assert [e.event for e in extract(pipeline, "Germany gave 20 tanks to Ukraine.")] == ["AID"]


def test_a_state_warning_its_people_to_take_cover_threatens_no_one(pipeline):
    assert extract(pipeline, "Japan warned residents in the north to take cover.") == []
    # an armed group's warning to civilians, or a warning to a state, is a threat
    text = "The Taliban warned civilians to stay away from army posts."
    assert [e.event for e in extract(pipeline, text)] == ["THREATEN"]
    assert [e.event for e in extract(pipeline, "Trump warned North Korea to stop its missile tests.")] == [
        "THREATEN"
    ]


def test_a_language_spoken_is_no_one_spoken_to(pipeline):
    assert extract(pipeline, "The German minister was speaking German at the meeting in Paris.") == []
    text = "The Chinese premier spoke to the German chancellor on Monday."
    assert [e.event for e in extract(pipeline, text)] == ["CONSULT"]


def test_a_reporters_credit_line_is_no_aid(pipeline):
    assert extract(pipeline, "Anna Smith in Seoul and Ken Oda in Tokyo contributed to this report.") == []
    assert [e.event for e in extract(pipeline, "Japan contributed 20 million dollars to the UN fund.")] == [
        "AID"
    ]


def test_a_leader_going_back_home_hands_nothing_over(pipeline):
    text = "French President Francois Hollande returned to Paris from Avignon for emergency talks."
    assert [e for e in extract(pipeline, text) if e.event == "RETREAT"] == []
    (event,) = extract(pipeline, "Israel returned the bodies of two soldiers to Egypt.")
    assert event.event == "RETREAT" and [r.country for r in event.recipient] == ["EGY"]


def test_a_promise_is_addressed_to_whom_each_promised_act_is(pipeline):
    text = "The Russian president promised to restore order and wipe out the oligarchs as a class."
    (event,) = extract(pipeline, text)
    assert event.event == "AGREE" and [r.name for r in event.recipient] == ["oligarchs"]


def test_an_epithet_of_one_country_names_it_not_the_last_country_named(pipeline):
    # "the hermit state" is North Korea, whichever country was named last, and even unnamed
    text = (
        "North Korea fired a rocket over the sea on Tuesday. South Korea said its navy tracked it. "
        "The hermit state also threatened to strike Guam."
    )
    (threat,) = [e for e in extract(pipeline, text) if e.event == "THREATEN"]
    assert [country for _, country in sides(threat.actor)] == ["PRK"]
    (blamed,) = [
        e for e in extract(pipeline, "Canada condemned the hermit kingdom on Monday.") if e.event == "ACCUSE"
    ]
    assert sides(blamed.recipient) == [("North Korea", "PRK")]


def test_a_label_of_the_page_is_no_person_and_no_antecedent(pipeline):
    # spaCy may tag "Email" of a newsletter box a person; "he" then must not stand for it
    from dragoman.model import Document

    text = (
        "Maria Lopez arrived in Lima on Friday. Subscribe now: get the Evening Digest by Email "
        "What you need to know tonight. On Sunday she criticized the army."
    )
    (doc,) = pipeline.run_many([Document(id="t", text=text, date="2024-05-08")])
    assert not [e for e in doc.entities if e.name.lower() in ("email", "subscribe")]
    (blamed,) = [e for e in doc.events if e.event == "ACCUSE"]
    assert [a.name for a in blamed.actor] == ["Maria Lopez"]


def test_his_after_his_talks_with_someone_is_still_the_first_his(pipeline):
    # the one met in "his talks with X" is the other party: the next "his" is not X
    text = (
        "Donald Trump has tweeted about trade since he took office, so after his angry exchanges "
        "with Kim Jong Un ahead of his first visit to China, the talks focused on trade."
    )
    (visit,) = [e for e in extract(pipeline, text) if e.event == "CONSULT"]
    assert [a.name for a in visit.actor] == ["Donald Trump"]
    # a person named outside that phrase is the antecedent as before
    text = "After his meeting with Angela Merkel, Emmanuel Macron said his minister would visit Spain."
    assert all("Merkel" not in a.name for e in extract(pipeline, text) for a in e.actor)


def test_the_country_is_the_last_named_before_it_not_one_named_after(pipeline):
    text = "Canada hosted the trade summit on Monday. The country then threatened Peru with sanctions."
    (threat,) = [e for e in extract(pipeline, text) if e.event == "THREATEN"]
    assert [country for _, country in sides(threat.actor)] == ["CAN"]
    assert [country for _, country in sides(threat.recipient)] == ["PER"]


def test_a_sign_up_form_pasted_in_the_text_is_furniture_whatever_its_length():
    from dragoman.clean import boilerplate_flags

    form = (
        "Newsletter Sign Up Get the Evening Digest by Email The stories you need to read tonight, "
        "sent to your inbox from Monday to Friday. Please verify you're not a robot by ticking the box. "
        "Invalid email address. Please re-enter. You must select a newsletter to subscribe to."
    )
    long_sentence = (
        "The minister said the robot factory would open next year after a long dispute over its "
        "email servers, its address in the capital and the updates its owners had promised to send."
    )
    assert boilerplate_flags(["Rebels seized the town on Monday.", form, long_sentence]) == [
        False,
        True,
        False,
    ]
