"""More answers a learner really gives to the fiche's free-text checks: English for French, a negated fact.

Each must fail (with a hint, never a crash); the French right answer next to it must pass.
"""

from __future__ import annotations

import pytest

import articlekit as ak

CASES = [
    # (lesson, check, answer, should pass)
    ("03-summarising", "try_main_idea",
     "Le Mali et le Sénégal veulent renforcer leur coopération militaire contre le terrorisme.", True),
    ("03-summarising", "try_main_idea",
     "Le Mali et le Sénégal ne veulent pas renforcer leur coopération militaire.", False),
    ("03-summarising", "try_main_idea",
     "Mali and Senegal want to strengthen their military cooperation against terrorism.", False),
    ("02-annotating", "try_indirect",
     "Sadio Camara said that the two countries had to cooperate by examining their existing cooperation "
     "agreement.", False),
    ("02-annotating", "try_indirect",
     "Sadio Camara a déclaré que les deux pays devaient coopérer en scrutant leur accord de coopération "
     "existant.", True),
]


@pytest.mark.parametrize("lesson, name, answer, right", CASES, ids=[f"{c[1]}-{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_free_text_answers(lesson, name, answer, right):
    result = ak.checks.lesson(lesson).result(name, answer)
    assert result.status == ("passed" if right else "failed"), (result.status, result.hints)
    if not right:
        assert result.hint(1) and answer not in result.hint(1)
