# The two commands: `make run` (install, ingest corpus/, serve the web UI) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 7860
EVAL_FLOORS := answer_accuracy=0.95 abstention_accuracy=0.95 verdict_macro_f1=0.93 \
               citation_precision=0.88 retrieval_recall_at_5=0.78 supported_when_refuted=0.02

.PHONY: install run ingest test lint eval eval-ci bench browser clean

install: $(STAMP)

# torch first, pinned: the CPU build on local disk. Left to the resolver, sentence-transformers
# would pull a CUDA build of several GB.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

ingest: install
	$(BIN)/factcheck ingest corpus --prune --index index

run: ingest
	$(BIN)/python app.py --index index --host $(HOST) --port $(PORT)

# Debian's chromium for the browser tests; skipped quietly where apt is not ours to use.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-microhei; \
	  else echo "chromium not found: browser tests will be skipped (apt-get install chromium)"; fi; }

lint: install
	$(BIN)/ruff check .

# pytest's exit 5 means it collected no tests: a broken suite, never a pass.
test: install browser lint
	@$(BIN)/pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$status

eval: install
	$(BIN)/factcheck eval evals/dev.jsonl --corpus corpus --out evals/reports/latest

# CI's regression floor: a little under the figures the dev set gives today (see evals/README.md).
eval-ci: install
	$(BIN)/factcheck eval evals/dev.jsonl --corpus corpus --out evals/reports/ci \
	  $(foreach f,$(EVAL_FLOORS),--min $(f))

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf index .cache evals/reports/latest tests/artifacts
