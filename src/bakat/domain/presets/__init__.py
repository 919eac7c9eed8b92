"""Built-in scoring policies (TOML), shipped as package data; see :mod:`bakat.domain.policy`."""
