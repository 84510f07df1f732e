"""The defaults of the commands' options that are settings of an analysis. Constants only: the
command line reads them while it builds its options, on every run, ``--help`` too."""

# The figures --metric takes, the default first: ``registry.metrics()``, written out so that
# building the options imports no core (a test holds the two equal).
METRICS = ("persons_whole", "persons_exact", "persons_half_steps", "payback_year",
           "employment_rate", "required_value_per_year", "value_per_person_year", "cost",
           "net_present_value", "benefit_cost_ratio")
COUNTING_METRICS = ("net_present_value", "benefit_cost_ratio")  # figures of --persons employed
SWEEP_METRIC = METRICS[0]
SENSITIVITY_METRIC = "persons_exact"  # whole persons move in steps
SENSITIVITY_BY = "20%"
