"""extract_quotes: every cue on short French texts, then the seed against the teacher's key."""

from __future__ import annotations

import pytest

import articlekit as ak


def _one(text):
    quotes = ak.extract_quotes(text)
    assert len(quotes) == 1, quotes
    q = quotes[0]
    assert text[q.start:q.end] == q.text
    return q.text, q.kind, q.speaker, q.cue


def test_colon_after_a_verb_of_saying():
    assert _one("Le président Amadou Sow a déclaré : « Nous irons jusqu’au bout. »") == \
        ("Nous irons jusqu’au bout.", "direct", "Amadou Sow", "colon")


def test_speaker_clause_after_the_closing_guillemet():
    assert _one("« Nous irons jusqu’au bout », a dit Amadou Sow.") == \
        ("Nous irons jusqu’au bout", "direct", "Amadou Sow", "after")
    # a question mark inside the quote, a lowercase verb after it
    assert _one("« Pourquoi attendre ? » s’interroge la ministre Awa Ndiaye.") == \
        ("Pourquoi attendre ?", "direct", "Awa Ndiaye", "after")
    # the verb before its subject, with an auxiliary
    assert _one("« Le pays est prêt », a assuré Awa NDIAYE lundi.")[2] == "Awa Ndiaye"


def test_pour_x_construction():
    assert _one("Pour Awa Ndiaye, « la réforme est urgente ».") == \
        ("la réforme est urgente", "direct", "Awa Ndiaye", "pour")
    assert _one("Selon le colonel Moussa Keita, « la frontière est calme ».")[2] == "Moussa Keita"


def test_partial_quotation_inside_the_writers_sentence():
    text = ("La ministre Awa Ndiaye est arrivée hier à Dakar. "
            "La ministre a salué « un pas historique » lors de sa visite.")
    q = ak.extract_quotes(text)[0]
    assert (q.text, q.kind, q.speaker, q.cue) == ("un pas historique", "partial", "Awa Ndiaye", "context")
    assert text[q.mention[0]:q.mention[1]] == "La ministre"


def test_motto_has_no_speaker():
    assert _one("La devise du pays est « Liberté, Égalité, Fraternité ».") == \
        ("Liberté, Égalité, Fraternité", "motto", None, "motto")
    assert _one("Leur slogan : « Ensemble »")[1:3] == ("motto", None)


def test_indirect_speech_without_guillemets():
    assert _one("Mais, ajoute Amadou Sow, la route reste longue.") == \
        ("la route reste longue", "indirect", "Amadou Sow", "incise")
    assert _one("Et la route reste longue, a précisé le ministre Amadou Sow.") == \
        ("la route reste longue", "indirect", "Amadou Sow", "incise")
    assert _one("Awa Ndiaye a affirmé que la réforme serait votée.") == \
        ("la réforme serait votée", "indirect", "Awa Ndiaye", "que")
    assert _one("Selon Awa Ndiaye, la réforme sera votée en mai.") == \
        ("la réforme sera votée en mai", "indirect", "Awa Ndiaye", "selon")


def test_no_false_indirect_speech():
    for text in ("Il faut dire que la rencontre vise à renforcer les échanges.",
                 "La partie malienne se dit ouverte à toute collaboration.",
                 "La conviction est établie, selon laquelle seule une lutte commune paie.",
                 "Le ministre Amadou Sow a rencontré son homologue."):
        assert ak.extract_quotes(text) == (), text


def test_name_variants_become_one_canonical_name():
    text = ("Amadou SOW est arrivé lundi. « Nous sommes prêts », a dit M. Sow. "
            "Puis Amadou Sow a ajouté : « Le travail commence. »")
    assert [q.speaker for q in ak.extract_quotes(text)] == ["Amadou Sow", "Amadou Sow"]
    assert ak.speaker_names(text) == {"Amadou Sow": ("Amadou SOW", "Sow", "Amadou Sow")}


def test_role_mentions_resolve_to_the_person_with_that_title():
    text = ("Le ministre malien de la Défense, Sadio Camara, a reçu le ministre sénégalais des Forces armées, "
            "Birame Diop. "
            "« Nos pays sont liés », a déclaré le ministre sénégalais. "
            "Le ministre de la Défense répond : « Nous le savons. »")
    speakers = [(q.speaker, text[q.mention[0]:q.mention[1]]) for q in ak.extract_quotes(text)]
    assert speakers == [("Birame Diop", "le ministre sénégalais"), ("Sadio Camara", "Le ministre de la Défense")]


def test_pronoun_points_back_to_the_last_speaker():
    text = "Pour Awa Ndiaye, « la réforme est urgente ». « Il faut aller vite », a-t-elle ajouté."
    quotes = ak.extract_quotes(text)
    assert [(q.speaker, q.cue, q.mention) for q in quotes][1] == ("Awa Ndiaye", "after", None)


def test_continuation_quote_in_its_own_paragraph():
    text = "Amadou Sow explique : « Le pays est prêt. »\n\n« Nous avons tout préparé. »"
    quotes = ak.extract_quotes(text)
    assert [(q.kind, q.speaker, q.cue) for q in quotes] == [
        ("direct", "Amadou Sow", "colon"), ("direct", "Amadou Sow", "continuation")]


def test_unknown_speaker_is_none():
    q = ak.extract_quotes("On parle d’une « crise » dans la région.")[0]
    assert (q.text, q.kind, q.speaker) == ("crise", "partial", None)


def test_bad_input():
    with pytest.raises(TypeError):
        ak.extract_quotes(42)
    assert ak.extract_quotes("") == ()
    # an unclosed guillemet is not a quotation
    assert ak.extract_quotes("Il dit « oui sans fin.") == ()


def test_quotes_to_annotations():
    text = "Le ministre Amadou Sow explique : « Nous avançons. »"
    notes = ak.quotes_to_annotations(ak.extract_quotes(text), text)
    assert [(s.layer, s.label, s.text, s.speaker) for s in notes] == [
        ("speakers", "SPEAKER", "Amadou Sow", "Amadou Sow"), ("quotes", "DIRECT", "Nous avançons.", "Amadou Sow")]


# ---------------------------------------------------------------------- #
# The seed: every quotation agrees with the key (text, kind, speaker)
# ---------------------------------------------------------------------- #
def test_seed_agrees_with_the_key_on_every_quotation(article):
    key = ak.reference(article).layer("quotes")
    found = ak.extract_quotes(article)
    assert [(q.start, q.end, q.text, q.kind.upper(), q.speaker) for q in found] == \
        [(s.start, s.end, s.text, s.label, s.speaker) for s in key]


def test_seed_speaker_mentions_agree_with_the_key(article):
    key = ak.reference(article).layer("speakers")
    mine = ak.quotes_to_annotations(ak.extract_quotes(article), article).layer("speakers")
    assert [(s.start, s.end, s.speaker) for s in mine] == [(s.start, s.end, s.speaker) for s in key]


def test_seed_cues(article):
    assert [q.cue for q in ak.extract_quotes(article)] == [
        "motto", "context", "incise", "colon", "pour", "colon", "incise"]
    assert ak.speaker_names(article) == {"Sadio Camara": ("Sadio CAMARA", "Sadio Camara"),
                                         "Birame Diop": ("Birame DIOP", "Birame Diop")}


# ---------------------------------------------------------------------- #
# Any text: never a crash, always exact offsets
# ---------------------------------------------------------------------- #
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "Le ministre", "Amadou SOW", "Awa Ndiaye", "a dit", "explique", ":", ",", ".", "«", "»", "« Oui »",
    "Mais,", "poursuit", "que", "Selon", "Pour", "la devise", "il", "\n\n", "M.", "le Général", "sénégalais",
    "?", "a-t-il ajouté", "Et", "la frontière", "est", "ouverte",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=0, max_size=30))
def test_any_text_gives_exact_offsets(pieces):
    text = " ".join(pieces)
    for q in ak.extract_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text and q.text == q.text.strip()
        assert q.kind in ("direct", "partial", "motto", "indirect")
        if q.mention is not None:
            assert q.speaker is not None
    ak.quotes_to_annotations(ak.extract_quotes(text), text)  # always a valid collection


def test_reported_speech_needs_a_speaker():
    assert ak.extract_quotes("La partie malienne, quant à elle, se dit ouverte à toute collaboration.") == ()
    q = ak.extract_quotes("Interrogé par la presse, Moussa Mara a indiqué que la réunion aurait lieu demain.")[0]
    assert (q.text, q.kind, q.speaker, q.cue) == ("la réunion aurait lieu demain", "indirect", "Moussa Mara", "que")
    assert ak.extract_quotes("« Pourquoi pas ? », se demande Awa Ndiaye.")[0].speaker == "Awa Ndiaye"


def test_pour_of_purpose_is_not_a_speaker_cue():
    q = ak.extract_quotes("Le ministre Amadou Sow est venu. "
                          "Pour renforcer la coopération, le ministre a annoncé « un plan ambitieux ».")[0]
    assert (q.kind, q.speaker, q.cue) == ("partial", "Amadou Sow", "context")
