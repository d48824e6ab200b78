"""Demo data at archive scale, for benchmarks and for trying tracker out.

``generate_demo_data`` (the management command) builds a fictional world
(states with their ministries, agencies and spokespeople, armed groups under
several names, outlets, NGOs, witnesses), then events told by several of them:
documents with full text, claims with intervals, accounts whose quotes are
the documents' words at their offsets, flags and verdicts. Everything is
fictional, so no real body is ever made to say anything.

It writes in bulk (PostgreSQL ``COPY``, SQLite ``executemany``), past the
services, but stores exactly what the services would: roots filled in,
quotes checked by the database trigger, findings and claims' suggestions
computed by the same pure ``tracker.conflicts.compare_event`` per event.

Demo data is marked (``tracker.demo.marker``) so benchmarks can refuse to run
against a database that holds real work.
"""
