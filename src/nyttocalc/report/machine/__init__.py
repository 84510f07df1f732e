"""Output for scripts: JSON and CSV with unrounded numbers and stable keys."""
