"""Posts an article embeds (a tweet quoted whole), signed at the end of their line:
"As I depart for Berlin, I welcome ... — Jane Doe (@janedoe) May 3, 2021"."""

from __future__ import annotations

DASHES = ("—", "–", "-", "--")  # before the signature's name
MAX_NAME = 4  # tokens of the name between the dash and the handle


def signature_surname(tok) -> str | None:
    """The last word of the name that signs the post the token is in, on its line after it: the
    name after a dash and before "(@handle)"; None when the line has no such signature."""
    doc = tok.doc
    for t in doc[tok.i + 1 :]:
        handle = t.text.startswith("@") and len(t) > 1 and t.i >= 2 and doc[t.i - 1].text == "("
        if handle:
            break
        if "\n" in t.text_with_ws:
            return None
    else:
        return None
    if not any(doc[d].text in DASHES for d in range(t.i - 2, max(tok.i, t.i - 2 - MAX_NAME), -1)):
        return None
    return doc[t.i - 2].text
