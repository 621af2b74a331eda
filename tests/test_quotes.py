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


# ---------------------------------------------------------------------- #
# Issue 13: every pair of quotation marks, nested or not
# ---------------------------------------------------------------------- #
@pytest.mark.parametrize("text, quoted", [
    ("“Nous irons jusqu’au bout”, a dit Amadou Sow.", "Nous irons jusqu’au bout"),
    ("‘Nous irons jusqu’au bout’, a dit Amadou Sow.", "Nous irons jusqu’au bout"),
    ("‘‘Aujourd’hui, l’engrais coûte cher’’, a dit Amadou Sow.", "Aujourd’hui, l’engrais coûte cher"),
    ('"Nous irons jusqu\'au bout", a dit Amadou Sow.', "Nous irons jusqu'au bout"),
    ("« Il m’a dit : “Vos primes seront payées.” Je l’ai cru », a dit Amadou Sow.",
     "Il m’a dit : “Vos primes seront payées.” Je l’ai cru"),
    ("“On parle d’une « année blanche »”, a dit Amadou Sow.", "On parle d’une « année blanche »"),
    ('"On nous parle de ‘vérité’, mais où sont les audits ?" s’est interrogée la députée Awa Sow.',
     "On nous parle de ‘vérité’, mais où sont les audits ?"),
])
def test_every_pair_of_quotation_marks(text, quoted):
    q = ak.extract_quotes(text)
    assert [x.text for x in q] == [quoted]
    assert text[q[0].start:q[0].end] == quoted and q[0].kind == "direct" and q[0].speaker.endswith("Sow")


def test_apostrophes_are_not_closing_quotes():
    assert ak.extract_quotes("L’État n’a rien dit aujourd’hui.") == ()
    q = ak.extract_quotes("Il a parlé d’un ‘pas en avant’ pour l’école.")[0]
    assert (q.text, q.kind) == ("pas en avant", "partial")


def test_straight_quotes_inside_a_partial_quotation():
    text = "Amadou Sow est venu. Il a accusé l’ancien régime d’avoir \"maquillé la dette\"."
    q = ak.extract_quotes(text)[0]
    assert (q.text, q.kind, q.speaker) == ("maquillé la dette", "partial", "Amadou Sow")


def test_a_quotation_going_on_in_the_next_paragraph():
    text = ("Leur porte-parole, Kodjo AGBEKO, a lu une déclaration.\n\n"
            "« Nous demandons le retrait du texte.\n\n"
            "« Sinon nous manifesterons », a-t-il poursuivi.\n\n"
            "« Nous ne céderons pas. »")
    quotes = ak.extract_quotes(text)
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("Nous demandons le retrait du texte.", "Kodjo Agbeko", "continuation"),
        ("Sinon nous manifesterons", "Kodjo Agbeko", "after"),
        ("Nous ne céderons pas.", "Kodjo Agbeko", "continuation")]
    for q in quotes:
        assert text[q.start:q.end] == q.text


# ---------------------------------------------------------------------- #
# Issue 13: hard cues
# ---------------------------------------------------------------------- #
def test_a_t_il_without_its_first_hyphen():
    text = ("Le président du parti, Alpha Oumar BAH, a posé ses conditions. "
            "« Nous voulons des garanties », a t-il laissé entendre en présence du facilitateur, Mamadou TOURÉ.")
    q = ak.extract_quotes(text)[0]
    assert (q.speaker, q.cue, q.mention) == ("Alpha Oumar Bah", "after", None)
    assert "« il » → Alpha Oumar Bah" in q.speaker_reason


def test_dixit():
    q = ak.extract_quotes("Le directeur, Pr Salif OUÉDRAOGO, est venu. “Les cas ont baissé”, dixit Pr Ouédraogo.")[0]
    assert (q.text, q.speaker, q.cue) == ("Les cas ont baissé", "Salif Ouédraogo", "after")


def test_colon_followed_by_a_full_stop():
    text = "Le président, Ousmane Sow DIENG, a salué ces efforts. Il ajoute :.« Le vrai problème reste la vente. »"
    q = ak.extract_quotes(text)[0]
    assert (q.text, q.kind, q.speaker, q.cue) == ("Le vrai problème reste la vente.", "direct", "Ousmane Sow Dieng",
                                                  "colon")


def test_speaker_clause_inside_the_marks():
    text = ("Le directeur, Amadou Tidiane BA, a lancé la campagne.\n\n"
            "« Les semences sont là, a-t-il déclaré. Nous avons doublé les tracteurs. »")
    q = ak.extract_quotes(text)[0]
    assert (q.speaker, q.cue, q.kind) == ("Amadou Tidiane Ba", "inside", "direct")
    assert q.text.startswith("Les semences") and q.text.endswith("tracteurs.")


def test_dit_il_with_no_full_stop():
    text = "Le capitaine, Ismaïla DIOUF, s'est voulu rassurant. \"Le groupe vit bien\", dit-il"
    q = ak.extract_quotes(text)[0]
    assert (q.text, q.speaker, q.cue) == ("Le groupe vit bien", "Ismaïla Diouf", "after")


def test_narrative_infinitive_goes_on_with_the_speaker():
    text = "« L’État ne vous oublie pas », a déclaré le gouverneur Moussa SOUMARÉ.\n\nEt d’ajouter : « Je reviendrai. »"
    assert [q.speaker for q in ak.extract_quotes(text)] == ["Moussa Soumaré", "Moussa Soumaré"]


def test_colon_closing_the_paragraph_before():
    text = "Leur porte-parole, Samba CISSÉ, a résumé leur colère :\n\n\"Sans l’or, nous n’avons rien.\""
    q = ak.extract_quotes(text)[0]
    assert (q.speaker, q.cue, q.kind) == ("Samba Cissé", "colon", "direct")


# ---------------------------------------------------------------------- #
# Issue 13: speakers, with coreference
# ---------------------------------------------------------------------- #
def test_role_noun_resolved_to_the_person_named_earlier():
    text = ("Le Premier ministre, Ali Mahamane ZAKARI, a ouvert la séance, entouré du Ministre de l’Économie et "
            "des Finances, Moussa Adamou GARBA. "
            "« Aucun salaire ne sera suspendu », a déclaré le Ministre nigérien des Finances. "
            "« Nous tiendrons », a ajouté le chef du gouvernement.")
    quotes = ak.extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Moussa Adamou Garba", "Ali Mahamane Zakari"]
    assert quotes[0].speaker_reason == "role « le Ministre nigérien des Finances » → Moussa Adamou Garba"


def test_role_subject_with_another_person_in_the_sentence():
    text = ("Le ministre nigérien des Transports, Abdoulaye ISSA, est à Bamako. "
            "Le ministre nigérien a abordé avec son homologue malien Bakary Sanogo la question des camions : "
            "« Plus de 400 véhicules attendent. »")
    assert ak.extract_quotes(text)[0].speaker == "Abdoulaye Issa"


def test_a_place_is_never_a_speaker():
    text = ("La houle a détruit des maisons à Saint Louis. Le gouverneur de la région, Alioune NDOYE, est venu. "
            "« Les familles seront relogées », a annoncé le gouverneur de Saint Louis. "
            "« Nos pays partagent les mêmes défis », a souligné le chef de la délégation du Burkina Faso.")
    quotes = ak.extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Alioune Ndoye", None]
    assert "fits no one" in quotes[1].speaker_reason
    assert "Saint Louis" not in ak.speaker_names(text)


def test_organisations_and_unnamed_people_are_not_speakers():
    quotes = ak.extract_quotes("« Des contrôles seront menés », indique le ministère. "
                               "« Je ne peux plus nourrir mes enfants », confie une vendeuse. "
                               "« Chaque victoire compte », a indiqué la CEDEAO.")
    assert [q.speaker for q in quotes] == [None, None, None]
    assert [q.speaker_reason.split(":")[0] for q in quotes] == [
        "an organisation, not a person", "a person the article does not name", "an organisation, not a person"]


def test_a_group_of_people_speaks():
    text = ("Une délégation mauritanienne est à Bamako. "
            "La partie malienne a répondu : « Nos forces n’ont jamais ciblé des civils. » "
            "« Nous voulons la paix », confient des éleveurs rencontrés à Nioro.")
    assert [q.speaker for q in ak.extract_quotes(text)] == ["la partie malienne", "des éleveurs"]


def test_pronouns_agree_in_gender():
    text = ("La ministre de la Santé, Dr Aya KOUAMÉ, a inauguré l’unité. "
            "Le chef du service, le Pr Ibrahima SANGARÉ, était là. "
            "« Il manque des néphrologues », a-t-il souligné. "
            "« Nous en formerons », a-t-elle répondu.")
    assert [q.speaker for q in ak.extract_quotes(text)] == ["Ibrahima Sangaré", "Aya Kouamé"]


def test_a_new_subject_wins_over_the_last_speaker():
    text = ("« L’État ne vous abandonnera pas », a déclaré le colonel Yacouba ZOUNGRANA. "
            "Un représentant des déplacés, Hamado DICKO, a pris la parole. "
            "« Nous voulons rentrer chez nous », a-t-il dit.")
    assert [q.speaker for q in ak.extract_quotes(text)] == ["Yacouba Zoungrana", "Hamado Dicko"]


def test_an_ambiguous_role_gives_no_name():
    text = ("Le ministre de la Santé, Moussa KEITA, et le ministre de l’Éducation, Awa SOW, sont venus. "
            "« Nous travaillons ensemble », a dit le ministre.")
    q = ak.extract_quotes(text)[0]
    assert q.speaker is None and "fits" in q.speaker_reason


def test_the_latter():
    text = ("Le directeur de la Caisse, Salissou OUSMANE, a salué l’opération. "
            "Selon ce dernier, la Caisse souscrira à hauteur de 20 milliards.")
    q = ak.extract_quotes(text)[0]
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Salissou Ousmane", "selon")


def test_titles_are_not_part_of_the_name():
    text = "Mme Clarisse OUATTARA, Dr Aya KOUAMÉ, Elhadj Mamadou TOURÉ et SEM Jean-Marc LOISEAU sont là."
    assert list(ak.speaker_names(text)) == ["Clarisse Ouattara", "Aya Kouamé", "Mamadou Touré", "Jean-Marc Loiseau"]


def test_quote_is_frozen_and_keeps_its_fields():
    q = ak.extract_quotes("Le ministre Amadou Sow explique : « Nous avançons. »")[0]
    assert [f for f in q.__dataclass_fields__] == ["start", "end", "text", "kind", "speaker", "cue", "mention",
                                                   "speaker_reason"]
    with pytest.raises(Exception):
        q.speaker = "X"


_MORE_PIECES = st.sampled_from([
    "“", "”", "‘", "’", "‘‘", "’’", '"', "«", "»", "\n\n", "a t-il dit", "dit-il", "dixit", "Pr Awa Sow",
    "Il ajoute :.", ":", "la partie malienne", "Saint Louis", "le ministre de la santé", "l’État", "aujourd’hui",
    "Selon lui,", "Et d’ajouter :", "ce dernier", "—", "Amadou SOW", ",", ".", "a-t-elle ajouté", "on",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_MORE_PIECES, min_size=0, max_size=30))
def test_any_marks_give_exact_offsets(pieces):
    text = " ".join(pieces)
    quotes = ak.extract_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text and q.text == q.text.strip()
        assert q.kind in ("direct", "partial", "motto", "indirect")
        assert q.speaker_reason
        assert q.speaker not in ("Saint Louis",)
        if q.mention is not None:
            assert q.speaker is not None
    ak.quotes_to_annotations(quotes, text)
