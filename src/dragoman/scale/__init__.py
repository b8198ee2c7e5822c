"""Throughput: the pipeline over many processes (pool.py) or a Ray cluster (ray.py).

Both keep the pipeline's promise: one model per worker, documents out in input order
(pool) or one output shard per input shard (Ray), and a bad document reported, never
dropped. prefilter.py holds the cheap test that lets sentences skip the parser.
"""
