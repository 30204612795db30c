"""The monthly report (generation, publication, exports) and the emulation score, all read from
the stored results in the public schema, never from the schools' schemas."""
