"""Site search: text normalisation (text), the index of what readers see (index), finding and
ranking (query), excerpts with highlights (excerpts)."""
