.PHONY: chat web test test-fast setup train actions insights clean

chat:        ## set up, train if needed, start the action server and open the shell
	scripts/chat.sh

web:         ## like chat, but serve the website widget on http://localhost:8080
	scripts/web.sh

test:        ## run the whole test suite
	scripts/test.sh

test-fast:   ## lint, types and the unit tests only (no Rasa model, no servers): under a minute
	scripts/test.sh -m "not rasa"

setup:       ## .venv + knowledge store + spaCy pipeline
	scripts/setup.sh

train: setup ## train the Rasa model if anything changed
	scripts/train.sh

actions: setup ## run the action server in the foreground (port 5055)
	.venv/bin/rasa run actions

insights:    ## the report on the stored conversations: misses, answers rated down, turns per day, topics (ARGS="--days 7")
	.venv/bin/python -m deployment.insights $(ARGS)

clean:       ## remove everything built (the venv stays)
	rm -rf build models .pytest_cache
