"""Tests of the rule-based French sentence splitter (articlekit.sentences)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.sentences import ABBREVIATIONS, split_sentences

# A careful human reading of the seed, sentence by sentence.  Choices:
# - a quotation holding several sentences gives several sentences; the words
#   introducing it and the opening « go with the first, the closing » or ».
#   with the last (paragraphs 2 and 6);
# - a quotation inside a sentence stays inside it (« hommage ... région».);
# - a paragraph that ends without a period still ends its sentence
#   (« Un Peuple, Un But, Une foi »).
SEED_SENTENCES = [
    # paragraph 0
    'Le Ministre de la Défense et des anciens Combattants, le Général de corps d’Armée, Sadio CAMARA a rencontré ce jeudi, 06 février 2025, son homologue Sénégalais Birame DIOP et sa délégation en visite de 72 heures dans notre pays.',
    'Au menu de la rencontre, les questions de renforcement de la coopération dans le domaine de défense et de sécurité.',
    # paragraph 1
    'La coopération militaire entre le Mali et le Sénégal doit réduire considérablement l’insécurité de part et d’autre de la frontière commune entre les deux pays.',
    'Une frontière qui s’étale sur 419 kilomètres de longueur.',
    'Le Mali et le Sénégal ont en commun la même devise : « Un Peuple, Un But, Une foi »',
    # paragraph 2
    'Avec ces facteurs favorables, le Ministre de la Défense et des Anciens Combattants, le Général de corps d’Armée Sadio Camara et son homologue Sénégalais Birame DIOP cherchent à renforcer la coopération militaire entre les 2 pays afin de lutter efficacement contre le terrorisme.',
    'Au cours de sa rencontre avec son homologue Malien, Birame DIOP, Ministre des Forces Armée du Sénégal a rendu « hommage à la résilience du peuple Malien et salué la vaillance de ses forces armées, qui sont engagées depuis plus d’une décennie dans une bataille cruciale pour l’avenir du Mali et, au-delà, de notre région».',
    'Mais, poursuit le Ministre Sénégalais, les deux pays, le Mali et le Sénégal, sont condamnés à renforcer davantage leur coopération militaire en vue d’atteindre le maximum de résultats positifs dans le combat contre le terrorisme et l’insécurité.',
    'Le Ministre Birame Diop explique ainsi les motivations profondes de sa visite de 72 heures au Mali : «Nous pouvons l’approfondir notre coopération militaire pour mieux faire face aux défis sécuritaires aigues auxquels nous sommes confrontés dans nos missions de Sécurisations de nos territoires respectifs.',
    'La lutte contre le terrorisme et l’extrémisme violent dans laquelle le Mali est activement engagé, la criminalité Transfrontalière, les trafics illicites qui financent les groupes armés Terroristes, et les réseaux criminels constituent autant de menaces qui nécessitent la mutualisation de nos efforts.',
    'C’est le but de cette visite qui j’en suis assuré, nous permettra de trouver les voies et moyens de mettre en œuvre pleinement l’accord cadre de 2021 ».',
    # paragraph 3
    'La partie Malienne, quant à elle, se dit ouverte à toute collaboration, pourvu qu’elle respecte les principes édictés par les autorités de la transition.',
    # paragraph 4
    'Pour le Général de Corps d’Armée Sadio CAMARA Ministre de la Défense et des anciens Combattants « le Mali a quitté la CEDEAO, mais il voudrait toujours bâtir des relations bilatérales fécondes avec tous les partenaires qui le désire notamment, avec la République sœur du Sénégal conformément aux principes édictés par la Transition, en matière de coopération bilatérale à savoir : le respect de la souveraineté du Mali, le respect des choix stratégiques et le choix des partenaires opérés par le Mali, et la prise e compte des intérêts du Peuple Malien dans les décisions prises ».',
    # paragraph 5
    'Cette rencontre vise à promouvoir une coopération diversifiée et mutuellement avantageuse, la sécurité et la stabilité qui tiennent à cœur les Autorités de la Transition.',
    # paragraph 6
    'Le Ministre de la Défense et des Anciens Combattants souligne l’importance, la pertinence et la nécessité de la rencontre avec la délégation Sénégalaise en ces termes : « Nous devons coopérer en scrutant notre accord de coopération existant parce que, la lutte contre le terrorisme et la criminalité transfrontalière l’exige, le terrorisme et le crime organisé transnational en perpétuel mutation et parfois soutenue par des acteurs internationaux, aux visées impérialistes ne seront combattus que lorsque nous agirons ensemble.',
    'C’est un honneur de réunir, des experts et des leaders de divers domaine pour discuter des défis et des opportunités qui se présentent à nous dans ce secteur crucial qu’est la défense nationale.',
    'Votre présence témoigne de l’importance que nous accordons à la sécurité et à la stabilité de nos pays ».',
    'Il faut dire que cette rencontre vise à renforcer les échanges et la coopération entre les forces armées du Mali et du Sénégal.',
    'Et la conviction est maintenant établie, selon laquelle seule une lutte commune permet de gagner la lutte contre le terrorisme, a dit le Général Sadio Camara en termes de conclusion.',
]


def texts(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_seed_sentences_match_a_human_reading(article):
    assert [s.text for s in article.sentences] == SEED_SENTENCES


def test_seed_sentences_per_paragraph(article):
    assert [len(article.sentences_of(p)) for p in article.paragraphs] == [2, 3, 6, 1, 1, 1, 5]


def test_seed_sentence_offsets_and_paragraphs(article):
    for i, s in enumerate(article.sentences):
        assert s.index == i
        assert article.text[s.start:s.end] == s.text
        p = article.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end


def test_simple_split():
    assert texts("Il pleut. Il vente! Viens-tu? Oui.") == [
        "Il pleut.", "Il vente!", "Viens-tu?", "Oui."]


@pytest.mark.parametrize("text", [
    "M. Diop est arrivé hier.",
    "Mme Traoré et MM. Diop et Camara sont là.",
    "Le Dr Keïta et le Pr. Sow ont parlé.",
    "Voir l’art. 12 de la loi.",
    "Le Gén. Camara a parlé.",
    "Voir cf. Le Monde du jour.",
])
def test_abbreviations_do_not_split(text):
    assert texts(text) == [text]


def test_etc_splits_only_before_a_capital():
    assert texts("Des fusils, des drones, etc. Le reste suit.") == [
        "Des fusils, des drones, etc.", "Le reste suit."]
    assert texts("Des fusils, des drones, etc. et le reste.") == [
        "Des fusils, des drones, etc. et le reste."]


@pytest.mark.parametrize("text", [
    "Selon B. COULIBALY, la visite est utile.",
    "Le colonel A. Diallo et J.-P. Sow sont venus.",
])
def test_initials_do_not_split(text):
    assert texts(text) == [text]


@pytest.mark.parametrize("text", [
    "Le taux est de 24,5 % cette année.",
    "La croissance atteint 3.5 points. Elle baisse.",
])
def test_decimals_do_not_split(text):
    assert texts(text)[0].startswith("Le taux" if "24" in text else "La croissance atteint 3.5 points.")
    assert all(not t.endswith("3.") for t in texts(text))


def test_decimal_split_exactly():
    assert texts("La croissance atteint 3.5 points. Elle baisse.") == [
        "La croissance atteint 3.5 points.", "Elle baisse."]


@pytest.mark.parametrize("text, expected", [
    ("Il hésite… puis repart.", ["Il hésite… puis repart."]),
    ("Il hésite... puis repart.", ["Il hésite... puis repart."]),
    ("Il attend… Rien ne vient.", ["Il attend…", "Rien ne vient."]),
    ("Il attend... Rien ne vient.", ["Il attend...", "Rien ne vient."]),
    ("Quoi ?! Non !", ["Quoi ?!", "Non !"]),
])
def test_ellipses_and_repeated_marks(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", [
    "« Que faire ? » s’interroge le ministre.",
    "« Jamais ! » a répondu le général.",
    "« Que faire ? », demande-t-il.",
])
def test_question_in_quotation_with_speaker_clause(text):
    assert texts(text) == [text]


def test_quotation_sentences_and_closing_marks():
    text = "Il explique : « Nous venons. Nous restons. » Le public applaudit."
    assert texts(text) == ["Il explique : « Nous venons.", "Nous restons. »", "Le public applaudit."]
    text = "Il dit : « Nous venons. Nous restons ». Le public applaudit."
    assert texts(text) == ["Il dit : « Nous venons.", "Nous restons ».", "Le public applaudit."]
    text = "« Que faire ? » Le ministre se tait."
    assert texts(text) == ["« Que faire ? »", "Le ministre se tait."]


def test_quotation_inside_a_sentence_stays_inside():
    text = "Il rend « hommage au peuple ». Puis il part."
    assert texts(text) == ["Il rend « hommage au peuple ».", "Puis il part."]


def test_sentence_starting_with_a_quotation_or_digit():
    assert texts("Il part. « Adieu », dit-il. 2025 sera dure.") == [
        "Il part.", "« Adieu », dit-il.", "2025 sera dure."]


def test_accented_capitals_start_sentences():
    assert texts("Il part. Œuvrer ensemble. État fort. À demain.") == [
        "Il part.", "Œuvrer ensemble.", "État fort.", "À demain."]


def test_lowercase_after_period_does_not_split():
    assert texts("Voir p. 12 et suivantes. fin") == ["Voir p. 12 et suivantes. fin"]


def test_edges():
    assert split_sentences("") == []
    assert split_sentences("   ") == []
    assert texts("  Sans point final  ") == ["Sans point final"]
    assert texts("Un. ") == ["Un."]


def test_abbreviations_are_words():
    assert "M" in ABBREVIATIONS and "Mme" in ABBREVIATIONS and "etc" not in ABBREVIATIONS


# --------------------------------------------------------------------------- #
# Properties on generated French-like text
# --------------------------------------------------------------------------- #
LOWER = "abcdefghijklmnopqrstuvwxyzéèêàâçîôûœ"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÀÇÔ"
word = st.text(LOWER, min_size=2, max_size=10)
capitalised = st.builds(lambda c, w: c + w, st.sampled_from(UPPER), st.text(LOWER, min_size=1, max_size=9))
inner = st.lists(st.one_of(word, word, word, capitalised, st.sampled_from(["24,5", "3.5", "M. Diop", "B. COULIBALY", "l’État", "au-delà", ","])), min_size=0, max_size=12)


@st.composite
def french_sentence(draw):
    last = draw(word.filter(lambda w: w not in ABBREVIATIONS))
    words = [draw(capitalised)] + draw(inner) + [last]
    body = " ".join(words).replace(" ,", ",")
    end = draw(st.sampled_from([".", ".", ".", " !", " ?", "…", "..."]))
    sentence = body + end
    if draw(st.booleans()) and draw(st.booleans()):
        sentence = "« " + sentence + " »"
    return sentence


@settings(max_examples=150, deadline=None)
@given(st.lists(french_sentence(), min_size=1, max_size=8), st.sampled_from([" ", "  ", " \u00a0 "]))
def test_generated_sentences_are_found_back(sentences, gap):
    text = gap.join(sentences)
    assert texts(text) == sentences


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aBé .!?…»«,\u00a0:3") + ["M. ", "etc. ", " » ", "..."]), max_size=40))
def test_splitter_never_loses_or_duplicates_characters(pieces):
    text = "".join(pieces)
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[previous_end:start].strip() == ""  # only spaces between
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    assert text[previous_end:].strip() == ""
    # the non-space characters, in order, are exactly those of the text
    assert re.sub(r"\s", "", "".join(text[a:b] for a, b in spans)) == re.sub(r"\s", "", text)
