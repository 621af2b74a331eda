"""Free-text answers judged for meaning: tables of answers written as learners write them.

Each table holds right answers in unusual wordings that must pass and wrong
but plausible ones that must fail (English, negated, contradicting, off topic,
copied).  The check under test is lesson 1's ``why``; the reader behind it is
:mod:`articlekit.checks.meaning`.
"""

import pytest

from articlekit import checks
from articlekit.checks import meaning
from articlekit.checks import reading as R

RIGHT = [
    "Ils veulent renforcer la coopération militaire entre leurs pays pour lutter ensemble contre le terrorisme.",
    "Les deux pays veulent agir de concert face à l’insécurité.",
    "Le Mali et le Sénégal souhaitent collaborer davantage pour combattre les groupes djihadistes.",
    "Ils se rencontrent afin de s'allier contre le terrorisme qui menace la région.",
    "Les deux voisins veulent unir leurs forces pour que le terrorisme ne progresse plus à leur frontière.",
    "Bamako et Dakar coopèrent parce que l'insécurité grandit au Sahel.",
    "Les ministres cherchent un partenariat plus fort contre la criminalité transfrontalière et le terrorisme.",
    "Ils ne refusent pas de coopérer : ils veulent lutter ensemble contre les djihadistes.",
    "Les deux armées veulent travailler main dans la main pour mettre fin au terrorisme.",
    "Ils veulent mutualiser leurs moyens dans la lutte antiterroriste.",
    "ils veulent cooperer davantage pour la securite de la frontiere",          # no accents, no capital
    "Pour renforcer leur coopération contre le terrorisme.",                       # a fragment, as learners write
    "Les deux ministres veulent une alliance militaire pour combattre les djihadistes.",
    "Renforcer leur collaboration militaire face aux menaces terroristes au Sahel.",
    "Pour collaborer davantage contre le djihadisme au Sahel.",                   # words the small lexicon lacks
    "Ils veulent coopérer car le terrorisme menace les deux pays.",
    "Les deux pays souhaitent approfondir leur partenariat en matière de défense et de sécurité.",
    # a supporting verb whose doer is a threat, or is fought: the learner does not side with it
    "Ils veulent coopérer pour lutter contre les trafics qui financent les groupes armés.",
    "Les deux pays veulent unir leurs forces contre les réseaux qui soutiennent les terroristes.",
    "Ils renforcent leur coopération pour combattre ceux qui financent le terrorisme.",
]

WRONG = [
    ("The two countries want to cooperate against terrorism.", "French"),                 # English
    ("Both countries want to work together against terrorism and insecurity.", "French"),
    ("Los dos países quieren cooperar contra el terrorismo.", "French"),                  # Spanish
    ("Le Mali refuse toute coopération militaire et soutient le terrorisme.", "or that they do not"),
    ("Ils ne veulent pas coopérer contre le terrorisme.", "or that they do not"),
    ("Le Sénégal rejette l'idée d'une alliance contre les djihadistes.", "or that they do not"),
    ("Le terrorisme n’existe plus, donc ils annulent leur partenariat.", "or that they do not"),
    ("Ils veulent mettre fin à leur coopération contre le terrorisme.", "or that they do not"),
    ("Ils luttent contre le terrorisme chacun de son côté sans aucune coopération.", "or that they do not"),
    ("Les deux pays veulent coopérer car le terrorisme a disparu.", "against the threat"),
    ("Ils veulent coopérer avec les terroristes.", "against the threat"),
    ("Les deux pays veulent coopérer et soutenir les groupes armés.", "against the threat"),
    ("Le Mali et le Sénégal jouent au football ensemble le jeudi.", "Name the threat"),   # off topic
    ("Les deux pays veulent coopérer.", "Name the threat"),
    ("Ils veulent lutter contre le terrorisme.", "strengthen together"),
    ("Le ministre aime beaucoup la cuisine sénégalaise.", "strengthen together"),
    ("Le Mali veut rompre sa coopération militaire avec le Sénégal.", "or that they do not"),
    ("La coopération militaire est abandonnée car le terrorisme a été vaincu.", "or that they do not"),
    ("Ils veulent coopérer pour financer les groupes armés.", "against the threat"),
    # …but support stays support when the doer is on the learner's side, or is not fought
    ("Les deux pays veulent coopérer pour aider les réseaux qui soutiennent les terroristes.", "against the threat"),
    ("Ils veulent coopérer mais ne combattent pas les réseaux qui financent les djihadistes.", "against the threat"),
    ("Ils veulent coopérer avec les ministres qui soutiennent les groupes armés.", "against the threat"),
    ("Le Sénégal, qui finance les djihadistes, veut coopérer avec le Mali.", "against the threat"),
]


@pytest.mark.parametrize("answer", RIGHT)
def test_right_answers_in_any_wording_pass(answer, article):
    result = checks.run_check(R.why, answer, article=article, strict=True)
    assert result.ok, (answer, result.hints)


@pytest.mark.parametrize("answer,cue", WRONG)
def test_wrong_but_plausible_answers_fail_with_the_right_question(answer, cue, article):
    result = checks.run_check(R.why, answer, article=article, strict=True)
    assert result.status == "failed", answer
    assert cue in result.hint(1), (answer, result.hint(1))


def test_copied_sentence_and_other_shapes_fail(article):
    copied = next(s.text for s in article.sentences if "coopération" in s.text)
    assert "own words" in checks.run_check(R.why, copied, article=article).hint()
    for shape in (None, 3, ["Ils veulent coopérer contre le terrorisme"], "Mali"):
        assert checks.run_check(R.why, shape, article=article, strict=True).status == "failed"
    padded = "Ils veulent coopérer contre le terrorisme. " * 8
    assert "one short sentence" in checks.run_check(R.why, padded, article=article).hint()


def test_the_synonym_table_lives_in_data_and_is_read_only():
    lex = meaning.lexicon()
    lemmas, phrases = lex.concept("cooperation")
    assert "cooperer" in lemmas and ("de", "concert") in phrases
    assert isinstance(lemmas, frozenset)
    with pytest.raises(KeyError, match="concepts-fr.json"):
        lex.concept("no-such-idea")


def test_language_check_is_offline_and_stable():
    fr, en = meaning.french_share("Les deux pays veulent coopérer contre le terrorisme.")
    assert fr >= 0.85 and en == 0      # « veulent » is a form the lemma table does not list as a lemma
    fr, en = meaning.french_share("The two countries want to work together.")
    assert fr < 0.5 and en > 0.3
    assert meaning.french_share("") == (0.0, 0.0)


CONDITIONS_RIGHT = [
    "Le Mali veut bien coopérer avec ses partenaires, à condition qu’ils respectent sa souveraineté et ses choix stratégiques.",
    "Le Mali accepte de collaborer si ses partenaires respectent ses choix.",
    "Ouvert à toute collaboration, le Mali exige le respect de ses choix stratégiques et de sa souveraineté.",
    "Le Mali est prêt à travailler avec tous ses partenaires pourvu que ses intérêts soient respectés.",
    "le mali veut des relations bilaterales mais dans le respect de sa souverainete",   # no accents
]

CONDITIONS_WRONG = [
    ("Le Mali coopère sans condition avec tous ses partenaires.", "give up its conditions"),
    ("Le Mali renonce à sa souveraineté pour coopérer avec le Sénégal.", "give up its conditions"),
    ("Le Mali ne veut plus coopérer, même si on respecte sa souveraineté.", "or that it does not"),
    ("Les deux pays veulent coopérer davantage pour lutter contre le terrorisme.", "On what condition"),  # the lesson's question
    ("Mali is open to cooperation if its sovereignty is respected.", "French"),
    ("Le Mali a quitté la CEDEAO en janvier.", "open to"),
    ("Le Mali accepte toute coopération, même si sa souveraineté n'est pas respectée.", "give up its conditions"),
    ("Le Mali refuse de coopérer avec le Sénégal.", "or that it does not"),
]


@pytest.mark.parametrize("answer", CONDITIONS_RIGHT)
def test_conditions_right_answers_pass(answer, article):
    result = checks.run_check(R.conditions, answer, article=article, strict=True)
    assert result.ok, (answer, result.hints)


@pytest.mark.parametrize("answer,cue", CONDITIONS_WRONG)
def test_conditions_wrong_answers_fail(answer, cue, article):
    result = checks.run_check(R.conditions, answer, article=article, strict=True)
    assert result.status == "failed" and cue in result.hint(1), (answer, result.hints)
