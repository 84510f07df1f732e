"""The defaults of the commands' options that are settings of an analysis. Constants only: the
command line reads them while it builds its options, on every run, ``--help`` too."""

SWEEP_METRIC = "persons_whole"
SENSITIVITY_METRIC = "persons_exact"  # whole persons move in steps
SENSITIVITY_BY = "20%"
