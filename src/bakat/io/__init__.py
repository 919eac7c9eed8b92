"""Files in and out: the data-folder readers and the result writers.

- :mod:`bakat.io.readers`: ``read_table``, ``read_folder``, ``read_file`` -> ``Loaded``
  (canonical frame, value-level problems ``masalah``; contract breaks raise InputError).
- :mod:`bakat.io.tables`: the table contracts (columns, dtypes, required columns, keys).
- :mod:`bakat.io.layouts`: header spellings per source (canonical, SIASN export).
- :mod:`bakat.io.writers`: ``write_csv``, ``write_parquet``, ``write_xlsx``,
  ``atomic_output`` (atomic, formula-neutralised).

The reading and writing rules are documented in ``docs/formats.md``.
"""
