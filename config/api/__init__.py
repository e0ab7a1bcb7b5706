"""The read-only content API (`/api/v1/…`) and the HSDS 3.0 API profile of the directory, above the reader pages."""
