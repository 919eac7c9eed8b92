"""Every command module, imported once so that each registers itself on ``app``."""
