"""A SPARQL 1.1 Protocol endpoint over a store, and a page to query it and see the answer as a graph.

    from kg.serve.app import create_app
    from kg.serve.server import http_server

    app = create_app("kgdata/", timeout=10)
    server = http_server(app, "127.0.0.1", 7878)
    server.serve_forever()            # http://127.0.0.1:7878/sparql and the page at /
    app.close()

This package's ``__init__`` imports nothing: query workers import ``kg.serve.worker``
alone and must start fast.
"""
