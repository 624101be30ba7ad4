"""Refusals of the domain's rules: the message is for the user, in Vietnamese."""

from __future__ import annotations


class ValidationError(Exception):
    """Data refused by a rule; `messages` lists every problem, each starting with its path."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


class NoPlanError(Exception):
    """The year asked for has no plan: nothing to print."""
