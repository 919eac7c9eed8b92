"""bakat: merit-based talent management for the Indonesian civil service (ASN)."""

__version__ = "0.1.0"
