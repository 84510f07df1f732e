"""Errors a user can fix. ``str(error)`` is one paragraph; the CLI prints it and exits 2."""


class NyttocalcError(Exception):
    """Bad input or usage: the message says where and what was expected."""
