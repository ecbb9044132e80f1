"""The dataset: interviews and their alignments in, a folder ``datasets.load_dataset`` reads out.

``build`` runs every interview of a raw folder (in worker processes) and streams
its records to ``export`` (Parquet, one file per config, named by content, with
``datasets`` features derived from the record models), writes the review site
beside them and the card (``card``); ``schema`` writes the records' JSON Schema.
"""
