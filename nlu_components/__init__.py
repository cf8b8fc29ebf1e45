"""Rasa NLU components of this project, named by their module path in config.yml."""
