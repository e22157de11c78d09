"""Retrieval over the knowledge base: embeddings, dense and lexical indexes, fusion."""
