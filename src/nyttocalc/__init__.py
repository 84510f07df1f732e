"""nyttocalc: socio-economic payback and break-even analysis of social interventions."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("nyttocalc")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
