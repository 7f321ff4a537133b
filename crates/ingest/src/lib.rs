//! Ingest: bytes in, `Document`s out.
