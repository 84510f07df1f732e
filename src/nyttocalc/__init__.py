"""nyttocalc: socio-economic payback and break-even analysis of social interventions."""

# The one place the version is written; pyproject.toml reads it from here. A literal, because
# importlib.metadata costs about 60 ms on every command.
__version__ = "0.3.0"
