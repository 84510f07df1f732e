"""What-if in the report page: the inputs that matter most as controls, and a script that
recomputes the answer and the tables from a translation of the core's own definitions."""
