"""Place: where an event happened, resolved offline to a gazetteer entry (gazetteer.py).

event_place() reads the dependency parse for the place where the event happened: a locative
phrase ("in/at/near X", "visit to X", "held in X", "support to the city of X", "launched from
X") attached to the trigger, to what it governs or to its clause, or a place name on the event
noun ("the Nice attack"). Places that are actors or possessors, or that belong to a phrase of
circumstance ("amid an uproar in X"), are not locations. document_places() carries the place of
a visit to the sentences that follow it.
"""

from __future__ import annotations

from .dates import attachment_distance
from .gazetteer import Entry, Gazetteer, get_gazetteer, normalize  # noqa: F401  (the place API)
from .model import Place
from .syntax import LOCATIVE_PREPS, first_conjunct
from .towns import town_like, town_place
from .words import place_nouns, words

# "to X" names a place only after travel words, or after aid words when X is below a country
# ("support to the city of Wuhan"; "aid to Ukraine" makes Ukraine a recipient, not a place).
TRAVEL_HEADS = {
    "visit",
    "trip",
    "tour",
    "journey",
    "travel",
    "mission",
    "delegation",
    "flight",
    "arrive",
    "go",
    "come",
    "fly",
    "return",
    "deploy",
    "move",
}
AID_HEADS = {
    "support",
    "assistance",
    "aid",
    "help",
    "relief",
    "supply",
    "supplies",
    "provide",
    "deliver",
    "send",
    "ship",
}
# "launched from Sunan": "from X" names the place of these acts, which start where they happen.
ORIGIN_HEADS = words("origin_place_heads")
# "left Paris for Beijing", "will depart Abuja for Germany": "for X" after these is where the
# traveller goes, so where the visit it sets out on happens.
DEPARTURE_HEADS = words("departure_verbs")
# "amid an uproar in Israel": a place under these prepositions is where the uproar is.
TOPIC_PREPS = words("topic_preps")
# "discussed the situation in Syria", "talks on the crisis in Yemen": a place inside what is
# discussed is the topic's place.
DISCUSSION_WORDS = words("discussion_words")
TOPIC_LINKS = words("topic_links")
MAX_TOPIC_STEPS = 6
# "the Paris attacks", "the Minsk talks": a capital naming these happenings is their place.
PLACED_HAPPENINGS = words("placed_happening_nouns")
# "the city of Wuhan": the place is the object of "of" under one of these nouns.
PLACE_NOUNS = frozenset(p.word for p in place_nouns() if p.heads)
# spaCy tags Dushanbe ORG, or PERSON next to a no-break space, at times: such entities count
# only when their whole text is a primary gazetteer name and they sit in a locative phrase.
PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"}
MAX_DISTANCE = 25  # beyond this a place phrase belongs to another part of the sentence
TOWN_OF_NOTE = 100_000  # people: a city abroad of this size may be named in another country's news


# --- the place of an event in a parsed sentence --------------------------------------------


def event_places(
    sentence,
    trigger_i: int,
    gazetteer: Gazetteer | None = None,
    near=frozenset(),
    offset: int = 0,
    max_distance: int = MAX_DISTANCE,
    described: bool = True,
) -> list[Place]:
    """Every place the event happened in, closest attachment first ("in Moscow, Islamabad and
    Tashkent"); with `described`, also places the text describes rather than names: a place
    name modifying the event noun ("the Nice attack"), a capital by its country ("the Kazakh
    capital")."""
    gazetteer = gazetteer or get_gazetteer()
    scored = []
    trigger = sentence.doc[trigger_i]
    for start, end in _place_spans(sentence, gazetteer, described):
        span = sentence.doc[start:end]
        distance = _locative_distance(span.root, trigger_i)
        if distance is None:
            distance = _where_distance(span.root, trigger)
        if distance is None and described:
            distance = _compound_distance(span.root, trigger)
        if (
            distance is None
            or distance > max_distance
            or _in_other_subject(span.root, trigger)
            or _in_other_topic(span.root, trigger)
            or _in_discussed_topic(span.root)
        ):
            continue
        place = gazetteer.lookup(span.text, near) or town_place(span, gazetteer, near)
        if (
            place is not None
            and plausible(place, near, gazetteer)
            and _fits_preposition(span.root, place)
            and _fits_compound(span.root, place, gazetteer)
        ):
            place.span = (offset + span.start_char, offset + span.end_char)
            scored.append((distance, start, place))
    return [p for _, _, p in sorted(scored, key=lambda s: (s[0], s[1]))]


def plausible(place: Place, near, gazetteer: Gazetteer) -> bool:
    """Whether a place can be the one the document means: not a small town abroad. Of a
    document about other countries (`near`: those its actors name), a town of another country
    that is not a city of note is a namesake of one the gazetteer lacks: "the Nigerian town of
    Banki" is not Bānki in India."""
    if not near or place.feature != "city" or place.country_code in near:
        return True
    return gazetteer.population(place) >= TOWN_OF_NOTE


def _in_other_subject(root, trigger) -> bool:
    """ "A spokesman at headquarters in Potsdam said that police fought the attackers": a place
    inside the subject of a verb whose clause reports the event belongs to the speaker."""
    for node in root.ancestors:
        if node.i == trigger.i:
            return False
        if node.dep_ in ("nsubj", "nsubjpass") and trigger not in node.subtree:
            return any(c.dep_ == "ccomp" and trigger in c.subtree for c in node.head.children)
    return False


def _in_other_topic(root, trigger) -> bool:
    """ "arrested at home amid an uproar in Israel": a place inside a phrase of circumstance or
    topic ("amid", "despite", "about") that the trigger does not govern is where that is."""
    for node in root.ancestors:
        if node.i == trigger.i:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in TOPIC_PREPS and trigger not in node.subtree:
            return True
    return False


def _in_discussed_topic(root) -> bool:
    """ "The two ministers discussed the situation in Syria", "held talks on the crisis in
    Yemen": a place phrase on a noun that is what a discussion is about (the object of a verb of
    discussing, or under "on"/"about" after a word of discussing) is where the topic is, not
    where the talks were held ("discussed trade at a meeting in Sochi" is not: "at" is no link
    of topic)."""
    node, nouns = root, 0
    for _ in range(MAX_TOPIC_STEPS):
        head = node.head
        if head.i == node.i:
            return False
        nouns += node.dep_ == "prep" and head.pos_ in ("NOUN", "PROPN")  # the topic noun it is on
        if nouns and _discusses(head, node):
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
        node = head
    return False


def _discusses(word, child) -> bool:
    """Whether `child` is what `word`, a word of discussing, is about."""
    if word.lemma_.lower() not in DISCUSSION_WORDS:
        return False
    if child.dep_ == "dobj":
        return word.pos_ in ("VERB", "AUX")
    return child.dep_ == "prep" and child.lower_ in TOPIC_LINKS


def _compound_distance(root, trigger) -> int | None:
    """ "the Nice attack", "the Minsk talks": a place name that modifies the event's noun."""
    if root.dep_ == "compound" and root.head.i == trigger.i and trigger.pos_ == "NOUN":
        return 0
    return None


def _fits_compound(root, place: Place, gazetteer: Gazetteer) -> bool:
    """A country or a capital modifying an event noun is its topic or its side ("the Iran
    talks", "US sanctions", "Washington sanctions"), not where it happened: only other places
    below a country count, and a capital that names a happening held in a place ("the Paris
    attacks", "the Minsk talks")."""
    if root.dep_ != "compound" or place.feature != "country" and not gazetteer.is_capital(place):
        return True
    return place.feature != "country" and root.head.lemma_.lower() in PLACED_HAPPENINGS


def _where_distance(root, trigger) -> int | None:
    """ "the capital, Abuja, where she met Buhari": a clause opened by "where" happened at the
    place it describes."""
    head = _phrase_head(root)
    for token in dict.fromkeys(_with_appositions(root) + _with_appositions(head)):
        for clause in token.children:
            if (
                clause.dep_ == "relcl"
                and any(c.lower_ == "where" for c in clause.children)
                and (clause.i == trigger.i or clause in trigger.ancestors)
            ):
                return 1
    return None


def _with_appositions(token) -> list:
    """ "the capital, Abuja": the name and the nouns it renames."""
    out = [token]
    while token.dep_ == "appos" and token.head.i != token.i:
        token = token.head
        out.append(token)
    return out


def event_place(
    sentence, trigger_i: int, gazetteer: Gazetteer | None = None, near=frozenset(), offset: int = 0
) -> Place | None:
    """The place where the event of the trigger happened, or None."""
    places = event_places(sentence, trigger_i, gazetteer, near, offset)
    return places[0] if places else None


def _place_spans(sentence, gazetteer: Gazetteer, described: bool = False) -> tuple[tuple[int, int], ...]:
    """Entities the gazetteer knows, hyphenated names, proper nouns spaCy left untagged and
    (`described`) capitals named by their country ("the Kazakh capital").

    Found once per sentence (kept on the doc): each event and visit of a sentence asks again."""
    found = sentence.doc.user_data.setdefault("dragoman_place_spans", {})
    key = (sentence.start, sentence.end, id(gazetteer), described)
    if key not in found:
        found[key] = tuple(_find_place_spans(sentence, gazetteer, described))
    return found[key]


def _find_place_spans(sentence, gazetteer: Gazetteer, described: bool) -> list[tuple[int, int]]:
    spans = _hyphenated_names(sentence, gazetteer)
    if described:
        spans += _capital_phrases(sentence, gazetteer)
    taken = {i for s, e in spans for i in range(s, e)}
    spans += [
        _with_place_noun(e)
        for e in sentence.ents
        if e.label_ in PLACE_LABELS
        and not taken.intersection(range(e.start, e.end))
        and _resolves(e, gazetteer)
    ]
    taken = {i for s, e in spans for i in range(s, e)}
    for token in sentence:
        if (
            token.pos_ == "PROPN"
            and token.i not in taken
            and not token.ent_type_
            and gazetteer.is_primary_name(token.text)
        ):
            spans.append((token.i, token.i + 1))
    return spans


def _capital_phrases(sentence, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """ "in the Kazakh capital", "in Kazakhstan's capital": the country's seat of government."""
    spans = []
    for token in sentence:
        if token.lemma_.lower() == "capital" and token.pos_ == "NOUN":
            mods = [c for c in token.children if c.dep_ in ("amod", "poss", "compound") and c.i < token.i]
            start = min((m.left_edge.i for m in mods), default=token.i)
            if mods and gazetteer.entry(sentence.doc[start : token.i + 1].text) is not None:
                spans.append((start, token.i + 1))
    return spans


def bare_capital_place(
    sentence, trigger_i: int, gazetteer: Gazetteer, country: str | None, offset: int = 0
) -> Place | None:
    """ "police arrested twelve protesters in the capital": a capital that no word names or
    ties to a country ("the Kazakh capital", "the capital of Peru", "the capital, Abuja" are
    read as names) is the capital of the country the article is about (`country`)."""
    if country is None:
        return None
    for token in sentence:
        if (
            token.lower_ != "capital"
            or token.dep_ != "pobj"
            or not _is_locative(token.head)
            or any(c.dep_ not in ("det", "punct") for c in token.children)
            or attachment_distance(token.head, trigger_i) > MAX_DISTANCE
            or _in_other_subject(token, sentence.doc[trigger_i])
            or _in_other_topic(token, sentence.doc[trigger_i])
        ):
            continue
        place = gazetteer.capital(country)
        if place is not None:
            place.text = token.text
            place.span = (offset + token.idx, offset + token.idx + len(token))
        return place
    return None


def _hyphenated_names(sentence, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """ "Mazar-i-Sharif", "Stratford-upon-Avon": spaCy splits a hyphenated name into tokens
    (and tags a part of it at best); the whole, written without spaces, is the name."""
    spans, i, end = [], sentence.start, sentence.end
    doc = sentence.doc
    while i < end:
        j = i
        while (
            j + 2 < end
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j + 2].is_alpha
        ):
            j += 2
        if j > i and doc[i].text[:1].isupper() and gazetteer.entry(doc[i : j + 1].text) is not None:
            spans.append((i, j + 1))
        i = j + 1
    return spans


def _with_place_noun(ent) -> tuple[int, int]:
    """ "Belgorod" + "region": the gazetteer knows "Belgorod region" as the oblast, not the city."""
    doc = ent.doc
    if ent.end < len(doc) and ent.root.dep_ == "compound" and doc[ent.end].lemma_.lower() in PLACE_NOUNS:
        return ent.start, ent.end + 1
    return ent.start, ent.end


def _resolves(ent, gazetteer: Gazetteer) -> bool:
    if ent.label_ in ("ORG", "NORP", "PERSON"):
        if gazetteer.is_primary_name(ent.text) and len(ent) <= 3:
            return True
    elif gazetteer.entry(ent.text) is not None:
        return True
    town = ent.doc[slice(*_with_place_noun(ent))]  # a town the gazetteer lacks
    return len(ent) <= 3 and town_like(town) and gazetteer.knows_town(ent.text)


def _locative_distance(root, trigger_i: int) -> int | None:
    """Distance from the trigger to the phrase governing a place, if that phrase is locative."""
    token = _phrase_head(root)
    prep = token.head
    if token.dep_ != "pobj" or not _is_locative(prep):
        return None
    return attachment_distance(prep, trigger_i)


def _through_place_noun(token):
    """ "the city of Wuhan", "Hubei Province": the phrase is headed by the place noun."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
        return first_conjunct(token.head.head)
    return token


def _is_locative(prep) -> bool:
    word = prep.lower_
    if word in LOCATIVE_PREPS:
        return True
    if word == "from":  # "launched (a missile) from Sunan": where a launch happened
        return _from_origin(prep.head)
    if word == "for":
        return prep.head.lemma_.lower() in DEPARTURE_HEADS
    return word == "to" and prep.head.lemma_.lower() in TRAVEL_HEADS | AID_HEADS


def _from_origin(head, steps: int = 3) -> bool:
    """ "launched from X", "launched a missile from X", "conducted for the first time from X":
    "from" hangs from an act of ORIGIN_HEADS, from its object or from a phrase under it."""
    for _ in range(steps):
        if head.lemma_.lower() in ORIGIN_HEADS:
            return True
        if head.dep_ not in ("dobj", "nsubjpass", "pobj", "prep") or head.head.i == head.i:
            return False
        head = head.head
    return head.lemma_.lower() in ORIGIN_HEADS


def _fits_preposition(root, place: Place) -> bool:
    prep = _phrase_head(root).head
    if prep.lower_ == "to" and prep.head.lemma_.lower() not in TRAVEL_HEADS:
        return place.feature != "country"
    return True


def _phrase_head(root):
    return _through_place_noun(first_conjunct(_through_apposition(_through_compound(root))))


def _through_apposition(token):
    """ "from its capital, Pyongyang": the name renames the place noun that heads the phrase."""
    if token.dep_ == "appos" and token.head.lemma_.lower() in PLACE_NOUNS:
        return token.head
    return token


def _through_compound(token):
    """ "in Belgorod region": spaCy makes the place name a compound of "region"."""
    if token.dep_ == "compound" and token.head.lemma_.lower() in PLACE_NOUNS:
        return token.head
    return token


# --- carrying a place across sentences -------------------------------------------------------

VISIT_WORDS = {"visit", "trip", "tour", "stay"}
CONTINUATION_SUBJECTS = {"he", "she", "they", "there", "we", "i"}


def visit_place(sentence, gazetteer: Gazetteer | None = None, near=frozenset()) -> Place | None:
    """The place of a visit the sentence reports ("during a visit to Geneva", "visited Kyiv")."""
    gazetteer = gazetteer or get_gazetteer()
    for start, end in _place_spans(sentence, gazetteer):
        span = sentence.doc[start:end]
        head = _phrase_head(span.root).head
        if (
            head.lemma_.lower() == "visit"
            and span.root.dep_ == "dobj"
            or head.lower_ in ("to", "in")
            and head.head.lemma_.lower() in VISIT_WORDS
        ):
            place = gazetteer.lookup(span.text, near)
            if place is not None:  # (a town the gazetteer lacks is no visit's place)
                return place
    return None


def document_places(
    sentences: list, gazetteer: Gazetteer | None = None, near=frozenset()
) -> list[Place | None]:
    """For each sentence, the visit place in force: set by a visit, carried to the next sentence
    when that one continues the story ("He particularly met with ...") and names no place itself."""
    gazetteer = gazetteer or get_gazetteer()
    carried, out = None, []
    for sentence in sentences:
        own = visit_place(sentence, gazetteer, near)
        if own:
            carried = own
        elif carried and not _continues(sentence, gazetteer):
            carried = None
        out.append(own or carried)
    return out


def _continues(sentence, gazetteer: Gazetteer) -> bool:
    """A sentence carries on the previous one when its subject is a pronoun and no place is named."""
    subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    pronoun = any(t.lower_ in CONTINUATION_SUBJECTS for t in subjects)
    return pronoun and not _names_own_place(sentence, gazetteer)


def _names_own_place(sentence, gazetteer: Gazetteer) -> bool:
    """A locative phrase of its own ("in Paris"), not just a country named as an actor."""
    for start, end in _place_spans(sentence, gazetteer):
        prep = _phrase_head(sentence.doc[start:end].root).head
        if _is_locative(prep):
            return True
    return False
