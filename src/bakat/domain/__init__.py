"""The regulated rules of ASN talent management as plain values and functions.

Standard library only: no Django, no Polars. Each rule cites its regulation.
"""
