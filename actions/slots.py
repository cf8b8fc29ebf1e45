"""Slot names, defined once (domain.yml declares them)."""
CONTEXT = "context"  # the conversation state: knowledge.state.ConversationState as a dict
