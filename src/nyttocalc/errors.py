"""Errors a user can fix. ``str(error)`` is one paragraph; the CLI prints it and exits 2."""


class NyttocalcError(Exception):
    """Bad input or usage: the message says where and what was expected."""


MAX_EXCERPT = 80  # characters of a value from a file that an error quotes


def excerpt(value: object, limit: int = MAX_EXCERPT) -> str:
    """A value as an error quotes it (its ``repr``, so on one line), shortened by ``clip``.
    An error names what is wrong; it never echoes a file (a parameter file that is someone's
    password file, a key of a megabyte)."""
    return clip(repr(value), limit)


def clip(text: str, limit: int = MAX_EXCERPT) -> str:
    """``text`` if it has at most about ``limit`` characters, else its start and end with its
    length; one line."""
    text = " ".join(text.splitlines())
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]}…{text[-half:]} ({len(text):,} characters)"
