"""The report's own text: do the scenario's quotes stand in it, and which of its numbers does
no claim cover? ``read`` reads a document file (the only I/O here); ``text``, ``quotes``,
``outline`` and ``coverage`` are pure functions of its text."""
