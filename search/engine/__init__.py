"""The directory's documents on a search engine: mappings, documents, indexing, rebuilds."""
