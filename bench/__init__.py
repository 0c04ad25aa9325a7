"""Benchmarks: ``python -m bench.knowledge_bench`` (see bench/README.md)."""
