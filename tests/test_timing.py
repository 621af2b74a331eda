"""Each lesson's Level and Time are stated, and the time table is the measured estimate."""

from pathlib import Path

import pytest

from articlekit.classroom import timing

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("0*.md")) + sorted((ROOT / "solutions").glob("0*.md"))


def test_every_time_table_is_the_measured_estimate():
    stale = [str(p.relative_to(ROOT)) for p in timing.stale_tables(LESSONS)]
    assert not stale, ("time tables out of date; run: .venv/bin/python -m articlekit.classroom.timing "
                       + " ".join(stale) + " && make sync")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_level_names_french_and_python(path):
    text = path.read_text(encoding="utf-8")
    level = next(line for line in text.splitlines() if line.startswith("**Level:**"))
    assert "French" in level and "Python:" in level


def test_the_model_counts_what_a_learner_does():
    base = "## 1. A\n\n" + "mot " * 120 + "\n"
    assert timing.estimate(base)[0].minutes == 1.0                      # 120 words: one minute
    with_cell = base + "```{code-cell} ipython3\nx = 1\n```\n"
    assert timing.estimate(with_cell)[0].minutes == 2.0
    with_try = with_cell + "**Try it.** Change it.\n"
    assert timing.estimate(with_try)[0].minutes == pytest.approx(2.0 + timing.TRY_IT_MINUTES, abs=0.05)
    long_cell = base + "```{code-cell} ipython3\n" + "x = 1\n" * 28 + "```\n"
    assert timing.estimate(long_cell)[0].minutes == 1.0 + 1.0 + 2       # 28 lines: 2 extra minutes


def test_a_lesson_without_a_table_block_cannot_be_written(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("## 1. A\n\ntext\n", encoding="utf-8")
    with pytest.raises(ValueError, match="time-table"):
        timing.write_tables([path])
    assert timing.stale_tables([path]) == [path]
