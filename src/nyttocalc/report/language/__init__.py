"""Words and numbers as a reader reads them, in English and Swedish."""
