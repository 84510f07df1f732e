"""What each command asks of the core, built from a loaded scenario and the command's options.

Each function checks the options against the scenario, fills in their defaults, runs the
analyses the command shows (which ones, and with which settings, is decided here) and returns
their results; a bad option is a ``NyttocalcError`` that names it. The commands in ``cli`` only
load, ask and render, so everything a command decides can be asked here without Typer; what is
shown, and how, is ``report``'s. One module per family of commands.
"""
