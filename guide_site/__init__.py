"""Build-time generator: load and validate content/, render pages, bundle the engine for Pyodide.

Plain functions only; the MkDocs-specific glue lives in :mod:`guide_site.plugin`.
"""
