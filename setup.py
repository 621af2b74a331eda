"""Build hook: ship the seed article inside the package.

The seed lives once, byte for byte, in ``seeds/`` (a test pins its sha256).  An
editable install reads it there; a built wheel (``pip install articlekit`` from
git, Binder, a student repository) gets a copy in ``articlekit/data/`` so that
``ak.load_article()`` works without the repository.  Everything else is in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithSeed(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "articlekit" / "data"
        target.mkdir(parents=True, exist_ok=True)
        for seed in sorted(Path(__file__).resolve().parent.joinpath("seeds").glob("*.txt")):
            shutil.copyfile(seed, target / seed.name)


setup(cmdclass={"build_py": BuildPyWithSeed})
