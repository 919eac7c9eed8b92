"""Reconciliation of the agency's records with the national registry (SIASN)."""
